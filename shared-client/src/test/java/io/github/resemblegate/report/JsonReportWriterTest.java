package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.gate.GateResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  static String json(GateResult verdict) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(verdict, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode tree(GateResult verdict) throws IOException {
    return JsonSchemas.MAPPER.readTree(json(verdict));
  }

  private static JsonNode file(JsonNode root, String path) {
    for (JsonNode f : root.get("files")) {
      if (f.get("path").asText().equals(path)) {
        return f;
      }
    }
    throw new AssertionError("no file " + path + " in the report");
  }

  @Test
  void writesSchemaVersionRunPolicyVerdictAndTotals() throws IOException {
    JsonNode root = tree(Fixtures.everyOutcome());

    assertThat(root.get("schemaVersion").asText()).isEqualTo("1.3");
    JsonNode run = root.get("run");
    assertThat(run.get("toolVersion").asText()).isEqualTo("0.1.0-test");
    assertThat(run.get("startedAt").asText()).isEqualTo("2026-11-25T10:15:30Z");
    assertThat(run.get("finishedAt").asText()).isEqualTo("2026-11-25T10:17:05.250Z");
    assertThat(run.get("apiUrl").asText()).isEqualTo("https://app.resemble.ai/api/v2");
    assertThat(run.get("options").get("timeout").asText()).isEqualTo("PT30M");
    assertThat(run.get("batchIds")).hasSize(2);

    JsonNode policy = root.get("policy");
    assertThat(policy.get("threshold").asDouble()).isEqualTo(0.5);
    assertThat(policy.get("thresholds").get("audio").asDouble()).isEqualTo(0.4);
    assertThat(policy.get("thresholds").get("video").asDouble()).isEqualTo(0.6);
    assertThat(policy.get("warnThreshold").asDouble()).isEqualTo(0.35);
    assertThat(policy.get("waivers").get(1).get("sha256").isNull()).isTrue();
    assertThat(policy.get("waivers").get(1).get("path").asText()).isEqualTo("legacy/**/*.wav");

    JsonNode verdict = root.get("verdict");
    assertThat(verdict.get("status").asText()).isEqualTo("FAILED");
    assertThat(verdict.get("failureKind").asText()).isEqualTo("FINDINGS");
    assertThat(verdict.get("notices").get(0).asText()).contains("legacy/**/*.wav");

    JsonNode totals = root.get("totals");
    assertThat(totals.get("files").asInt()).isEqualTo(10);
    assertThat(totals.get("byOutcome").get("FLAGGED").asInt()).isEqualTo(2);
    assertThat(totals.get("byOutcome").get("PASSED").asInt()).isEqualTo(3);
    assertThat(totals.get("byOutcome").get("NO_SPEECH").asInt()).isEqualTo(1);
    assertThat(totals.get("bytesUploaded").asLong()).isEqualTo(123_456_789L);
  }

  @Test
  void writesEverythingKnownAboutAFlaggedFile() throws IOException {
    JsonNode f = file(tree(Fixtures.everyOutcome()), "media/fake-intro.wav");

    assertThat(f.get("sha256").asText()).isEqualTo(Fixtures.sha("media/fake-intro.wav"));
    assertThat(f.get("size").asLong()).isEqualTo(48_213);
    assertThat(f.get("mediaType").asText()).isEqualTo("audio");
    assertThat(f.get("outcome").asText()).isEqualTo("FLAGGED");
    assertThat(f.get("score").asDouble()).isEqualTo(0.97);
    assertThat(f.get("scoreField").asText()).isEqualTo("metrics.aggregated_score");
    assertThat(f.get("label").asText()).isEqualTo("fake");
    assertThat(f.get("threshold").asDouble()).isEqualTo(0.4);
    assertThat(f.get("chunkSeconds").asDouble()).isEqualTo(2.0);
    assertThat(f.get("detectId").asText()).isEqualTo("det-0001");
    assertThat(f.get("batchId").asText()).isEqualTo("batch-1");
    assertThat(f.get("waiver").isNull()).isTrue();
    assertThat(f.get("cached").asBoolean()).isFalse();
    assertThat(f.get("dashboardUrl").asText())
        .isEqualTo("https://app.resemble.ai/hub/detect/det-0001");
  }

  @Test
  void keepsNullChunkScoresInPlace() throws IOException {
    JsonNode chunks = file(tree(Fixtures.everyOutcome()), "media/fake-intro.wav")
        .get("chunkScores");

    assertThat(chunks).hasSize(9);
    assertThat(chunks.get(2).isNull()).isTrue();
    assertThat(chunks.get(3).asDouble()).isEqualTo(0.62);
  }

  @Test
  void writesWaiverReasonExpiryAndNullsForUnknowns() throws IOException {
    JsonNode root = tree(Fixtures.everyOutcome());

    JsonNode waived = file(root, "media/narrator.wav");
    assertThat(waived.get("outcome").asText()).isEqualTo("WAIVED");
    assertThat(waived.get("waiver").get("reason").asText())
        .isEqualTo("Licensed synthetic narrator (contract 2026-14)");
    assertThat(waived.get("waiver").get("until").asText()).isEqualTo("2027-01-31");

    JsonNode skipped = file(root, "docs/empty.wav");
    assertThat(skipped.get("sha256").isNull()).isTrue();
    assertThat(skipped.get("score").isNull()).isTrue();
    assertThat(skipped.get("reason").asText()).isEqualTo("empty file");
    assertThat(skipped.get("chunkScores")).isEmpty();

    assertThat(file(root, "media/clean.wav").get("cached").asBoolean()).isTrue();
    assertThat(file(root, "video/trailer.mp4").get("mediaType").asText()).isEqualTo("video");
    assertThat(file(root, Fixtures.NON_ASCII).get("path").asText()).isEqualTo(Fixtures.NON_ASCII);
  }

  @Test
  void writesWhatEachFileBillsAndHowLongItPlaysOnlyWhereKnown() throws IOException {
    JsonNode root = tree(Fixtures.everyOutcome());

    JsonNode intro = file(root, "media/fake-intro.wav");
    assertThat(intro.get("billableBytes").asLong()).isEqualTo(48_213);
    assertThat(intro.get("playingSeconds").asDouble()).isEqualTo(18.5);
    JsonNode trailer = file(root, "video/trailer.mp4");
    assertThat(trailer.get("billableBytes").asLong()).isEqualTo(48_213);
    assertThat(trailer.has("playingSeconds")).as("unknown is absent, never 0").isFalse();
    JsonNode cached = file(root, "media/clean.wav");
    assertThat(cached.has("billableBytes")).isFalse();
    assertThat(cached.has("playingSeconds")).isFalse();

    JsonNode totals = root.get("totals");
    assertThat(totals.get("billableBytes").asLong()).isEqualTo(4 * 48_213);
    assertThat(totals.get("playingSeconds").asDouble()).isEqualTo(140.0);
    assertThat(totals.get("filesOfUnknownLength").asInt()).isEqualTo(1);
  }

  @Test
  void aRunThatBilledNothingHasNoPlayingTimeTotal() throws IOException {
    JsonNode totals = tree(Fixtures.hostile()).get("totals");

    assertThat(totals.get("billableBytes").asLong()).isZero();
    assertThat(totals.has("playingSeconds")).isFalse();
    assertThat(totals.get("filesOfUnknownLength").asInt()).isZero();
  }

  @Test
  void outputValidatesAgainstThePublishedSchema() throws IOException {
    for (GateResult verdict : new GateResult[] {Fixtures.everyOutcome(), Fixtures.hostile(),
        Fixtures.thousandFiles()}) {
      assertThat(JsonSchemas.validate(JsonSchemas.report(), tree(verdict))).isEmpty();
    }
  }

  @Test
  void schemaRejectsAReportWithAWrongOutcome() throws IOException {
    JsonNode root = tree(Fixtures.everyOutcome());
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("files").get(0))
        .put("outcome", "MAYBE");

    assertThat(JsonSchemas.validate(JsonSchemas.report(), root))
        .anySatisfy(m -> assertThat(m.getMessage()).contains("outcome"));
  }

  @Test
  void writesTheWholeVerdictOfAThousandFiles() throws IOException {
    JsonNode root = tree(Fixtures.thousandFiles());

    assertThat(root.get("files")).hasSize(1000);
    assertThat(root.get("totals").get("byOutcome").get("FLAGGED").asInt()).isEqualTo(11);
  }
}
