package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictRulesTest {

  private static FileResult file(String path, Outcome o, Double score, double threshold,
      String reason) {
    return new FileResult(path, "a".repeat(64), 1, MediaType.fromFileName(path), o, score,
        score == null ? null : "metrics.aggregated_score", null, threshold, null, null, null,
        null, reason, null, false, null);
  }

  private static List<FileResult> passed(int n) {
    List<FileResult> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(file("ok" + i + ".wav", Outcome.PASSED, 0.1, 0.5, null));
    }
    return list;
  }

  private static Policy policy(Reaction flagged, Reaction error, Reaction noSpeech) {
    return new Policy(0.5, Map.of(), 0.3, flagged, error, noSpeech, null, null, List.of());
  }

  @Test
  void namesFlaggedFilesTheirScoresAndTheThreshold() {
    List<FileResult> files = new ArrayList<>(passed(12));
    files.add(0, file("img/fake.png", Outcome.FLAGGED, 0.91, 0.5, null));
    files.add(0, file("media/fake-intro.wav", Outcome.FLAGGED, 0.97, 0.5, null));
    VerdictRules.Decision d = VerdictRules.decide(Policy.DEFAULT, files);
    assertThat(d.status()).isEqualTo(VerdictStatus.FAILED);
    assertThat(d.kind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(d.message()).isEqualTo("2 of 14 files scored at or above the threshold 0.50:"
        + " media/fake-intro.wav (0.97), img/fake.png (0.91).");
  }

  @Test
  void namesEachThresholdWhenFilesHaveDifferentOnes() {
    List<FileResult> files = List.of(file("a.wav", Outcome.FLAGGED, 0.6, 0.5, null),
        file("b.png", Outcome.FLAGGED, 0.85, 0.8, null));
    assertThat(VerdictRules.decide(Policy.DEFAULT, files).message())
        .isEqualTo("2 of 2 files scored at or above their threshold: a.wav (0.60 >= 0.50),"
            + " b.png (0.85 >= 0.80).");
  }

  @Test
  void namesTheFirstErrorAndHowManyFilesItHit() {
    String why = "The API refused the token (HTTP 401). Set the RESEMBLE_API_KEY environment variable.";
    List<FileResult> files = new ArrayList<>(passed(1));
    files.add(file("a.wav", Outcome.ERROR, null, 0.5, why));
    files.add(file("b.wav", Outcome.ERROR, null, 0.5, why));
    VerdictRules.Decision d = VerdictRules.decide(Policy.DEFAULT, files);
    assertThat(d.status()).isEqualTo(VerdictStatus.FAILED);
    assertThat(d.kind()).isEqualTo(FailureKind.ERRORS);
    assertThat(d.message()).isEqualTo("2 of 3 files could not be checked: " + why);
  }

  @Test
  void findingsBeatErrorsAsTheFailureKind() {
    List<FileResult> files = List.of(file("a.wav", Outcome.FLAGGED, 0.9, 0.5, null),
        file("b.wav", Outcome.ERROR, null, 0.5, "boom"));
    VerdictRules.Decision d = VerdictRules.decide(Policy.DEFAULT, files);
    assertThat(d.kind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(d.message()).isEqualTo("1 of 2 files scored at or above the threshold 0.50:"
        + " a.wav (0.90); also 1 of 2 files could not be checked.");
  }

  @ParameterizedTest(name = "flagged={0} error={1} noSpeech={2} -> {3} {4}")
  @CsvSource({
      "FAIL,   FAIL,   IGNORE, FAILED,   FINDINGS",
      "WARN,   FAIL,   IGNORE, FAILED,   ERRORS",
      "WARN,   WARN,   IGNORE, UNSTABLE, FINDINGS",
      "IGNORE, WARN,   IGNORE, UNSTABLE, ERRORS",
      "IGNORE, IGNORE, IGNORE, PASSED,   NONE",
      "IGNORE, IGNORE, FAIL,   FAILED,   FINDINGS",
      "IGNORE, IGNORE, WARN,   UNSTABLE, FINDINGS",
  })
  void mapsReactionsToTheVerdict(Reaction flagged, Reaction error, Reaction noSpeech,
      VerdictStatus status, FailureKind kind) {
    List<FileResult> files = List.of(file("f.wav", Outcome.FLAGGED, 0.9, 0.5, null),
        file("e.wav", Outcome.ERROR, null, 0.5, "timed out"),
        file("n.wav", Outcome.NO_SPEECH, null, 0.5, "no speech found"),
        file("p.wav", Outcome.PASSED, 0.1, 0.5, null));
    VerdictRules.Decision d = VerdictRules.decide(policy(flagged, error, noSpeech), files);
    assertThat(d.status()).isEqualTo(status);
    assertThat(d.kind()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "onNoSpeech={0} -> {1}")
  @CsvSource({"FAIL, FAILED", "WARN, UNSTABLE", "IGNORE, PASSED"})
  void noSpeechFollowsItsReaction(Reaction onNoSpeech, VerdictStatus status) {
    List<FileResult> files = List.of(file("quiet.wav", Outcome.NO_SPEECH, null, 0.5, "x"),
        file("p.wav", Outcome.PASSED, 0.1, 0.5, null));
    VerdictRules.Decision d = VerdictRules.decide(policy(null, null, onNoSpeech), files);
    assertThat(d.status()).isEqualTo(status);
    if (status != VerdictStatus.PASSED) {
      assertThat(d.message()).isEqualTo("1 of 2 files had no speech to judge (onNoSpeech="
          + onNoSpeech + "): quiet.wav.");
    }
  }

  @Test
  void warnedFilesMakeTheRunUnstable() {
    List<FileResult> files = List.of(file("a.wav", Outcome.WARNED, 0.41, 0.5, null));
    VerdictRules.Decision d = VerdictRules.decide(policy(Reaction.FAIL, null, null), files);
    assertThat(d.status()).isEqualTo(VerdictStatus.UNSTABLE);
    assertThat(d.message()).isEqualTo("1 of 1 file scored in the warn band (at or above 0.30,"
        + " below the threshold): a.wav (0.41).");
  }

  @Test
  void listsAtMostFiveFilesByName() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      files.add(file("f" + i + ".wav", Outcome.FLAGGED, 0.9, 0.5, null));
    }
    assertThat(VerdictRules.decide(Policy.DEFAULT, files).message())
        .endsWith("f4.wav (0.90) and 2 more.");
  }

  @Test
  void summarisesAPassingRun() {
    List<FileResult> files = new ArrayList<>(passed(2));
    files.add(file("w.wav", Outcome.WAIVED, 0.9, 0.5, "waived"));
    VerdictRules.Decision d = VerdictRules.decide(Policy.DEFAULT, files);
    assertThat(d.status()).isEqualTo(VerdictStatus.PASSED);
    assertThat(d.kind()).isEqualTo(FailureKind.NONE);
    assertThat(d.message()).isEqualTo("3 files: 2 passed, 1 waived; threshold 0.50.");
  }
}
