package io.github.resemblegate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A safety net under the rule that no report holds the API token. Front ends never put it into
 * the run's options or the API URL; should one ever do, the reports still do not show it.
 */
final class Redaction {

  static final String HIDDEN = "****";

  /** Option names that carry a secret; names that only say where one comes from do not. */
  private static final Pattern SECRET = Pattern.compile(
      "(?i).*(token|secret|password|passwd|authorization|api[-_.]?key|credential).*");
  private static final Pattern POINTER = Pattern.compile(
      "(?i).*(env|environmentvariable|variable|id|advice|file|path)$");

  private Redaction() {}

  /** The options with the values of secret-looking settings replaced by {@code ****}. */
  static Map<String, String> options(Map<String, String> options) {
    Map<String, String> out = new LinkedHashMap<>();
    options.forEach((name, value) -> out.put(name,
        value != null && isSecret(name) ? HIDDEN : value));
    return out;
  }

  static boolean isSecret(String name) {
    return name != null && SECRET.matcher(name).matches() && !POINTER.matcher(name).matches();
  }

  /** The URL without user info, query or fragment, where credentials could hide. */
  static String url(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      if (uri.getRawUserInfo() == null && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return url;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null,
          null).toString();
    } catch (URISyntaxException e) {
      return url.contains("@") || url.contains("?") ? HIDDEN : url;
    }
  }
}
