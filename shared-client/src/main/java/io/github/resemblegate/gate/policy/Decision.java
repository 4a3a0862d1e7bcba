package io.github.resemblegate.gate.policy;

/**
 * What a run does to the build and the one sentence that says why: every front end prints
 * {@code sentence} as it is (the Maven failure, the Jenkins abort and build summary, the console
 * verdict line, the reports). {@link DecisionRules} makes it.
 */
public record Decision(Verdict verdict, FailureKind failureKind, String sentence) {

  public Decision {
    failureKind = failureKind == null ? FailureKind.NONE : failureKind;
    sentence = sentence == null ? "" : sentence;
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }
}
