package io.github.resemblegate.client;

/** HTTP 403: the token is valid but the plan does not allow this (or a plan limit was reached). */
public final class ForbiddenException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
