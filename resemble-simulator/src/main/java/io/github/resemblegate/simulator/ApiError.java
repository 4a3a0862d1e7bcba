package io.github.resemblegate.simulator;

/** A request the API refuses, with the status and the {@code message} of its error envelope. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  int status() {
    return status;
  }
}
