package hudson;

import java.io.IOException;

/** Stub: ends a build step with a message and no stack trace. */
public class AbortException extends IOException {
  private static final long serialVersionUID = 1L;

  public AbortException() {}

  public AbortException(String message) {
    super(message);
  }
}
