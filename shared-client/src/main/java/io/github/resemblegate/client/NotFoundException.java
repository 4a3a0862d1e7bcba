package io.github.resemblegate.client;

/** HTTP 404: the batch or detection does not exist (or belongs to another team). */
public final class NotFoundException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
