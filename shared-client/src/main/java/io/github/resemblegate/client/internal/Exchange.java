package io.github.resemblegate.client.internal;

import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * One API call as the retry loop sees it.
 *
 * @param path the path below the base URL, for messages and listeners ({@code /detect/batch})
 * @param body null for GET; every body here can be written again for a retry
 * @param upload true when the body carries files, which the call timeout must not cut short
 * @param creates what a successful call creates ({@code batch}), for the billing advice
 */
record Exchange(String method, String path, HttpUrl url, RequestBody body, boolean upload,
    String creates) {

  boolean idempotent() {
    return method.equals("GET");
  }

  String operation() {
    return method + " " + path;
  }
}
