package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.Fault;
import io.github.resemblegate.simulator.SimulatorExtension;
import io.github.resemblegate.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The free check before paying: one list request proves the token and the URL before the first
 * byte is uploaded, and is not made when nothing needs the API.
 */
class GatePreflightTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension(SimulatorOptions.builder()
      .token(GateFixture.TOKEN).processingTime(Duration.ofMillis(20)).build());

  @TempDir Path root;
  private GateFixture fx;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
    SIM.simulator().reset();
  }

  @Test
  void aWrongTokenUploadsNothingAndEveryFileSaysWhereTheTokenCameFrom() {
    for (int i = 0; i < 60; i++) {
      fx.file(String.format("media/take%03d.wav", i));
    }
    GateResult v = Gate.run(fx.config().token(ApiToken.of("tok-wrong-91c2")
        .from("the RESEMBLE_API_KEY environment variable")).build(), listener);

    assertThat(fx.counters().bytesReceived()).isZero();
    assertThat(fx.counters().batchPosts()).isZero();
    assertThat(fx.counters().requests(Endpoint.LIST_DETECTS)).isEqualTo(1);
    String sentence = v.decision().sentence();
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(sentence).contains("RESEMBLE_API_KEY").contains("401").contains("nothing was"
        + " uploaded").doesNotContain("tok-wrong");
    assertThat(sentence.length()).isLessThanOrEqualTo(200);
    assertThat(v.files()).hasSize(60).allSatisfy(f -> {
      assertThat(f.outcome()).isIn(Outcome.ERROR, Outcome.SKIPPED);
      assertThat(f.reason()).isEqualTo(sentence);
    });
    assertThat(listener.plans).as("no plan is told before the token is proven").isEmpty();
    assertThat(listener.allText()).doesNotContain("tok-wrong");
  }

  @Test
  void aWrongUrlIsFoundBeforeUploading() {
    fx.file("media/a.wav");
    fx.file("media/b.wav");
    GateResult v = Gate.run(fx.config().apiUrl(SIM.baseUrl().replace("/api/v2", "/api/v9"))
        .build(), listener);

    assertThat(fx.counters().bytesReceived()).isZero();
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().sentence()).contains("404").contains("nothing was uploaded")
        .contains("apiUrl");
    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.ERROR);
    assertThat(listener.plans).as("a plan of one batch is told only after the check").isEmpty();
  }

  @Test
  void anUnreachableApiIsFoundBeforeUploading() {
    fx.file("media/a.wav");
    GateResult v = Gate.run(fx.config().apiUrl("http://127.0.0.1:1/api/v2").maxRetries(0)
        .build(), listener);

    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().sentence()).contains("could not be reached")
        .contains("nothing was uploaded");
    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.ERROR);
  }

  @Test
  void aRightTokenCostsOneListRequestAndTheRunGoesOn() {
    fx.file("media/a.wav");
    GateResult v = Gate.run(fx.config().build(), listener);

    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.PASSED);
    assertThat(fx.counters().requests(Endpoint.LIST_DETECTS)).isEqualTo(1);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
  }

  @Test
  void aSlowAccessCheckIsNotCountedAgainstTheRunsTimeout() {
    fx.file("media/a.wav");
    fx.file("media/b.wav");
    // The check's answer comes after the whole timeout: counted, nothing could be sent in time.
    SIM.faults().inject(Fault.slowResponse(Duration.ofSeconds(3)).on(Endpoint.LIST_DETECTS)
        .times(1));

    GateResult v = Gate.run(fx.config().timeout(Duration.ofSeconds(2)).build(), listener);

    assertThat(fx.counters().requests(Endpoint.LIST_DETECTS)).isEqualTo(1);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.PASSED);
    assertThat(listener.allText()).doesNotContain("Timed out");
  }

  @Test
  void aNewFolderWhoseFilesTheCacheAnswersMakesNoRequest() {
    fx.file("media/a.wav");
    Gate.run(fx.config().build(), listener);
    GateFixture fresh = new GateFixture(SIM, root.resolve("fresh-checkout"));
    fresh.file("media/a.wav");
    SIM.simulator().reset();

    GateResult v = Gate.run(fresh.config().cacheDirectory(fx.cache).build(), listener);

    assertThat(v.files()).extracting(FileResult::cached).containsOnly(true);
    assertThat(fx.counters().totalRequests()).isZero();
  }

  @Test
  void noRequestIsMadeWhenTheCacheAnswersEveryFileOrInADryRun() {
    fx.file("media/a.wav");
    Gate.run(fx.config().build(), listener);
    SIM.simulator().reset();

    GateResult cached = Gate.run(fx.config().build(), listener);
    Gate.run(fx.config().dryRun(true).refresh(true).build(), listener);

    assertThat(cached.files()).extracting(FileResult::cached).containsOnly(true);
    assertThat(fx.counters().totalRequests()).isZero();
  }
}
