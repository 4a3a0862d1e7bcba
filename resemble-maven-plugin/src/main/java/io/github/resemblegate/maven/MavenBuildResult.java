package io.github.resemblegate.maven;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Reaction;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns the gate's {@link Decision} into the Maven build result, with the decision's one sentence
 * as the message. A gate breach (FINDINGS) is a {@link MojoFailureException}; any other failure
 * (API errors, budget, empty match) and a setting the user must fix are a
 * {@link MojoExecutionException}. Maven prints either message without a stack trace unless
 * {@code -e}. Maven has no result between passing and failing: a run with warnings (the gate's
 * UNSTABLE verdict) passes with a warning saying so.
 */
final class MavenBuildResult {

  private MavenBuildResult() {}

  /**
   * Passes, warns, or throws for a finished run. The summary printed before already holds the
   * verdict line; a run with warnings adds why Maven passes it.
   */
  static void enforce(GateResult result, Log log)
      throws MojoFailureException, MojoExecutionException {
    Decision decision = result.decision();
    switch (decision.verdict()) {
      case PASSED -> { }
      case UNSTABLE -> log.warn(unstableNote(result));
      case FAILED -> {
        if (decision.failureKind() == FailureKind.FINDINGS) {
          throw new MojoFailureException(decision.sentence());
        }
        throw new MojoExecutionException(decision.sentence());
      }
    }
  }

  /**
   * The build stops before or instead of a verdict: a setting to fix ({@code SettingsException})
   * or another problem the gate put in one sentence. Its cause, if any, is for {@code -X} only.
   */
  static MojoExecutionException stopped(GateException problem, Log log) {
    if (problem.getCause() != null) {
      log.debug(problem.getMessage(), problem.getCause());
    }
    return new MojoExecutionException(problem.getMessage());
  }

  private static String unstableNote(GateResult result) {
    String note = "The build passes with the warnings above.";
    if (result.policy().onFlagged() == Reaction.WARN
        && !result.filesWith(Outcome.FLAGGED).isEmpty()) {
      note += " With onFlagged=FAIL (the default) this build would fail.";
    } else if (result.policy().onError() == Reaction.WARN
        && !result.filesWith(Outcome.ERROR).isEmpty()) {
      note += " With onError=FAIL (the default) this build would fail.";
    }
    return note;
  }
}
