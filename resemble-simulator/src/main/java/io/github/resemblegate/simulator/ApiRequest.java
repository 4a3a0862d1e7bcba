package io.github.resemblegate.simulator;

import java.util.function.Function;

/**
 * One {@code /api/v2} request as the API logic needs it.
 *
 * @param path the path relative to {@code /api/v2}, without query or trailing slash
 * @param query a query parameter by name, or null
 * @param queryNames the names of every query parameter sent
 * @param header a header by name (case-insensitive), or null
 * @param body the body WireMock saw (small: uploads are streamed away before)
 * @param form an {@code application/x-www-form-urlencoded} field by name, or null
 * @param upload the streamed multipart or oversized body, or null
 * @param mediaBaseUrl scheme, host and port the client used, for media URLs
 */
record ApiRequest(
    Endpoint endpoint,
    String method,
    String path,
    Function<String, String> query,
    java.util.Set<String> queryNames,
    Function<String, String> header,
    byte[] body,
    String contentType,
    Function<String, String> form,
    StreamedUpload upload,
    String mediaBaseUrl) {

  /** The last path segment: the id of {@code /detect/{uuid}} and {@code /detect/batch/{uuid}}. */
  String id() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  boolean isJson() {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
  }
}
