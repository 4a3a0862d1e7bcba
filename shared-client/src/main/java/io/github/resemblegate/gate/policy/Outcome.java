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
   * {@code n} files of this outcome as a count reads for a content lead: {@code 2 likely
   * synthetic}, {@code 1 could not be judged}; the decision's sentence and the reports share it.
   */
  public String count(int n) {
    return n + " " + word();
  }

  /** The lower-case words of a count: {@code likely genuine}, {@code waived}. */
  public String word() {
    return switch (this) {
      case PASSED -> "likely genuine";
      case FLAGGED -> "likely synthetic";
      case WARNED -> "possibly synthetic";
      case WAIVED -> "waived";
      case NO_SPEECH -> "without speech";
      case ERROR -> "could not be judged";
      case SKIPPED -> "skipped";
    };
  }

  /**
   * The file's verdict in words, as a label: {@code Likely synthetic}, {@code Could not judge}.
   * The constant's name is what the JSON report stores; this is what people read.
   */
  public String label() {
    return switch (this) {
      case PASSED -> "Likely genuine";
      case FLAGGED -> "Likely synthetic";
      case WARNED -> "Possibly synthetic";
      case WAIVED -> "Waived";
      case NO_SPEECH -> "No speech to judge";
      case ERROR -> "Could not judge";
      case SKIPPED -> "Skipped";
    };
  }
}
