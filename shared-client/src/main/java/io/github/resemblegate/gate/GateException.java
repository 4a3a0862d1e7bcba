package io.github.resemblegate.gate;

/**
 * A problem the user must fix before the gate can run (a setting, an unreadable waiver file, a
 * missing token, a locked reports directory). The message is one sentence saying what happened
 * and what to change; it never holds the token.
 */
public class GateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GateException(String message) {
    super(message);
  }

  public GateException(String message, Throwable cause) {
    super(message, cause);
  }
}
