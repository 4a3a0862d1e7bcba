package io.github.resemblegate.client;

/** Refused locally, before a byte was uploaded, because the API would refuse it (count, size, extension, empty file). */
public final class UploadRejectedException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public UploadRejectedException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }
}
