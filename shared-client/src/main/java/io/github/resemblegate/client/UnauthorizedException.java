package io.github.resemblegate.client;

/** HTTP 401: the token is missing, wrong or revoked. */
public final class UnauthorizedException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
