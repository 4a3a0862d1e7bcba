package io.github.resemblegate.gate.policy;

/** The judgement of one file. */
public enum Outcome {
  /** Scored below every threshold. */
  PASSED,
  /** Scored at or above its threshold (score ≥ threshold). */
  FLAGGED,
  /** Scored inside the optional warn band, below the threshold. */
  WARNED,
  /** Would be FLAGGED or WARNED, but a current waiver covers it. */
  WAIVED,
  /** Audio in which the API found no speech (its -1 sentinel): no verdict either way. */
  NO_SPEECH,
  /** The detection failed, timed out, or the API could not be used. */
  ERROR,
  /** Not submitted, with the reason (empty, unreadable, over a limit, dry run). */
  SKIPPED;

  /**
   * {@code n} files of this outcome as a count reads: {@code 2 flagged}, {@code 1 error},
   * {@code 3 errors}, {@code 1 no speech}; the decision's sentence and the reports share it.
   */
  public String count(int n) {
    return n + " " + word(n);
  }

  /** The lower-case word of a count of {@code n}: {@code flagged}, {@code errors}. */
  public String word(int n) {
    return this == ERROR && n != 1 ? "errors"
        : this == NO_SPEECH ? "no speech" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
