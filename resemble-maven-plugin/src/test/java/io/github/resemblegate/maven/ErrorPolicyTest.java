package io.github.resemblegate.maven;

import static io.github.resemblegate.maven.Verdicts.file;
import static io.github.resemblegate.maven.Verdicts.policy;
import static io.github.resemblegate.maven.Verdicts.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.FailureKind;
import io.github.resemblegate.gate.Outcome;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.gate.VerdictStatus;
import io.github.resemblegate.report.ConsoleSummary;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorPolicyTest {

  private final RecordingLog log = new RecordingLog();

  @Test
  void aPassedVerdictPassesQuietly() {
    Verdict passed = verdict(policy(Reaction.FAIL, Reaction.FAIL), VerdictStatus.PASSED,
        FailureKind.NONE, "2 files passed.", file("a.wav", Outcome.PASSED, 0.1));

    assertThatCode(() -> ErrorPolicy.apply(passed, log)).doesNotThrowAnyException();
    assertThat(log.at("warn")).isEmpty();
  }

  @Test
  void flaggedFilesAreAGateBreachNamingFilesScoresAndThreshold() {
    Verdict failed = verdict(policy(Reaction.FAIL, Reaction.FAIL), VerdictStatus.FAILED,
        FailureKind.FINDINGS, "1 file flagged.", file("media/fake.wav", Outcome.FLAGGED, 0.97),
        file("media/real.wav", Outcome.PASSED, 0.02));

    assertThatThrownBy(() -> ErrorPolicy.apply(failed, log))
        .isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage(ConsoleSummary.failureMessage(failed))
        .hasMessageContaining("media/fake.wav")
        .hasMessageContaining("0.97")
        .hasMessageContaining("0.50");
  }

  @ParameterizedTest
  @EnumSource(value = FailureKind.class, names = {"BUDGET", "EMPTY"})
  void budgetAndEmptyFailuresAreExecutionProblemsWithTheGatesSentence(FailureKind kind) {
    Verdict failed = verdict(policy(Reaction.FAIL, Reaction.FAIL), VerdictStatus.FAILED, kind,
        "The sentence the gate chose for " + kind + ".");

    assertThatThrownBy(() -> ErrorPolicy.apply(failed, log))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("The sentence the gate chose for " + kind + ".");
  }

  @Test
  void errorsAreExecutionProblemsNamingTheFilesAndWhy() {
    Verdict failed = verdict(policy(Reaction.FAIL, Reaction.FAIL), VerdictStatus.FAILED,
        FailureKind.ERRORS, "1 file could not be checked.", file("media/a.wav", Outcome.ERROR, null),
        file("media/b.wav", Outcome.PASSED, 0.1));

    assertThatThrownBy(() -> ErrorPolicy.apply(failed, log))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("1 of 2 files could not be checked: media/a.wav (the API answered 503).");
  }

  @Test
  void warnedFlagsPassWithWarningsSayingARealBuildWouldFail() throws Exception {
    Verdict unstable = verdict(policy(Reaction.WARN, Reaction.FAIL), VerdictStatus.UNSTABLE,
        FailureKind.FINDINGS, "1 file scored at or above the threshold 0.50.",
        file("fake-voiceover.wav", Outcome.FLAGGED, 0.93));

    ErrorPolicy.apply(unstable, log);

    assertThat(log.at("warn")).containsExactly(
        "Maven has no UNSTABLE result: the build passes with the warnings above. With"
            + " onFlagged=FAIL (the default) this build would fail.");
  }

  @Test
  void warnedErrorsPassWithWarningsSayingARealBuildWouldFail() throws Exception {
    Verdict unstable = verdict(policy(Reaction.FAIL, Reaction.WARN), VerdictStatus.UNSTABLE,
        FailureKind.ERRORS, "1 file could not be checked.", file("a.wav", Outcome.ERROR, null));

    ErrorPolicy.apply(unstable, log);

    assertThat(log.at("warn")).containsExactly("Maven has no UNSTABLE result: the build passes with"
        + " the warnings above. With onError=FAIL (the default) this build would fail.");
  }

  @Test
  void offlineFailsByDefaultSayingHowMuchTheCacheLacksAndTheWayOut() {
    assertThatThrownBy(() -> ErrorPolicy.offline(Reaction.FAIL, 1, 3, log))
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("Maven is offline (-o) and 1 of 3 distinct media contents are not in the cache,"
            + " so it cannot be sent to Resemble; build online, or set resemble.onError=WARN to let"
            + " offline builds pass unchecked.");
  }

  @Test
  void offlineWarnsWhenErrorsOnlyWarn() throws Exception {
    ErrorPolicy.offline(Reaction.WARN, 2, 2, log);

    assertThat(log.at("warn")).containsExactly("Maven is offline (-o) and 2 of 2 distinct media"
        + " contents are not in the cache, so they cannot be sent to Resemble: the media gate is"
        + " skipped (onError=WARN).");
  }

  @Test
  void offlineIsOnlyInfoWhenErrorsAreIgnored() throws Exception {
    ErrorPolicy.offline(Reaction.IGNORE, 1, 1, log);

    assertThat(log.at("warn")).isEmpty();
    assertThat(log.at("info")).singleElement().asString().contains("1 of 1 distinct media content is not in the cache");
  }
}
