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
  SKIPPED
}
