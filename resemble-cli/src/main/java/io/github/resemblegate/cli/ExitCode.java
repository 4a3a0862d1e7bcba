package io.github.resemblegate.cli;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The process's exit status, which tells a CI job a breach from a failure, as scanners do: the
 * gate judged and failed the run (1), the user must fix how it was called (2), or the API or the
 * machine failed it (3).
 */
final class ExitCode {

  /** The run passed, or passed with warnings. */
  static final int PASSED = 0;
  /** The gate failed the run: flagged files, over the budget, or nothing matched (onEmpty=FAIL). */
  static final int GATE_FAILED = 1;
  /** A usage or configuration error: an unknown option, a wrong value, no token, a bad report. */
  static final int USAGE = 2;
  /** The API or the environment failed: files the API could not check, an unwritable folder. */
  static final int API_OR_ENVIRONMENT = 3;

  /** For the help's exit code list. */
  static final String[] LIST = {
      PASSED + ":the gate passed, or passed with warnings (WARN reactions)",
      GATE_FAILED + ":the gate failed the run: flagged files, over maxFiles, or onEmpty=FAIL",
      USAGE + ":a usage or configuration error; the sentence says what to change",
      API_OR_ENVIRONMENT + ":the API or the environment failed: files could not be checked,"
          + " or a folder could not be written"};

  private ExitCode() {}

  /** The status of a finished run. */
  static int of(Decision decision) {
    return switch (decision.verdict()) {
      case PASSED, UNSTABLE -> PASSED;
      case FAILED -> decision.failureKind() == FailureKind.ERRORS ? API_OR_ENVIRONMENT
          : GATE_FAILED;
    };
  }

  /**
   * The status of a run the gate stopped with a sentence: the machine's fault when a file or the
   * thread failed under it, else the user's to fix.
   */
  static int of(GateException stopped) {
    Throwable cause = stopped.getCause();
    return cause instanceof IOException || cause instanceof UncheckedIOException
        || cause instanceof InterruptedException ? API_OR_ENVIRONMENT : USAGE;
  }
}
