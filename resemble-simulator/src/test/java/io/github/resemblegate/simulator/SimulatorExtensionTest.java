package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorExtensionTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  private static int firstPort;

  @Test
  @Order(1)
  void firstTestLeavesStateFaultsAndCountersBehind(ResembleSimulator sim) {
    firstPort = sim.port();
    Api api = new Api(sim.baseUrl());
    api.postMultipart("/detect/batch", new Multipart().file("files[]", "a.wav", Media.wav(1, 8000)));
    sim.rules(ScoringRules.only(ScoringRule.scoring("*", 0.5)));
    sim.processingTime(Duration.ofHours(1));
    sim.faults().inject(Fault.serverError(500).on(Endpoint.GET_BATCH).always());

    assertThat(sim.batches()).hasSize(1);
    assertThat(sim.counters().totalRequests()).isEqualTo(1);
    assertThat(sim.wireMock().getAllServeEvents()).hasSize(1);
  }

  @Test
  @Order(2)
  void nextTestStartsFromNothingOnTheSameSimulator(ResembleSimulator sim) {
    assertThat(sim.port()).isEqualTo(firstPort);
    assertThat(sim.batches()).isEmpty();
    assertThat(sim.detects()).isEmpty();
    assertThat(sim.faults().armed()).isZero();
    assertThat(sim.counters().totalRequests()).isZero();
    assertThat(sim.wireMock().getAllServeEvents()).isEmpty();
    assertThat(sim.options().processingTime()).isEqualTo(SimulatorExtension.TEST_PROCESSING_TIME);

    Api api = new Api(SIM.baseUrl());
    String uuid = api.postMultipart("/detect/batch", new Multipart().file("files[]", "fake.wav", Media.wav(1, 8000)))
        .item().get("uuid").asText();
    String detect = api.awaitBatch(uuid).get("detect_uuids").get(0).asText();
    assertThat(api.get("/detect/" + detect).item().get("metrics").get("aggregated_score").asText())
        .as("rules and processing time are back to the options'").isEqualTo("0.97");
  }

  @Nested
  class RegisteredOnAnInstanceField {
    @RegisterExtension
    final SimulatorExtension perTest = new SimulatorExtension();

    @Test
    void runsASimulatorForTheTest() {
      assertThat(perTest.simulator().isRunning()).isTrue();
      assertThat(new Api(perTest.baseUrl()).get("/detect?page=1").status()).isEqualTo(200);
    }
  }
}
