package io.github.resemblegate.gate;

/**
 * A configuration problem found before anything was submitted (bad pattern, threshold out of
 * range, unreadable waiver file, missing token). The message is one sentence saying what to change.
 */
public final class GateException extends RuntimeException {

  public GateException(String message) {
    super(message);
  }

  public GateException(String message, Throwable cause) {
    super(message, cause);
  }
}
