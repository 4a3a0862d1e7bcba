package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Findings;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.report.Reports;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API says beside the score travels from its answer to the judged file and the report,
 * and a file answered by the cache on the next run still carries it.
 */
class GateFindingsTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
  }

  @Test
  void theIntelligenceAndTheLikelyGeneratorReachTheReportAndSurviveTheCache() throws Exception {
    fx.file("media/fake-intro.wav");
    fx.file("media/clean.wav");
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*fake*", 0.97)
        .withAnswer(ScoringRule.Answer.DOCUMENTED
            .withIntelligence(ScoringRule.IntelligenceForm.STRUCTURED)
            .withSourceTracing("elevenlabs"))));
    BatchOptions asked = BatchOptions.builder().intelligence(true).audioSourceTracing(true).build();

    GateConfig config = fx.config().batchOptions(asked).build();
    GateResult first = Gate.run(config, null);
    Reports.write(first, config.reports());

    FileResult fake = result(first, "media/fake-intro.wav");
    assertThat(fake.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(fake.findings().sourceTracing()).isEqualTo("elevenlabs");
    assertThat(fake.findings().intelligence()).contains("fraud.type: synthetic_media_fraud");
    Findings clean = result(first, "media/clean.wav").findings();
    assertThat(clean.sourceTracing()).isNull();
    assertThat(clean.intelligence()).isNotNull();

    JsonNode report = new ObjectMapper().readTree(fx.reports.resolve("resemble-report.json")
        .toFile());
    JsonNode entry = StreamSupport.stream(report.get("files").spliterator(), false)
        .filter(f -> f.get("path").asText().equals("media/fake-intro.wav")).findFirst()
        .orElseThrow();
    assertThat(entry.at("/findings/sourceTracing").asText()).isEqualTo("elevenlabs");
    assertThat(entry.at("/findings/intelligence").asText()).isEqualTo(
        fake.findings().intelligence());

    GateResult second = Gate.run(config, null);

    FileResult again = result(second, "media/fake-intro.wav");
    assertThat(again.cached()).isTrue();
    assertThat(again.findings()).isEqualTo(fake.findings());
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
  }

  @Test
  void aZeroRetentionFileSaysResembleDeletedTheMedia() {
    fx.file("fake-voice.wav");
    BatchOptions zr = BatchOptions.builder().zeroRetentionMode(true).build();

    GateResult v = Gate.run(fx.config().batchOptions(zr).build(), null);

    Findings f = result(v, "fake-voice.wav").findings();
    assertThat(f.retention().zeroRetention()).isTrue();
    assertThat(f.retention().mediaDeleted()).isTrue();
    assertThat(f.retention().fileDeletedAt()).isNotBlank();
  }
}
