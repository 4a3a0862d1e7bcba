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
  void linesPutProblemsFirstInAlignedColumnsThenTotalsThenTheDecisionsSentence() {
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
    assertThat(lines.get(7)).isEqualTo("Verdict: FAILED. "
        + Fixtures.everyOutcome().decision().sentence());
  }

  @Test
  void aCleanRunIsTotalsAndVerdict() {
    List<FileResult> files = List.of(Fixtures.file("a.wav").build());
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.PASSED,
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
    List<String> lines = ConsoleSummary.lines(Fixtures.result(files, Verdict.FAILED,
        FailureKind.FINDINGS, "m"));

    assertThat(lines).contains("  ... and 20 more (resemble-report.html lists every file)");
    assertThat(lines.stream().filter(l -> l.contains(" FLAGGED "))).hasSize(50);
  }
}
