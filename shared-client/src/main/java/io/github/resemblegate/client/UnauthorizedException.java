package io.github.resemblegate.client;

/** HTTP 401: the token is missing, wrong or revoked. */
public final class UnauthorizedException extends ResembleException {

  public UnauthorizedException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
