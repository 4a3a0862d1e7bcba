package io.github.resemblegate.gate.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final Ledger ledger = new Ledger();
  private final List<List<Planned>> handed = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private Content content(int i) {
    return ledger.add(String.format("f%03d.wav", i), 10, 0, String.format("%064d", i));
  }

  private static final long MB = 1_000_000L;

  private Content megabyte(int i) {
    return ledger.add(String.format("m%03d.wav", i), MB, 0, String.format("%064d", 1000 + i));
  }

  private Planner planner(int maxFiles, Set<String> resumed) {
    return new Planner(new BatchCutter.Rules(2, 500_000_000L, false), maxFiles, ledger, resumed,
        warnings::add);
  }

  private Planner.Outlet outlet() {
    return new Planner.Outlet(group -> group, handed::add);
  }

  private List<Integer> sizes() {
    List<Integer> sizes = new ArrayList<>();
    handed.forEach(list -> list.forEach(p -> sizes.add(p.contents().size())));
    return sizes;
  }

  @Test
  void holdsWhatItIsGivenUntilTheRunDecidesToSend() {
    Planner p = planner(0, Set.of());
    for (int i = 0; i < 3; i++) {
      p.accept(content(i));
    }
    assertThat(handed).isEmpty();
    assertThat(Plans.files(p.draft())).isEqualTo(3);

    p.send(outlet());
    assertThat(sizes()).containsExactly(2);
    p.flush();
    assertThat(sizes()).containsExactly(2, 1);
    assertThat(p.describe().batches()).hasSize(2);
  }

  @Test
  void onceSendingABatchGoesTheMomentItIsFull() {
    Planner p = planner(0, Set.of());
    p.send(outlet());
    p.accept(content(0));
    assertThat(handed).isEmpty();
    p.accept(content(1));
    assertThat(sizes()).containsExactly(2);
  }

  @Test
  void contentsHeldBeforeSendingAndGivenAfterFillABatchAsSoonAsTheyCan() {
    Planner p = planner(0, Set.of());
    p.accept(content(0));
    p.send(outlet());
    assertThat(handed).isEmpty();
    p.accept(content(1));
    assertThat(sizes()).containsExactly(2);
  }

  @Test
  void aScanThatFitsOneBatchHoldsItsFirstRequestUntilThePlanIsComplete() {
    Planner p = planner(0, Set.of());
    p.expect(2);
    p.send(outlet());
    p.accept(content(0));
    p.accept(content(1));
    assertThat(handed).isEmpty();
    assertThat(p.describe().batches()).singleElement()
        .satisfies(b -> assertThat(b.paths()).containsExactly("f000.wav", "f001.wav"));

    p.flush();
    assertThat(sizes()).containsExactly(2);
  }

  @Test
  void aScanOfSeveralBatchesSendsASmallFirstBatchWhileItHashesThenFullOnes() {
    Planner p = new Planner(new BatchCutter.Rules(10, 500_000_000L, false), 0, ledger, Set.of(),
        warnings::add);
    p.expect(25);
    p.send(outlet());
    int first = (int) (Planner.FIRST_BATCH_BYTES / MB);
    for (int i = 0; i < first - 1; i++) {
      p.accept(megabyte(i));
    }
    assertThat(handed).isEmpty();
    p.accept(megabyte(first - 1));
    assertThat(sizes()).containsExactly(first);

    for (int i = first; i < 25; i++) {
      p.accept(megabyte(i));
    }
    p.flush();
    assertThat(sizes()).containsExactly(first, 10, 10, 25 - first - 20);
  }

  @Test
  void whileTheFirstBatchOfALargeScanFillsEachContentIsClaimedTheMomentItComes() {
    Planner p = new Planner(new BatchCutter.Rules(10, 500_000_000L, false), 0, ledger, Set.of(),
        warnings::add);
    List<Integer> claimed = new ArrayList<>();
    p.expect(25);
    p.send(new Planner.Outlet(group -> {
      claimed.add(group.size());
      return group;
    }, handed::add));

    p.accept(megabyte(0));
    p.accept(megabyte(1));

    // The run learns at the first content that it sends something (its access check can start).
    assertThat(claimed).containsExactly(1, 1);
    assertThat(handed).isEmpty();
  }

  @Test
  void aFirstBatchHeldWholeWhenSendingStartsGoesAtOnce() {
    Planner p = new Planner(new BatchCutter.Rules(10, 500_000_000L, false), 0, ledger, Set.of(),
        warnings::add);
    p.expect(25);
    int first = (int) (Planner.FIRST_BATCH_BYTES / MB);
    for (int i = 0; i < first; i++) {
      p.accept(megabyte(i));
    }

    p.send(outlet());

    assertThat(sizes()).containsExactly(first);
  }

  @Test
  void aBatchOfSmallFilesGoesWholeEvenFirst() {
    Planner p = new Planner(new BatchCutter.Rules(10, 500_000_000L, false), 0, ledger, Set.of(),
        warnings::add);
    p.expect(25);
    p.send(outlet());
    for (int i = 0; i < 9; i++) {
      p.accept(content(i));
    }
    assertThat(handed).isEmpty();
    p.accept(content(9));
    assertThat(sizes()).containsExactly(10);
  }

  @Test
  void aPlanMadeWholeBeforeSendingIsCutIntoFullBatches() {
    Planner p = new Planner(new BatchCutter.Rules(10, 500_000_000L, false), 0, ledger, Set.of(),
        warnings::add);
    p.expect(25);
    for (int i = 0; i < 25; i++) {
      p.accept(megabyte(i));
    }
    p.send(outlet());
    p.flush();
    assertThat(sizes()).containsExactly(10, 10, 5);
  }

  @Test
  void aContentAnEarlierSubmissionCoversIsHeldAsideUntilItIsFoundNeverCreated() {
    Content resumed = content(7);
    Planner p = planner(0, Set.of(resumed.sha256()));
    p.send(outlet());
    p.accept(resumed);
    p.flush();
    assertThat(handed).isEmpty();

    p.release(List.of(resumed.sha256()));
    p.flush();
    assertThat(handed).singleElement()
        .satisfies(list -> assertThat(list.get(0).contents()).containsExactly(resumed));
  }

  @Test
  void neverSendsMoreThanTheBudgetAndSaysSoOnce() {
    Planner p = planner(3, Set.of());
    p.send(outlet());
    for (int i = 0; i < 6; i++) {
      p.accept(content(i));
    }
    p.flush();

    assertThat(sizes()).containsExactly(2);
    assertThat(warnings).containsExactly("Stopped submitting at maxFiles 3; the files not sent"
        + " are reported SKIPPED.");
    assertThat(ledger.contents(f -> f instanceof Fate.Skipped)).hasSize(4)
        .allSatisfy(c -> assertThat(((Fate.Skipped) ledger.fate(c.sha256())).reason())
            .isEqualTo("not submitted: the run reached its budget maxFiles 3; raise maxFiles"
                + " (0 = no limit) or narrow the includes"));
  }
}
