package io.github.resemblegate.gate.policy;

/**
 * Why a decision is not PASSED. Front ends map FINDINGS to a gate breach (Maven
 * {@code MojoFailureException}) and the rest to an execution problem.
 */
public enum FailureKind {
  NONE,
  /** Flagged (or, if so configured, no-speech) files. */
  FINDINGS,
  /** Detections failed, timed out, or could not be made (token, credit, outage, offline). */
  ERRORS,
  /** Nothing matched the include patterns. */
  EMPTY,
  /** The plan exceeded {@code maxFiles}; nothing was submitted. */
  BUDGET
}
