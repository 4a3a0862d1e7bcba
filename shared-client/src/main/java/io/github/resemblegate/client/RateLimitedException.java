package io.github.resemblegate.client;

/** HTTP 429: too many requests for this token. */
public final class RateLimitedException extends ResembleException {
  private static final long serialVersionUID = 1L;

  public RateLimitedException(int httpStatus, String what, String serverMessage, String advice, Throwable cause) {
    super(httpStatus, what, serverMessage, advice, cause);
  }

  @Override
  public boolean transientFailure() {
    return true;
  }
}
