package io.github.resemblegate.maven;

import static io.github.resemblegate.maven.GateResults.decided;
import static io.github.resemblegate.maven.GateResults.file;
import static io.github.resemblegate.maven.GateResults.policy;
import static io.github.resemblegate.maven.GateResults.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MavenBuildResultTest {

  private final RecordingLog log = new RecordingLog();

  @Test
  void aPassedDecisionPassesQuietly() {
    GateResult passed = decided(policy(Reaction.FAIL, Reaction.FAIL),
        file("a.wav", Outcome.PASSED, 0.1));

    assertThatCode(() -> MavenBuildResult.enforce(passed, log)).doesNotThrowAnyException();
    assertThat(log.at("warn")).isEmpty();
  }

  @Test
  void flaggedFilesAreAGateBreachWithTheDecisionsSentence() {
    GateResult failed = decided(policy(Reaction.FAIL, Reaction.FAIL),
        file("media/fake.wav", Outcome.FLAGGED, 0.97), file("media/real.wav", Outcome.PASSED, 0.02));

    assertThatThrownBy(() -> MavenBuildResult.enforce(failed, log))
        .isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage(failed.decision().sentence())
        .hasMessageContaining("media/fake.wav");
  }

  @Test
  void errorsAreExecutionProblemsWithTheDecisionsSentence() {
    GateResult failed = decided(policy(Reaction.FAIL, Reaction.FAIL),
        file("media/a.wav", Outcome.ERROR, null), file("media/b.wav", Outcome.PASSED, 0.1));

    assertThatThrownBy(() -> MavenBuildResult.enforce(failed, log))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage(failed.decision().sentence())
        .hasMessageContaining("media/a.wav");
  }

  @ParameterizedTest
  @EnumSource(value = FailureKind.class, names = {"BUDGET", "EMPTY", "NONE"})
  void everyOtherFailureIsAnExecutionProblemWithTheDecisionsSentence(FailureKind kind) {
    GateResult failed = result(policy(Reaction.FAIL, Reaction.FAIL),
        new Decision(Verdict.FAILED, kind, "The sentence the gate chose for " + kind + "."));

    assertThatThrownBy(() -> MavenBuildResult.enforce(failed, log))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("The sentence the gate chose for " + kind + ".");
  }

  @Test
  void warnedFlagsPassWithWarningsSayingARealBuildWouldFail() throws Exception {
    GateResult unstable = decided(policy(Reaction.WARN, Reaction.FAIL),
        file("fake-voiceover.wav", Outcome.FLAGGED, 0.93));
    assertThat(unstable.decision().verdict()).isEqualTo(Verdict.UNSTABLE);

    MavenBuildResult.enforce(unstable, log);

    assertThat(log.at("warn")).containsExactly(
        "The build passes with the warnings above. With onFlagged=FAIL (the default) this build"
            + " would fail.");
  }

  @Test
  void warnedErrorsPassWithWarningsSayingARealBuildWouldFail() throws Exception {
    GateResult unstable = decided(policy(Reaction.FAIL, Reaction.WARN),
        file("a.wav", Outcome.ERROR, null));
    assertThat(unstable.decision().verdict()).isEqualTo(Verdict.UNSTABLE);

    MavenBuildResult.enforce(unstable, log);

    assertThat(log.at("warn")).containsExactly("The build passes with the warnings above. With"
        + " onError=FAIL (the default) this build would fail.");
  }

  @Test
  void aProblemStopsTheBuildWithItsSentenceAndItsCauseOnlyInTheDebugLog() {
    GateException problem = new GateException("The reports directory is locked; try again.",
        new IOException("lock held"));

    MojoExecutionException stopped = MavenBuildResult.stopped(problem, log);

    assertThat(stopped).hasMessage("The reports directory is locked; try again.").hasNoCause();
    assertThat(log.at("debug")).singleElement().asString().contains("lock held");
  }
}
