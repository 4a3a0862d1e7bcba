package io.github.resemblegate.client;

/**
 * No usable HTTP response: connection refused, reset, timeout. {@link #requestMayHaveArrived()}
 * says whether the server may have received (and acted on) the request; a POST whose fate is
 * unknown must never be repeated.
 */
public final class TransportException extends ResembleException {
  private final boolean requestMayHaveArrived;

  public TransportException(String what, String advice, boolean requestMayHaveArrived, Throwable cause) {
    super(0, what, null, advice, cause);
    this.requestMayHaveArrived = requestMayHaveArrived;
  }

  public boolean requestMayHaveArrived() {
    return requestMayHaveArrived;
  }

  @Override
  public boolean transientFailure() {
    return true;
  }
}
