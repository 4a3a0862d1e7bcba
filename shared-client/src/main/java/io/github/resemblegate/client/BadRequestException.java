package io.github.resemblegate.client;

/**
 * The request was refused as invalid: by the API (HTTP 400 or another 4xx), or before a byte was
 * uploaded because the API would refuse it (count, size, extension, empty file; then
 * {@link #httpStatus()} is 0).
 */
public final class BadRequestException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(int httpStatus, String what, String serverMessage, String advice,
      Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }

  /** True when the client refused it locally, so nothing was sent. */
  public boolean refusedLocally() {
    return httpStatus() == 0;
  }
}
