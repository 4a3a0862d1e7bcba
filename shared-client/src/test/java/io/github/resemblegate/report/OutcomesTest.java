package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports' order: outcome by seriousness, then the higher score, then the path. */
class OutcomesTest {

  private static FileResult file(String path, Outcome outcome, Double score) {
    return Fixtures.file(path).outcome(outcome).score(score).build();
  }

  private static final List<FileResult> IN_PATH_ORDER = List.of(
      file("a.wav", Outcome.PASSED, 0.1),
      file("b.wav", Outcome.FLAGGED, 0.6),
      file("c.wav", Outcome.PASSED, 0.3),
      file("d.wav", Outcome.FLAGGED, 0.9),
      file("e.wav", Outcome.PASSED, 0.1),
      file("f.wav", Outcome.ERROR, null));

  private static List<String> order(List<FileResult> files) {
    return Outcomes.inReportOrder(Fixtures.result(files, Verdict.FAILED, FailureKind.FINDINGS,
        "2 of 6 files are likely synthetic.")).stream().map(FileResult::path).toList();
  }

  @Test
  void aRunsFilesInPathOrderAreReportedMostSeriousFirstThenByScoreThenByPath() {
    assertThat(order(IN_PATH_ORDER))
        .containsExactly("d.wav", "b.wav", "f.wav", "c.wav", "a.wav", "e.wav");
  }

  @Test
  void filesInAnyOtherOrderAreReportedInTheSameOrder() {
    // A merge of shards, or a report read back, need not list its files in path order.
    List<FileResult> shuffled = List.of(IN_PATH_ORDER.get(4), IN_PATH_ORDER.get(1),
        IN_PATH_ORDER.get(5), IN_PATH_ORDER.get(0), IN_PATH_ORDER.get(3), IN_PATH_ORDER.get(2));
    assertThat(order(shuffled))
        .containsExactly("d.wav", "b.wav", "f.wav", "c.wav", "a.wav", "e.wav");
  }
}
