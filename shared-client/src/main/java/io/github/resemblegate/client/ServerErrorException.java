package io.github.resemblegate.client;

/** HTTP 5xx: the API failed on its side. */
public final class ServerErrorException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public ServerErrorException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }

  @Override
  public boolean transientFailure() {
    return true;
  }
}
