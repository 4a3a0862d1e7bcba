package io.github.resemblegate.gate.policy;

/**
 * What a kind of finding does to the build: FAIL it, WARN (Jenkins UNSTABLE; Maven logs a
 * warning and passes), or IGNORE it (still reported).
 */
public enum Reaction {
  FAIL,
  WARN,
  IGNORE
}
