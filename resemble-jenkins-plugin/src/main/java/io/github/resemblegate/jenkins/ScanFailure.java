package io.github.resemblegate.jenkins;

import java.io.IOException;

/**
 * An unexpected error on the agent, carried back without its original exception: the library's
 * exception classes would be refused by remoting's class filter. Keeps the original type's name,
 * message and stack trace, which is what a bug report needs.
 */
final class ScanFailure extends IOException {
  private static final long serialVersionUID = 2L;

  private ScanFailure(String message) {
    super(message);
  }

  static ScanFailure of(Throwable t) {
    ScanFailure f = new ScanFailure("Resemble Detect failed unexpectedly: "
        + t.getClass().getName() + ": " + t.getMessage());
    f.setStackTrace(t.getStackTrace());
    return f;
  }
}
