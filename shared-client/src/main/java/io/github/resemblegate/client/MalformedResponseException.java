package io.github.resemblegate.client;

/** The API answered with a body we could not parse. */
public final class MalformedResponseException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
