package io.github.resemblegate.gate;

/** The overall result of a run: PASSED, UNSTABLE (warnings only) or FAILED. */
public enum VerdictStatus {
  PASSED,
  UNSTABLE,
  FAILED
}
