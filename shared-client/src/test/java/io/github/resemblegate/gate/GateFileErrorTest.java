package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.ErrorAnswer;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the API answers an error for one file's result, that file ends as ERROR with the API's own
 * words instead of being polled until the run's timeout, and the run says whether a re-run can
 * help: a refusal will not change, a server error may.
 */
class GateFileErrorTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  /** Long enough that a file polled to the timeout would say so instead of the API's words. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path root;
  private GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
    fx.file("media/broken.wav");
    fx.file("media/clean.wav");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(new ErrorAnswer(404, ErrorAnswer.Shape.MESSAGE, "Detect not found"),
            "Detect not found"),
        Arguments.of(new ErrorAnswer(422, ErrorAnswer.Shape.ERRORS_MAP, "codec is not supported"),
            "codec is not supported"),
        Arguments.of(new ErrorAnswer(400, ErrorAnswer.Shape.ERRORS_LIST, "file is unreadable"),
            "file is unreadable"),
        Arguments.of(new ErrorAnswer(200, ErrorAnswer.Shape.MESSAGE, "Detection was removed"),
            "Detection was removed"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void aFileTheApiRefusesEndsWithItsWordsAndTheRunSaysARerunWillNotHelp(ErrorAnswer answer,
      String words) {
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*broken*", 0.2)
        .withAnswer(ScoringRule.Answer.DOCUMENTED.withError(answer))));

    GateResult v = Gate.run(fx.config().timeout(TIMEOUT).build(), null);

    FileResult broken = result(v, "media/broken.wav");
    assertThat(broken.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(broken.reason()).contains(words).contains("re-running will not help")
        .doesNotContain("timed out");
    assertThat(broken.reason().length()).isLessThanOrEqualTo(200);
    assertThat(result(v, "media/clean.wav").outcome()).isEqualTo(Outcome.PASSED);
    // Nothing is left for a re-run to poll: the refusal will not change.
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void aFileWhoseResultIsGoneIsAskedForOnceNotUntilTheTimeout() {
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*broken*", 0.2)
        .withAnswer(ScoringRule.Answer.DOCUMENTED.withError(
            new ErrorAnswer(404, ErrorAnswer.Shape.MESSAGE, "Detect not found")))));

    GateResult v = Gate.run(fx.config().timeout(TIMEOUT).build(), null);

    assertThat(result(v, "media/broken.wav").reason()).contains("Detect not found");
    // One look for each of the two files' results; the gone one is not asked for again.
    assertThat(fx.counters().requests(Endpoint.GET_DETECT)).isEqualTo(2);
  }

  @Test
  void aServerErrorThatPersistsEndsTheFileAndARerunAsksAgainWithoutUploadingAgain() {
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*broken*", 0.2)
        .withAnswer(ScoringRule.Answer.DOCUMENTED.withError(
            new ErrorAnswer(500, ErrorAnswer.Shape.ERROR, "inference backend unavailable")))));

    GateResult v = Gate.run(fx.config().timeout(TIMEOUT).build(), null);

    FileResult broken = result(v, "media/broken.wav");
    assertThat(broken.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(broken.reason()).contains("inference backend unavailable")
        .contains("re-run to retry").doesNotContain("timed out");
    assertThat(fx.journals()).hasSize(1);
    long looks = fx.counters().requests(Endpoint.GET_DETECT);

    GateResult again = Gate.run(fx.config().timeout(TIMEOUT).build(), null);

    // The simulator keeps answering 500 for that detection: the re-run asked it again.
    assertThat(result(again, "media/broken.wav").reason())
        .contains("inference backend unavailable");
    assertThat(result(again, "media/clean.wav").cached()).isTrue();
    assertThat(fx.counters().requests(Endpoint.GET_DETECT)).isGreaterThan(looks);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
  }

  @Test
  void aResultWithoutStatusWhoseScoresProveItDoneIsJudgedNotWaitedFor() {
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*broken*", 0.93)
        .withAnswer(ScoringRule.Answer.DOCUMENTED.omitting("status"))));

    GateResult v = Gate.run(fx.config().timeout(TIMEOUT).build(), null);

    FileResult judged = result(v, "media/broken.wav");
    assertThat(judged.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(judged.score()).isEqualTo(0.93);
  }
}
