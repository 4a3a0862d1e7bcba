package io.github.resemblegate.cli;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.narration.ForwardingListener;
import io.github.resemblegate.gate.narration.LineSink;
import io.github.resemblegate.gate.narration.Narrator;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.report.ConsoleSummary;
import java.time.Duration;

/**
 * Where the command's lines go. The run's narration (the core's {@link Narrator}, the same lines
 * as the Maven goal's) goes to standard error: on a terminal the wait is one progress line that
 * rewrites itself, in a CI log a plain line every few seconds. The summary and the verdict go to
 * standard output. Colours only for a person at a terminal who did not set NO_COLOR.
 */
final class CliConsole implements LineSink {

  /** How often a CI log gets a progress line. */
  static final Duration LOG_PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private static final String RESET = "\u001b[0m";
  private static final String CLEAR_LINE = "\r\u001b[2K";

  private final Shell shell;
  private final boolean debug;
  /** The narrator is wording a progress line (a terminal shows it in place). */
  private boolean progressLine;
  /** A progress line is on the screen without its line end. */
  private boolean progressShown;

  CliConsole(Shell shell, boolean debug) {
    this.shell = shell;
    this.debug = debug;
  }

  /** The listener of a run: the narrator speaking into this console. */
  GateListener narrator(boolean dryRun) {
    GateListener narrator = shell.terminal() ? new Narrator(this, dryRun)
        : Narrator.throttled(this, dryRun, LOG_PROGRESS_INTERVAL);
    return new ForwardingListener(narrator) {
      @Override
      public void progress(Progress progress) {
        progressLine = true;
        try {
          super.progress(progress);
        } finally {
          progressLine = false;
        }
      }
    };
  }

  @Override
  public void info(String line) {
    if (progressLine && shell.terminal()) {
      shell.err().print(CLEAR_LINE + line);
      shell.err().flush();
      progressShown = true;
    } else {
      line(line);
    }
  }

  @Override
  public void warn(String line) {
    line(paint("33", "Warning: ") + line);
  }

  @Override
  public void debug(String line) {
    if (debug) {
      line("Debug: " + line);
    }
  }

  @Override
  public boolean debugEnabled() {
    return debug;
  }

  /** A sentence that stopped the command, said once. */
  void problem(String sentence) {
    line(paint("31", "Error: ") + sentence);
  }

  /** The summary, then the verdict line, on standard output. */
  void summary(GateResult result) {
    endProgress();
    Verdict verdict = result.decision().verdict();
    String colour = switch (verdict) {
      case PASSED -> "32";
      case UNSTABLE -> "33";
      case FAILED -> "31";
    };
    for (String line : ConsoleSummary.lines(result)) {
      shell.out().println(line.startsWith("Verdict: ") ? paint(colour, line) : line);
    }
  }

  /** A result line on standard output (a report written). */
  void result(String line) {
    shell.out().println(line);
  }

  private void line(String text) {
    endProgress();
    shell.err().println(text);
  }

  /** A line that follows the live progress line starts on a line of its own. */
  private void endProgress() {
    if (progressShown) {
      shell.err().println();
      progressShown = false;
    }
  }

  private String paint(String code, String text) {
    return shell.colour() ? "\u001b[" + code + "m" + text + RESET : text;
  }
}
