package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file sent on its own ({@code POST /detect}) carries the single endpoint's own options and the
 * options it shares with a batch, never the batch-only ones.
 */
class GateSingleOptionsTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;

  @Test
  void aFileSentAloneCarriesItsOwnOptionsAndNoBatchOnlyOne() {
    GateFixture fx = new GateFixture(SIM, root);
    fx.file("media/interview.wav");
    // Zero retention sends every file on its own.
    BatchOptions batch = BatchOptions.builder().zeroRetentionMode(true).searchIdentity(true)
        .useLlm(true).intelligence(true).build();
    DetectOptions single = DetectOptions.builder().modelTypes("talking_head")
        .useReverseSearch(true).useOodDetector(true).maxVideoFps(5.0).build();

    GateResult v = Gate.run(fx.config().batchOptions(batch).singleOptions(single).build(), null);

    assertThat(result(v, "media/interview.wav").outcome()).isEqualTo(Outcome.PASSED);
    List<String> bodies = SIM.simulator().wireMock().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST")
            && e.getRequest().getUrl().endsWith("/detect"))
        .map(GateSingleOptionsTest::body).toList();
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).contains("name=\"model_types\"", "talking_head",
        "name=\"use_reverse_search\"", "name=\"use_ood_detector\"", "name=\"max_video_fps\"",
        "name=\"intelligence\"", "name=\"zero_retention_mode\"")
        .doesNotContain("name=\"search_identity\"", "name=\"use_llm\"");
  }

  private static String body(ServeEvent e) {
    return new String(e.getRequest().getBody(), StandardCharsets.ISO_8859_1);
  }
}
