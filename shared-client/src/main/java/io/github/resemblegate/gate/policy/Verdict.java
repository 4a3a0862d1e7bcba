package io.github.resemblegate.gate.policy;

/**
 * What a run does to the build: PASSED, UNSTABLE (warnings only: Maven passes, Jenkins marks the
 * build unstable) or FAILED. The names are stored in the JSON report; people read {@link #word()}.
 */
public enum Verdict {
  PASSED("PASSED"),
  UNSTABLE("PASSED with warnings"),
  FAILED("FAILED");

  private final String word;

  Verdict(String word) {
    this.word = word;
  }

  /**
   * The verdict as people read it in the console and the reports. UNSTABLE is Jenkins' name for a
   * build result, not a word a Maven user or a content lead knows: it reads "PASSED with warnings".
   */
  public String word() {
    return word;
  }
}
