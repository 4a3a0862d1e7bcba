package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringRulesTest {

  @TempDir
  Path dir;

  @Test
  void defaultRulesJudgeByName() {
    ScoringRules rules = ScoringRules.defaults();

    assertThat(rules.match("Deep-FAKE-01.wav").score()).isEqualTo(0.97);
    assertThat(rules.match("Deep-FAKE-01.wav").effectiveLabel()).isEqualTo("fake");
    assertThat(rules.match("silent-hall.mp4").score()).isEqualTo(-1.0);
    assertThat(rules.match("corrupt.wav").failed()).isTrue();
    assertThat(rules.match("corrupt.wav").errorMessage()).isNotBlank();
    assertThat(rules.match("holiday.jpg").score()).isEqualTo(0.04);
    assertThat(rules.match("holiday.jpg").effectiveLabel()).isEqualTo("real");
  }

  @Test
  void firstMatchingRuleWinsAndDefaultsFollow() {
    ScoringRules rules = ScoringRules.of(
        ScoringRule.scoring("*borderline*", 0.55).withLabel("Real"),
        ScoringRule.scoring("*fake*.png", 0.61));

    assertThat(rules.match("borderline-fake.wav").score()).isEqualTo(0.55);
    assertThat(rules.match("borderline-fake.wav").effectiveLabel()).isEqualTo("real");
    assertThat(rules.match("fake.png").score()).isEqualTo(0.61);
    assertThat(rules.match("fake.wav").score()).isEqualTo(0.97);
  }

  @Test
  void onlyRulesFallBackToReal() {
    ScoringRules rules = ScoringRules.only(ScoringRule.scoring("a?.wav", 0.8));

    assertThat(rules.match("a1.wav").score()).isEqualTo(0.8);
    assertThat(rules.match("a12.wav").score()).isEqualTo(0.04);
    assertThat(rules.match("fake.wav").score()).isEqualTo(0.04);
  }

  @Test
  void globsAreLiteralApartFromStarAndQuestionMark() {
    ScoringRules rules = ScoringRules.only(ScoringRule.scoring("take(1)+[x].wav", 0.9));

    assertThat(rules.match("TAKE(1)+[X].WAV").score()).isEqualTo(0.9);
    assertThat(rules.match("take1.wav").score()).isEqualTo(0.04);
  }

  @Test
  void loadsRulesFile() throws IOException {
    Path file = Files.writeString(dir.resolve("rules.json"), """
        {"rules": [
          {"match": "*suspect*", "score": 0.66, "label": "fake"},
          {"match": "*broken*", "status": "failed", "error_message": "Unsupported codec"},
          {"match": "*.mkv", "processing_ms": 1500}
        ]}""");

    ScoringRules rules = ScoringRules.load(file);

    assertThat(rules.match("suspect.wav")).isEqualTo(
        new ScoringRule("*suspect*", 0.66, "fake", false, null, null));
    assertThat(rules.match("broken.wav").errorMessage()).isEqualTo("Unsupported codec");
    assertThat(rules.match("film.mkv").processingTime()).isEqualTo(Duration.ofMillis(1500));
    assertThat(rules.match("film.mkv").score()).isEqualTo(0.04);
    assertThat(rules.match("fake.wav").score()).as("defaults follow").isEqualTo(0.97);
  }

  @Test
  void replaceDefaultsDropsTheBuiltInRules() {
    ScoringRules rules = ScoringRules.parse("""
        {"replace_defaults": true, "rules": [{"match": "x*", "score": 0.7}]}""");

    assertThat(rules.rules()).hasSize(1);
    assertThat(rules.match("fake.wav").score()).isEqualTo(0.04);
  }

  @Test
  void explainsMistakesInTheRulesFileInOneSentence() throws IOException {
    Path file = dir.resolve("bad.json");

    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessage("The rules file " + file + " does not exist.");
    Files.writeString(file, "{\"rules\": [{\"match\": \"*\", \"scor\": 1}]}");
    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessageContaining("rule 1 has an unknown field \"scor\"");
    Files.writeString(file, "{\"rules\": [{\"match\": \"*\", \"score\": 2}]}");
    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessageContaining("use 0.0 to 1.0, or -1 for no speech");
    Files.writeString(file, "{\"rules\": [{\"score\": 0.5}]}");
    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessageContaining("rule 1 has no \"match\" glob");
    Files.writeString(file, "{\"rules\": [{\"match\": \"*\", \"status\": \"done\"}]}");
    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessageContaining("use \"completed\" or \"failed\"");
    Files.writeString(file, "[1, 2");
    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessageContaining("not valid JSON");
    Files.writeString(file, "[]");
    assertThatThrownBy(() -> ScoringRules.load(file)).hasMessageContaining("\"rules\" array");
  }

  @Test
  void simulatorScoresWithRulesFromFile() throws IOException {
    Path file = Files.writeString(dir.resolve("rules.json"), """
        {"rules": [{"match": "*suspect*", "score": 0.66},
                   {"match": "*odd*", "status": "failed", "error_message": "Unsupported codec"}]}""");
    SimulatorOptions options = SimulatorOptions.builder().processingTime(Duration.ofMillis(5)).rulesFile(file).build();
    try (ResembleSimulator sim = ResembleSimulator.start(options)) {
      Api api = new Api(sim.baseUrl());
      String batch = api.postMultipart("/detect/batch", new Multipart()
          .file("files[]", "suspect.wav", Media.wav(1, 8000))
          .file("files[]", "odd.wav", Media.wav(1, 8000))
          .file("files[]", "fake.wav", Media.wav(1, 8000))).item().get("uuid").asText();
      JsonNode ids = api.awaitBatch(batch).get("detect_uuids");

      JsonNode suspect = api.get("/detect/" + ids.get(0).asText()).item();
      JsonNode odd = api.get("/detect/" + ids.get(1).asText()).item();
      JsonNode fake = api.get("/detect/" + ids.get(2).asText()).item();

      assertThat(suspect.get("metrics").get("aggregated_score").asText()).isEqualTo("0.66");
      assertThat(suspect.get("metrics").get("label").asText()).isEqualTo("fake");
      assertThat(odd.get("status").asText()).isEqualTo("failed");
      assertThat(odd.get("error_message").asText()).isEqualTo("Unsupported codec");
      assertThat(fake.get("metrics").get("aggregated_score").asText()).isEqualTo("0.97");
    }
  }
}
