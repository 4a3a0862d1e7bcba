package io.github.resemblegate.simulator;

import java.util.Locale;

/**
 * An error the simulator answers with: its HTTP status, the documented body shape it takes, and
 * its words. Status 200 with any shape is the "success": false body some endpoints send with a
 * success status.
 *
 * @param message the words; null for the usual ones of the status
 */
public record ErrorAnswer(int status, Shape shape, String message) {

  /** The documented shapes of an error body. */
  public enum Shape {
    /** {@code {"success": false, "message": "..."}}: the error page's shape. */
    MESSAGE,
    /** {@code {"success": false, "error": "..."}}: the OpenAPI Error schema's {@code error}. */
    ERROR,
    /** {@code {"success": false, "errors": {"file": ["..."]}}}: the Error schema's field map. */
    ERRORS_MAP,
    /** {@code {"success": false, "errors": ["..."]}}: a list of texts. */
    ERRORS_LIST,
    /** {@code {"detail": "..."}}: the shape a framework in front of an API sends. */
    DETAIL;

    /** Parses {@code message}, {@code error}, {@code errors_map}, {@code errors_list}, {@code detail}. */
    static Shape parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the error shape \"" + text + "\" is unknown; use"
            + " message, error, errors_map, errors_list or detail.");
      }
    }
  }

  public ErrorAnswer {
    if (status < 200 || status > 599 || (status >= 300 && status < 400)) {
      throw new IllegalArgumentException(
          "An error answer needs a 4xx or 5xx status, or 200 for \"success\": false, not " + status + ".");
    }
    shape = shape == null ? Shape.MESSAGE : shape;
    message = message == null || message.isBlank() ? usualMessage(status) : message;
  }

  /** An error of this status in the documented {@code message} shape, with its usual words. */
  public static ErrorAnswer of(int status) {
    return new ErrorAnswer(status, Shape.MESSAGE, null);
  }

  /** The same error in another shape. */
  public ErrorAnswer shaped(Shape other) {
    return new ErrorAnswer(status, other, message);
  }

  /** The same error with other words. */
  public ErrorAnswer saying(String words) {
    return new ErrorAnswer(status, shape, words);
  }

  static String usualMessage(int status) {
    return switch (status) {
      case 200 -> "The request could not be completed";
      case 400 -> "Bad request";
      case 401 -> "Invalid or missing API token";
      case 402 -> "Insufficient balance";
      case 403 -> "Forbidden";
      case 404 -> "Detect not found";
      case 422 -> "Media could not be processed";
      case 429 -> "Too many requests; slow down and retry later.";
      default -> status >= 500 ? "Internal server error" : "Request failed";
    };
  }

  /** The body in this shape. */
  ApiResponse response() {
    com.fasterxml.jackson.databind.node.ObjectNode body = LooseJson.object();
    if (shape != Shape.DETAIL) {
      body.put("success", false);
    }
    switch (shape) {
      case MESSAGE -> body.put("message", message);
      case ERROR -> body.put("error", message);
      case ERRORS_MAP -> body.putObject("errors").putArray("file").add(message);
      case ERRORS_LIST -> body.putArray("errors").add(message);
      case DETAIL -> body.put("detail", message);
    }
    return ApiResponse.json(status, body);
  }
}
