package io.github.resemblegate.simulator;

import java.util.regex.Pattern;

/** The Detect API endpoints the simulator serves, for counters and for aiming faults. */
public enum Endpoint {
  /** {@code POST /detect/batch}. */
  CREATE_BATCH("POST", "/detect/batch"),
  /** {@code GET /detect/batch/{uuid}}. */
  GET_BATCH("GET", "/detect/batch/[^/]+"),
  /** {@code POST /detect}. */
  CREATE_DETECT("POST", "/detect"),
  /** {@code GET /detect/{uuid}}. */
  GET_DETECT("GET", "/detect/[^/]+"),
  /** {@code GET /detect?page=&page_size=}. */
  LIST_DETECTS("GET", "/detect"),
  /** {@code POST /secure_uploads}. */
  SECURE_UPLOAD("POST", "/secure_uploads"),
  /** Any other request under {@code /api/v2}; answered with 404. */
  OTHER(null, null);

  private final String method;
  private final Pattern path;

  Endpoint(String method, String pathRegex) {
    this.method = method;
    this.path = pathRegex == null ? null : Pattern.compile(pathRegex);
  }

  /** The HTTP method, or null for {@link #OTHER}. */
  public String method() {
    return method;
  }

  /** Classifies a request by method and path relative to {@code /api/v2} (no query string). */
  static Endpoint classify(String method, String path) {
    // The batch routes come first so that "/detect/batch" is never read as a detect id.
    for (Endpoint endpoint : values()) {
      if (endpoint.path != null
          && endpoint.method.equalsIgnoreCase(method)
          && endpoint.path.matcher(path).matches()) {
        return endpoint;
      }
    }
    return OTHER;
  }
}
