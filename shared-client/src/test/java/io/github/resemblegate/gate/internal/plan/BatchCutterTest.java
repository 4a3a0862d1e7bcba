package io.github.resemblegate.gate.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCutterTest {

  private static Content content(String sha256, String path, long size) {
    return new Content(sha256, size, List.of(path), 0);
  }

  private static List<Content> uploads(int n, long size, String ext) {
    List<Content> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(content(String.format("%064d", i), String.format("f%03d.%s", i, ext), size));
    }
    return list;
  }

  private static List<Planned> cut(int maxFiles, long maxBytes, boolean zeroRetention,
      List<Content> contents) {
    return BatchCutter.cutAll(new BatchCutter.Rules(maxFiles, maxBytes, zeroRetention), contents);
  }

  private static List<Integer> batchSizes(List<Planned> planned) {
    return Plans.batches(planned).stream().map(b -> b.contents().size()).toList();
  }

  @Test
  void splits120FilesIntoThreeBatchesOfAtMost50() {
    List<Planned> planned = cut(50, 500_000_000L, false, uploads(120, 10, "wav"));
    assertThat(batchSizes(planned)).containsExactly(50, 50, 20);
    assertThat(Plans.singles(planned)).isEmpty();
    assertThat(Plans.files(planned)).isEqualTo(120);
    assertThat(Plans.bytes(planned)).isEqualTo(1200);
  }

  @Test
  void handsABatchOutAsSoonAsItIsFull() {
    BatchCutter cutter = new BatchCutter(new BatchCutter.Rules(2, 500_000_000L, false));
    List<Content> three = uploads(3, 10, "wav");
    assertThat(cutter.add(three.get(0))).isEmpty();
    assertThat(cutter.add(three.get(1))).singleElement()
        .satisfies(p -> assertThat(p.contents()).containsExactly(three.get(0), three.get(1)));
    assertThat(cutter.add(three.get(2))).isEmpty();
    assertThat(cutter.flush()).singleElement()
        .satisfies(p -> assertThat(p.contents()).containsExactly(three.get(2)));
    assertThat(cutter.flush()).isEmpty();
  }

  @Test
  void startsANewBatchBeforeTheByteLimitWouldBeExceeded() {
    List<Planned> planned = cut(50, 250_000_000L, false, uploads(5, 100_000_000L, "mp4"));
    assertThat(batchSizes(planned)).containsExactly(2, 2, 1);
  }

  @Test
  void aFileOver150MbWithinTheByteLimitStaysInABatch() {
    List<Planned> planned = cut(50, 500_000_000L, false, uploads(1, 300_000_000L, "mov"));
    assertThat(Plans.batches(planned)).hasSize(1);
    assertThat(Plans.singles(planned)).isEmpty();
  }

  @Test
  void aFileLargerThanABatchGoesAloneThroughASecureUpload() {
    List<Content> list = new ArrayList<>(uploads(2, 10, "wav"));
    list.add(content("b".repeat(64), "big.mp4", 600_000_000L));
    List<Planned> planned = cut(50, 500_000_000L, false, list);
    assertThat(Plans.batches(planned)).hasSize(1);
    assertThat(Plans.singles(planned)).singleElement().satisfies(s -> {
      assertThat(s.content().path()).isEqualTo("big.mp4");
      assertThat(s.secure()).isTrue();
      assertThat(s.why()).startsWith("larger than a batch allows");
    });
  }

  @Test
  void zeroRetentionSendsEveryFileOnItsOwn() {
    List<Planned> planned = cut(50, 500_000_000L, true, uploads(3, 10, "wav"));
    assertThat(Plans.batches(planned)).isEmpty();
    assertThat(Plans.singles(planned)).hasSize(3).allSatisfy(s -> {
      assertThat(s.secure()).isFalse();
      assertThat(s.why()).startsWith("zero-retention");
    });
  }

  @Test
  void extensionsTheBatchEndpointRefusesGoOnTheirOwn() {
    List<Planned> planned = cut(50, 500_000_000L, false, uploads(1, 10, "amr"));
    assertThat(Plans.singles(planned)).singleElement()
        .satisfies(s -> assertThat(s.why()).contains(".amr"));
  }

  @Test
  void describesThePlanWithOneBasedBatchIndexesAndTheLedgersCounts() {
    Ledger ledger = new Ledger();
    List<Content> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(ledger.add(String.format("f%03d.png", i), 7, 0, String.format("%064d", i)));
    }
    ledger.add("copy.png", 7, 0, String.format("%064d", 0));
    ledger.skip("empty.png", 0, "empty file");
    List<Planned> planned = cut(2, 500_000_000L, false, three);
    Plan plan = Plans.describe(planned, ledger);
    assertThat(plan.batches()).extracting(Plan.PlannedBatch::index).containsExactly(1, 2);
    assertThat(plan.batches().get(0).paths()).containsExactly("f000.png", "f001.png");
    assertThat(plan.batches().get(1).bytes()).isEqualTo(7);
    assertThat(plan.bytesToUpload()).isEqualTo(21);
    assertThat(plan.matchedFiles()).isEqualTo(5);
    assertThat(plan.uniqueContents()).isEqualTo(3);
    assertThat(plan.skippedFiles()).isEqualTo(1);
  }
}
