package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

  @Test
  void linesPutFilesThatNeedALookFirstInWordsThenTotalsNextStepsAndTheSentence() {
    List<String> lines = ConsoleSummary.lines(Fixtures.everyOutcome());

    assertThat(lines.get(0)).startsWith("  FILE").contains("VERDICT", "SCORE", "THRESHOLD", "WHY");
    assertThat(lines.subList(1, 5)).extracting(l -> l.strip().split("\\s+")[0]).containsExactly(
        "media/fake-intro.wav", "img/fake.png", "media/broken.mp3", "video/trailer.mp4");
    // Columns line up: every verdict starts where the header's VERDICT starts.
    int verdictColumn = lines.get(0).indexOf("VERDICT");
    assertThat(lines.subList(1, 5)).extracting(l -> l.substring(verdictColumn)).satisfiesExactly(
        l -> assertThat(l).startsWith("Likely synthetic "),
        l -> assertThat(l).startsWith("Likely synthetic "),
        l -> assertThat(l).startsWith("Could not judge "),
        l -> assertThat(l).startsWith("Possibly synthetic "));
    int thresholdEnd = lines.get(0).indexOf("THRESHOLD") + "THRESHOLD".length();
    assertThat(lines.get(1).substring(0, thresholdEnd)).endsWith("0.97       0.40");
    // A flagged file's score says why; the API's label and field names are in the reports.
    assertThat(lines.get(1)).endsWith("0.40").doesNotContain("fake ", "metrics.");
    assertThat(lines.get(3)).endsWith("the detection failed: unsupported codec");
    assertThat(lines.get(5)).isEqualTo("10 files: 2 likely synthetic, 1 could not be judged,"
        + " 1 possibly synthetic, 1 without speech, 1 waived, 1 skipped, 3 likely genuine;"
        + " 1 from cache, 9 uploaded (123.5 MB) in 2 batches");
    assertThat(lines.get(6)).startsWith("Notice: The waiver for path legacy/**/*.wav");
    assertThat(lines.subList(7, lines.size() - 1)).containsExactly(
        "What to do next:",
        "  - Listen to or look at each file Resemble judged likely synthetic. If one is synthetic"
            + " on purpose, waive it with a reason and an end date: add its entry under"
            + " 'waivers:' in the waiver file (setting waiversFile).",
        "      - sha256: " + Fixtures.sha("media/fake-intro.wav") + "  # media/fake-intro.wav",
        "        reason: \"why this file may ship, e.g. a licensed synthetic voice\"",
        "        until: 2027-02-23",
        "      - sha256: " + Fixtures.sha("img/fake.png") + "  # img/fake.png",
        "        reason: \"why this file may ship, e.g. a licensed synthetic voice\"",
        "        until: 2027-02-23",
        "      - sha256: " + Fixtures.sha("video/trailer.mp4") + "  # video/trailer.mp4",
        "        reason: \"why this file may ship, e.g. a licensed synthetic voice\"",
        "        until: 2027-02-23",
        "  - Otherwise replace each with an authentic recording and build again.",
        "  - Build again to retry the file that could not be judged; results already received"
            + " come from the cache and are not paid for again.",
        "  - Each detection is in Resemble's dashboard, for example:"
            + " https://app.resemble.ai/hub/detect/det-0001");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Verdict: FAILED. "
        + Fixtures.everyOutcome().decision().sentence());
  }

  @Test
  void oneContentAtTwoPathsGetsOneWaiverEntryNamingBoth() {
    String sha = Fixtures.sha("media/fake.wav");
    List<FileResult> files = List.of(
        Fixtures.file("media/bundle.zip!/fake.wav").sha256(sha).outcome(Outcome.FLAGGED)
            .score(0.97).threshold(0.5).build(),
        Fixtures.file("media/fake.wav").sha256(sha).outcome(Outcome.FLAGGED).score(0.97)
            .threshold(0.5).build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.FAILED,
        FailureKind.FINDINGS, "m"));

    // A waiver is keyed by the content: one entry covers both copies.
    assertThat(lines).filteredOn(l -> l.contains("sha256: ")).containsExactly(
        "      - sha256: " + sha + "  # media/bundle.zip!/fake.wav and 1 more copy");
  }

  @Test
  void oneFlaggedFileGetsItsWaiverEntryInTheSingular() {
    List<FileResult> files = List.of(Fixtures.file("media/fake.wav").outcome(Outcome.FLAGGED)
        .score(0.97).threshold(0.5).build(), Fixtures.file("media/ok.wav").build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.FAILED,
        FailureKind.FINDINGS, "m"));

    assertThat(lines).containsSubsequence("What to do next:",
        "  - Listen to or look at the file Resemble judged likely synthetic. If it is synthetic"
            + " on purpose, waive it with a reason and an end date: add this entry under"
            + " 'waivers:' in the waiver file (setting waiversFile).",
        "      - sha256: " + Fixtures.sha("media/fake.wav") + "  # media/fake.wav",
        "        reason: \"why this file may ship, e.g. a licensed synthetic voice\"",
        "        until: 2027-02-23",
        "  - Otherwise replace it with an authentic recording and build again.");
  }

  @Test
  void filesTheApiRefusedAreNotSentToBeBuiltAgainOnlyThoseARetryCanHelp() {
    List<FileResult> files = List.of(
        Fixtures.file("media/gone.wav").outcome(Outcome.ERROR)
            .reason("the API refused it: Detect not found; re-running will not help").build(),
        Fixtures.file("media/busy.wav").outcome(Outcome.ERROR)
            .reason("the API failed on it: internal error; re-run to retry").build(),
        Fixtures.file("media/ok.wav").build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.FAILED,
        FailureKind.ERRORS, "m"));

    assertThat(lines).contains("  - Build again to retry the file that could not be judged;"
        + " results already received come from the cache and are not paid for again.");
    assertThat(lines).contains("  - Look at the file the API refused: the reports give its words;"
        + " building again will not change that answer.");
  }

  @Test
  void aRunStoppedByOneCauseForEveryFileLeavesTheVerdictToSayWhatToDo() {
    String cause = "The Resemble API rejected the API token from the RESEMBLE_API_KEY environment"
        + " variable with 401 Unauthorized, so nothing was uploaded; use a current token.";
    List<FileResult> files = List.of(
        Fixtures.file("media/a.wav").outcome(Outcome.ERROR).reason(cause).build(),
        Fixtures.file("media/b.wav").outcome(Outcome.ERROR).reason(cause).build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.FAILED,
        FailureKind.ERRORS, cause));

    // Building again with the same token changes nothing: the verdict's own advice is the step.
    assertThat(lines).noneMatch(l -> l.contains("Build again") || l.contains("API refused"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Verdict: FAILED. " + cause);
    // Said once: the rows do not repeat the verdict's sentence for every file.
    assertThat(lines).filteredOn(l -> l.contains("rejected the API token")).hasSize(1);
    assertThat(lines.get(1)).startsWith("  media/a.wav").endsWith("0.50");
  }

  @Test
  void aRunWithWarningsReadsPassedWithWarnings() {
    List<FileResult> files = List.of(Fixtures.file("v.mp4").outcome(Outcome.WARNED).score(0.44)
        .threshold(0.6).build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.UNSTABLE,
        FailureKind.FINDINGS, "1 of 1 file is possibly synthetic."));

    assertThat(lines).last().isEqualTo("Verdict: PASSED with warnings. 1 of 1 file is possibly"
        + " synthetic.");
    assertThat(lines).noneMatch(l -> l.contains("UNSTABLE"));
  }

  @Test
  void aCleanRunIsTotalsAndVerdict() {
    List<FileResult> files = List.of(Fixtures.file("a.wav").build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.PASSED,
        FailureKind.NONE, "1 file checked: 1 likely genuine; threshold 0.50."));

    assertThat(lines).containsExactly(
        "1 file: 1 likely genuine; 0 from cache, 1 uploaded (123.5 MB) in 2 batches",
        "Notice: The waiver for path legacy/**/*.wav matched no file; remove it or fix its path.",
        "Verdict: PASSED. 1 file checked: 1 likely genuine; threshold 0.50.");
  }

  @Test
  void longPathsKeepBothEnds() {
    String path = "very/deep/" + "x".repeat(80) + "/final-name.wav";

    String shown = io.github.resemblegate.gate.policy.PathFormat.shorten(path, 60);
    assertThat(shown).hasSize(60).startsWith("very/deep/").endsWith("/final-name.wav")
        .contains("...");
  }

  @Test
  void capsTheTableAtFiftyRows() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      files.add(Fixtures.file("f/" + i + ".wav").outcome(Outcome.FLAGGED).score(0.9).build());
    }
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.FAILED,
        FailureKind.FINDINGS, "m"));

    assertThat(lines).contains("  ... and 20 more (resemble-report.html lists every file)");
    assertThat(lines.stream().filter(l -> l.contains(" Likely synthetic "))).hasSize(50);
  }
}
