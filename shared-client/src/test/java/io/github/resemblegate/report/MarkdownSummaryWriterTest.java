package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryWriterTest {

  private static List<String> lines(String md) {
    return md.lines().toList();
  }

  @Test
  void headsWithTheVerdictAndItsSentence() {
    String md = MarkdownSummaryWriter.summary(Fixtures.everyOutcome());

    assertThat(lines(md).get(0)).isEqualTo("### ❌ Resemble Gate: FAILED");
    // The decision's own sentence, the one every front end prints.
    assertThat(lines(md).get(2)).isEqualTo("2 of 10 files are likely synthetic, at or above their"
        + " thresholds; the highest is media/fake-intro.wav at 0.97.");
  }

  @Test
  void endsWithWhatTheRunBills() {
    String md = MarkdownSummaryWriter.summary(Fixtures.everyOutcome());

    assertThat(lines(md).get(lines(md).size() - 1)).contains(" · billable: 4 files, 192.9 kB,"
        + " about 2.3 min of media, the length of 1 file unknown");
  }

  @Test
  void countsEveryOutcomeThatOccurred() {
    List<String> lines = lines(MarkdownSummaryWriter.summary(Fixtures.everyOutcome()));

    assertThat(lines).containsSubsequence(
        "| Files | Likely synthetic | Could not judge | Possibly synthetic | No speech to judge"
            + " | Waived | Skipped | Likely genuine |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| 10 | 2 | 1 | 1 | 1 | 1 | 1 | 3 |");
  }

  @Test
  void listsFlaggedErroredAndWarnedFilesWithScores() {
    List<String> lines = lines(MarkdownSummaryWriter.summary(Fixtures.everyOutcome()));

    assertThat(lines).containsSubsequence(
        "| File | Verdict | Score | Threshold | Why |",
        "|---|---|---:|---:|---|",
        "| `media/fake-intro.wav` | Likely synthetic | 0.97 | 0.40 |  |",
        "| `img/fake.png` | Likely synthetic | 0.91 | 0.50 |  |",
        "| `media/broken.mp3` | Could not judge | - | 0.40 | the detection failed: unsupported"
            + " codec |",
        "| `video/trailer.mp4` | Possibly synthetic | 0.44 | 0.60 |  |");
    assertThat(lines).noneMatch(l -> l.contains("clean.wav") || l.contains("narrator.wav"));
  }

  @Test
  void escapesPipesBackticksAndMarkupInNamesAndReasons() {
    String md = MarkdownSummaryWriter.summary(Fixtures.hostile());

    assertThat(md).contains("| ``media/a\\|b `tick` c.wav`` | Likely synthetic | 0.75 |");
    assertThat(md).contains("| `media/<img src=x onerror=alert(1)>.wav` | Likely synthetic |");
    assertThat(md).contains("server said \\</script\\>\\<script\\>window.\\_\\_xss=4\\</script\\>");
    assertThat(MarkdownSummaryWriter.summary(Fixtures.result(List.of(), Verdict.UNSTABLE,
        FailureKind.EMPTY, "Nothing matched <b>**/*.wav</b> & [x](y)")))
        .contains("Nothing matched \\<b\\>\\*\\*/\\*.wav\\</b\\> \\& \\[x\\]\\(y\\)");
    // Every table row still has exactly six unescaped cell separators.
    assertThat(lines(md)).filteredOn(l -> l.startsWith("| `"))
        .allSatisfy(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count())
            .isEqualTo(6));
  }

  @Test
  void saysWhatToDoNextWithTheWaiverEntryToCopy() {
    List<String> lines = lines(MarkdownSummaryWriter.summary(Fixtures.everyOutcome()));

    assertThat(lines).containsSubsequence("**What to do next**",
        "- Listen to or look at each file Resemble judged likely synthetic. If one is synthetic"
            + " on purpose, waive it with a reason and an end date: add its entry under 'waivers:'"
            + " in the waiver file \\(setting waiversFile\\).",
        "  ```yaml",
        "  - sha256: " + Fixtures.sha("media/fake-intro.wav") + "  # media/fake-intro.wav",
        "    reason: \"why this file may ship, e.g. a licensed synthetic voice\"",
        "    until: 2027-02-23",
        "  ```");
    // A backtick fence in a file name cannot close the block early.
    String hostile = MarkdownSummaryWriter.summary(Fixtures.result(List.of(Fixtures
        .file("media/```x.wav").outcome(Outcome.FLAGGED).score(0.9).build()), Verdict.FAILED,
        FailureKind.FINDINGS, "m"));
    assertThat(hostile).contains("  ````yaml\n  - sha256: ").contains("# media/```x.wav\n");
  }

  @Test
  void codeSpansSurviveBackticksAtTheEdges() {
    assertThat(MarkdownSummaryWriter.code("`x`")).isEqualTo("`` `x` ``");
    assertThat(MarkdownSummaryWriter.code("a``b")).isEqualTo("```a``b```");
    assertThat(MarkdownSummaryWriter.code("line\nbreak|x")).isEqualTo("`line break\\|x`");
  }

  @Test
  void capsTheListAndSaysHowManyMore() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      files.add(Fixtures.file("f/" + i + ".wav").outcome(Outcome.FLAGGED).score(0.9).build());
    }
    String md = MarkdownSummaryWriter.summary(Fixtures.result(files, Verdict.FAILED,
        FailureKind.FINDINGS, "m"));

    assertThat(lines(md).stream().filter(l -> l.startsWith("| `f/"))).hasSize(25);
    assertThat(md).contains("…and 15 more; `resemble-report.html` lists every file.");
  }

  @Test
  void aCleanRunIsShort() {
    List<FileResult> files = List.of(Fixtures.file("a.wav").build());
    String md = MarkdownSummaryWriter.summary(Fixtures.result(files, Verdict.PASSED,
        FailureKind.NONE, "1 file checked: 1 likely genuine; threshold 0.50."));

    assertThat(lines(md).get(0)).isEqualTo("### ✅ Resemble Gate: PASSED");
    assertThat(md).doesNotContain("| File |", "What to do next");
    assertThat(lines(md)).contains("| 1 | 0 | 1 |");
  }
}
