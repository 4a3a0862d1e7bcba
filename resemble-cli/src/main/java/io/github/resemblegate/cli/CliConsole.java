package io.github.resemblegate.cli;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.Progress;
import io.github.resemblegate.gate.ProgressThrottle;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.report.ConsoleSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What the command prints. On a terminal the wait is one progress line that rewrites itself; in a
 * CI log (no terminal) it is a plain line every few seconds. The run's narration goes to standard
 * error, the summary and the verdict to standard output, coloured only for a person at a terminal
 * who did not set NO_COLOR.
 */
final class CliConsole implements GateListener {

  /** How often a CI log gets a progress line. */
  static final Duration LOG_PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private static final String RESET = "\u001b[0m";
  private static final String CLEAR_LINE = "\r\u001b[2K";

  private final Shell shell;
  private final boolean debug;
  private final ProgressThrottle throttle = new ProgressThrottle(LOG_PROGRESS_INTERVAL);
  private boolean progressShown;

  CliConsole(Shell shell, boolean debug) {
    this.shell = shell;
    this.debug = debug;
  }

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    line("Matched " + matchedFiles + " media file" + (matchedFiles == 1 ? "" : "s") + " ("
        + totalBytes + " bytes).");
  }

  @Override
  public void planned(Plan plan) {
    int toSubmit = plan.batches().stream().mapToInt(b -> b.paths().size()).sum()
        + plan.singles().size();
    if (toSubmit > 0) {
      line("Uploading " + toSubmit + " distinct content" + (toSubmit == 1 ? "" : "s") + " ("
          + plan.bytesToUpload() + " bytes) in " + plan.batches().size() + " batch"
          + (plan.batches().size() == 1 ? "" : "es") + "; " + plan.cachedContents()
          + " answered by the cache.");
    } else if (plan.uniqueContents() > 0) {
      line("Nothing new to upload: the cache answers " + plan.cachedContents() + " of "
          + plan.uniqueContents() + " distinct contents.");
    }
  }

  @Override
  public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
    line("Submitted batch " + batchIndex + "/" + batchCount + " (" + files + " file"
        + (files == 1 ? "" : "s") + "): " + batchId);
  }

  @Override
  public void progress(Progress p) {
    long s = p.elapsed().toSeconds();
    String text = String.format(Locale.ROOT, "Waiting for Resemble: %d of %d detections"
        + " finished (%dm %02ds).", p.overallDone(), p.overallTotal(), s / 60, s % 60);
    if (shell.terminal()) {
      shell.err().print(CLEAR_LINE + text);
      shell.err().flush();
      progressShown = true;
    } else if (throttle.admit(p)) {
      shell.err().println(text);
    }
  }

  @Override
  public void fileJudged(FileResult f) {
    debug(f.path() + ": " + f.outcome() + (f.reason() == null ? "" : " - " + f.reason()));
  }

  @Override
  public void request(String method, String path) {
    debug("Resemble API: " + method + " " + path);
  }

  @Override
  public void info(String message) {
    line(message);
  }

  @Override
  public void warn(String message) {
    line(paint("33", "Warning: ") + message);
  }

  @Override
  public void debug(String message) {
    if (debug) {
      line("Debug: " + message);
    }
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
    PrintStream err = shell.err();
    err.println(text);
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
