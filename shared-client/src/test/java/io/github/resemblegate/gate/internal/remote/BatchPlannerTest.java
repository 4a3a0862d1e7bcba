package io.github.resemblegate.gate.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.internal.ledger.Content;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

  private static Content content(String sha256, String path, long size) {
    return new Content(sha256, size, MediaType.fromFileName(path), List.of(path), 0);
  }

  private static List<Content> uploads(int n, long size, String ext) {
    List<Content> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(content(String.format("%064d", i), String.format("f%03d.%s", i, ext), size));
    }
    return list;
  }

  @Test
  void splits120FilesIntoThreeBatchesOfAtMost50() {
    BatchPlanner.Work work = new BatchPlanner(50, 500_000_000L, false).plan(uploads(120, 10, "wav"));
    assertThat(work.batches()).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(work.singles()).isEmpty();
    assertThat(work.uploads()).isEqualTo(120);
    assertThat(work.bytes()).isEqualTo(1200);
  }

  @Test
  void startsANewBatchBeforeTheByteLimitWouldBeExceeded() {
    BatchPlanner.Work work = new BatchPlanner(50, 250_000_000L, false)
        .plan(uploads(5, 100_000_000L, "mp4"));
    assertThat(work.batches()).extracting(List::size).containsExactly(2, 2, 1);
  }

  @Test
  void aFileOver150MbWithinTheByteLimitStaysInABatch() {
    BatchPlanner.Work work = new BatchPlanner(50, 500_000_000L, false)
        .plan(uploads(1, 300_000_000L, "mov"));
    assertThat(work.batches()).hasSize(1);
    assertThat(work.singles()).isEmpty();
  }

  @Test
  void aFileLargerThanABatchGoesAloneThroughASecureUpload() {
    List<Content> list = new ArrayList<>(uploads(2, 10, "wav"));
    list.add(content("b".repeat(64), "big.mp4", 600_000_000L));
    BatchPlanner.Work work = new BatchPlanner(50, 500_000_000L, false).plan(list);
    assertThat(work.batches()).hasSize(1);
    assertThat(work.singles()).singleElement().satisfies(s -> {
      assertThat(s.content().path()).isEqualTo("big.mp4");
      assertThat(s.secure()).isTrue();
      assertThat(s.why()).startsWith("larger than a batch allows");
    });
  }

  @Test
  void zeroRetentionSendsEveryFileOnItsOwn() {
    BatchPlanner.Work work = new BatchPlanner(50, 500_000_000L, true).plan(uploads(3, 10, "wav"));
    assertThat(work.batches()).isEmpty();
    assertThat(work.singles()).hasSize(3).allSatisfy(s -> {
      assertThat(s.secure()).isFalse();
      assertThat(s.why()).startsWith("zero-retention");
    });
  }

  @Test
  void extensionsTheBatchEndpointRefusesGoOnTheirOwn() {
    BatchPlanner.Work work = new BatchPlanner(50, 500_000_000L, false).plan(uploads(1, 10, "amr"));
    assertThat(work.singles()).singleElement()
        .satisfies(s -> assertThat(s.why()).contains(".amr"));
  }

  @Test
  void describesThePlanWithOneBasedBatchIndexes() {
    BatchPlanner.Work work = new BatchPlanner(2, 500_000_000L, false).plan(uploads(3, 7, "png"));
    Plan plan = BatchPlanner.describe(work, 5, 4, 1, 0);
    assertThat(plan.batches()).extracting(Plan.PlannedBatch::index).containsExactly(1, 2);
    assertThat(plan.batches().get(0).paths()).containsExactly("f000.png", "f001.png");
    assertThat(plan.batches().get(1).bytes()).isEqualTo(7);
    assertThat(plan.bytesToUpload()).isEqualTo(21);
    assertThat(plan.cachedContents()).isEqualTo(1);
  }
}
