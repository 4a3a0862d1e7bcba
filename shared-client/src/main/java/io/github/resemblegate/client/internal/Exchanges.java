package io.github.resemblegate.client.internal;

import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/** Makes the {@link Exchange}s of the API's calls from paths below one base URL. */
final class Exchanges {

  private final HttpUrl baseUrl;

  Exchanges(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A GET of the base URL with these path segments added, each encoded. */
  Exchange get(String... segments) {
    return get(url(segments));
  }

  Exchange get(HttpUrl url) {
    return new Exchange("GET", path(url), url, null, false, null);
  }

  Exchange post(String path, RequestBody body, boolean upload, String creates) {
    HttpUrl url = baseUrl.newBuilder().addPathSegments(path).build();
    return new Exchange("POST", path(url), url, body, upload, creates);
  }

  /** The base URL with these path segments added, each encoded. */
  HttpUrl url(String... segments) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  /** The part of the URL below the base, as messages and listeners show it. */
  private String path(HttpUrl url) {
    String full = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    String base = baseUrl.encodedPath();
    return base.equals("/") || !full.startsWith(base) ? full : full.substring(base.length());
  }
}
