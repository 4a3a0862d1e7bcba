package io.github.resemblegate.gate.policy;

/** What a run does to the build: PASSED, UNSTABLE (warnings only; Maven passes) or FAILED. */
public enum Verdict {
  PASSED,
  UNSTABLE,
  FAILED
}
