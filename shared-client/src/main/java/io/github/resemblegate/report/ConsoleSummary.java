package io.github.resemblegate.report;

import io.github.resemblegate.gate.Verdict;
import java.util.List;

/** The text a front end prints after a run: flagged and errored files first, then the totals. */
public final class ConsoleSummary {

  private ConsoleSummary() {}

  /** Aligned lines: a table of flagged/errored/warned files with scores, then totals and the verdict. */
  public static List<String> lines(Verdict verdict) {
    throw new UnsupportedOperationException("implemented with the reports");
  }

  /**
   * The one-sentence failure message: names the flagged files, their scores and the threshold
   * (e.g. {@code 2 files scored at or above the threshold 0.50: media/fake-intro.wav (0.97), ...}).
   */
  public static String failureMessage(Verdict verdict) {
    throw new UnsupportedOperationException("implemented with the reports");
  }
}
