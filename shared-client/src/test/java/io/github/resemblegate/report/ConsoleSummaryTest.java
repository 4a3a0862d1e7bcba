package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.FailureKind;
import io.github.resemblegate.gate.FileResult;
import io.github.resemblegate.gate.Outcome;
import io.github.resemblegate.gate.Policy;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.gate.VerdictStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

  /** Two flagged files among fourteen, all judged against 0.50. */
  private static Verdict twoOfFourteen() {
    List<FileResult> files = new ArrayList<>();
    files.add(Fixtures.file("img/fake.png").outcome(Outcome.FLAGGED).score(0.91).build());
    files.add(Fixtures.file("media/fake-intro.wav").outcome(Outcome.FLAGGED).score(0.97).build());
    for (int i = 0; i < 12; i++) {
      files.add(Fixtures.file("media/ok-" + i + ".wav").score(0.05).build());
    }
    return Fixtures.verdict(files, VerdictStatus.FAILED, FailureKind.FINDINGS, "gate message");
  }

  @Test
  void failureMessageNamesFlaggedFilesScoresAndThreshold() {
    assertThat(ConsoleSummary.failureMessage(twoOfFourteen())).isEqualTo(
        "2 of 14 files scored at or above the threshold 0.50: media/fake-intro.wav (0.97), "
            + "img/fake.png (0.91).");
  }

  @Test
  void failureMessageGivesEachThresholdWhenTheyDiffer() {
    assertThat(ConsoleSummary.failureMessage(Fixtures.everyOutcome())).isEqualTo(
        "2 of 10 files scored at or above their thresholds: media/fake-intro.wav (0.97 >= 0.40), "
            + "img/fake.png (0.91 >= 0.50).");
  }

  @Test
  void failureMessageCapsLongLists() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      files.add(Fixtures.file("f" + i + ".wav").outcome(Outcome.FLAGGED).score(0.9 - i / 100.0)
          .build());
    }
    String message = ConsoleSummary.failureMessage(
        Fixtures.verdict(files, VerdictStatus.FAILED, FailureKind.FINDINGS, "m"));

    assertThat(message).isEqualTo("9 of 9 files scored at or above the threshold 0.50: "
        + "f0.wav (0.90), f1.wav (0.89), f2.wav (0.88), f3.wav (0.87), f4.wav (0.86), and 4 more.");
  }

  @Test
  void failureMessageCountsNoSpeechWhenThePolicyFailsOnIt() {
    Policy p = Fixtures.policy();
    Policy failOnSilence = new Policy(p.threshold(), p.thresholds(), p.warnThreshold(),
        p.onFlagged(), p.onError(), Reaction.FAIL, p.onEmpty(), p.videoScoring(), p.waivers());
    List<FileResult> files = List.of(
        Fixtures.file("a/silent.wav").outcome(Outcome.NO_SPEECH).score(null).build(),
        Fixtures.file("a/ok.wav").build());

    assertThat(ConsoleSummary.failureMessage(Fixtures.verdict(files, failOnSilence,
        VerdictStatus.FAILED, FailureKind.FINDINGS, "m")))
        .isEqualTo("1 of 2 files had no speech to judge: a/silent.wav.");
  }

  @Test
  void errorVerdictNamesTheFilesAndWhy() {
    List<FileResult> files = List.of(
        Fixtures.file("b.wav").outcome(Outcome.ERROR).score(null).reason("timed out after 30 min")
            .build(),
        Fixtures.file("a.mp3").outcome(Outcome.ERROR).score(null).reason("upload rejected").build(),
        Fixtures.file("c.wav").build());

    assertThat(ConsoleSummary.failureMessage(Fixtures.verdict(files, VerdictStatus.FAILED,
        FailureKind.ERRORS, "m"))).isEqualTo("2 of 3 files could not be checked: "
        + "a.mp3 (upload rejected), b.wav (timed out after 30 min).");
  }

  @Test
  void errorVerdictWithOneCauseSaysItOnce() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      files.add(Fixtures.file("m/" + i + ".wav").outcome(Outcome.ERROR).score(null)
          .reason("the API refused the token (401)").build());
    }

    assertThat(ConsoleSummary.failureMessage(Fixtures.verdict(files, VerdictStatus.FAILED,
        FailureKind.ERRORS, "m"))).isEqualTo("7 of 7 files could not be checked (the API refused "
        + "the token (401)): m/0.wav, m/1.wav, m/2.wav, m/3.wav, m/4.wav, and 2 more.");
  }

  @Test
  void emptyAndBudgetVerdictsUseTheirOwnMessage() {
    String budget = "14,203 files need checking but maxFiles is 1000; nothing was submitted.";
    assertThat(ConsoleSummary.failureMessage(Fixtures.verdict(List.of(), VerdictStatus.FAILED,
        FailureKind.BUDGET, budget))).isEqualTo(budget);
    assertThat(ConsoleSummary.failureMessage(Fixtures.verdict(List.of(), VerdictStatus.UNSTABLE,
        FailureKind.EMPTY, "No file matched **/*.wav under /p."))).isEqualTo(
        "No file matched **/*.wav under /p.");
  }

  @Test
  void linesPutProblemsFirstInAlignedColumnsThenTotalsThenVerdict() {
    List<String> lines = ConsoleSummary.lines(Fixtures.everyOutcome());

    assertThat(lines.get(0)).startsWith("  FILE").contains("OUTCOME", "SCORE", "THRESHOLD", "REASON");
    assertThat(lines.subList(1, 5)).extracting(l -> l.strip().split("\\s+")[0]).containsExactly(
        "media/fake-intro.wav", "img/fake.png", "media/broken.mp3", "video/trailer.mp4");
    // Columns line up: every outcome starts where the header's OUTCOME starts.
    int outcomeColumn = lines.get(0).indexOf("OUTCOME");
    assertThat(lines.subList(1, 5)).allSatisfy(l ->
        assertThat(l.substring(outcomeColumn)).matches("(FLAGGED|ERROR|WARNED) .*"));
    int thresholdEnd = lines.get(0).indexOf("THRESHOLD") + "THRESHOLD".length();
    assertThat(lines.get(1).substring(0, thresholdEnd)).endsWith("0.97       0.40");
    assertThat(lines.get(3)).endsWith("the detection failed: unsupported codec");
    assertThat(lines.get(5)).isEqualTo("10 files: 2 flagged, 1 error, 1 warned, 1 no speech, "
        + "1 waived, 1 skipped, 3 passed; 1 from cache, 9 uploaded (123.5 MB) in 2 batches");
    assertThat(lines.get(6)).startsWith("Notice: The waiver for path legacy/**/*.wav");
    assertThat(lines.get(7)).isEqualTo("Verdict: FAILED. 2 of 10 files scored at or above their "
        + "thresholds: media/fake-intro.wav (0.97 >= 0.40), img/fake.png (0.91 >= 0.50).");
  }

  @Test
  void aCleanRunIsTotalsAndVerdict() {
    List<FileResult> files = List.of(Fixtures.file("a.wav").build());
    List<String> lines = ConsoleSummary.lines(Fixtures.verdict(files, VerdictStatus.PASSED,
        FailureKind.NONE, "1 file checked; none scored at or above the threshold."));

    assertThat(lines).containsExactly(
        "1 file: 1 passed; 0 from cache, 1 uploaded (123.5 MB) in 2 batches",
        "Notice: The waiver for path legacy/**/*.wav matched no file; remove it or fix its path.",
        "Verdict: PASSED. 1 file checked; none scored at or above the threshold.");
  }

  @Test
  void longPathsKeepBothEnds() {
    String path = "very/deep/" + "x".repeat(80) + "/final-name.wav";

    String shown = ConsoleSummary.ellipsize(path, 60);
    assertThat(shown).hasSize(60).startsWith("very/deep/").endsWith("/final-name.wav")
        .contains("...");
  }

  @Test
  void capsTheTableAtFiftyRows() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      files.add(Fixtures.file("f/" + i + ".wav").outcome(Outcome.FLAGGED).score(0.9).build());
    }
    List<String> lines = ConsoleSummary.lines(Fixtures.verdict(files, VerdictStatus.FAILED,
        FailureKind.FINDINGS, "m"));

    assertThat(lines).contains("  ... and 20 more (resemble-report.html lists every file)");
    assertThat(lines.stream().filter(l -> l.contains(" FLAGGED "))).hasSize(50);
  }
}
