package io.github.resemblegate.client;

/** HTTP 400: the API refused the request as invalid. */
public final class BadRequestException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
