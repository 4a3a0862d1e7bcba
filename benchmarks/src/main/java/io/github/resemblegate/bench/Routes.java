package io.github.resemblegate.bench;

import java.util.regex.Pattern;

/** Request paths with their ids replaced, so requests can be counted by route. */
final class Routes {

  private static final Pattern ID = Pattern.compile("/[0-9a-fA-F-]{8,40}(?=/|$)");

  private Routes() {}

  /** {@code /api/v2/detect/batch/3f…} becomes {@code /detect/batch/{id}}; the query is dropped. */
  static String shape(String path) {
    String p = path == null ? "" : path;
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    int api = p.indexOf("/api/v2");
    if (api >= 0) {
      p = p.substring(api + "/api/v2".length());
    }
    return ID.matcher(p).replaceAll("/{id}");
  }
}
