package io.github.resemblegate.gate.internal.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One maxFiles budget split among the shards of a run. */
class BudgetSharesTest {

  @Test
  void sharesFollowTheFilesEachShardMayCheck() {
    assertThat(BudgetShares.of(1000, new int[] {250, 250, 250, 250}))
        .containsExactly(250, 250, 250, 250);
    assertThat(BudgetShares.of(100, new int[] {10, 30, 60})).containsExactly(10, 30, 60);
    assertThat(BudgetShares.of(10, new int[] {1, 1, 1})).containsExactly(4, 3, 3);
  }

  @Test
  void aBudgetSmallerThanTheShardsLeavesSomeShardNothing() {
    assertThat(BudgetShares.of(2, new int[] {5, 5, 5, 5})).containsExactly(1, 1, 0, 0);
    assertThat(BudgetShares.of(5, new int[] {0, 0})).containsExactly(0, 0);
  }

  /**
   * For many random splits: the shares add up to the budget, so the shards together never upload
   * more than one run may; and a run whose files all fit the budget fits it in every shard.
   */
  @Test
  void sharesAddUpToTheBudgetAndARunWithinItIsWithinEveryShare() {
    long clockSeed = System.nanoTime();
    for (long seed = 1; seed <= 500; seed++) {
      check(seed);
    }
    check(clockSeed);
  }

  private static void check(long seed) {
    Random random = new Random(seed);
    int[] files = new int[1 + random.nextInt(8)];
    for (int i = 0; i < files.length; i++) {
      files[i] = random.nextInt(random.nextBoolean() ? 5 : 2000);
    }
    int all = Arrays.stream(files).sum();
    int budget = 1 + random.nextInt(3000);
    int[] shares = BudgetShares.of(budget, files);
    String c = "seed " + seed + ": budget " + budget + ", files " + Arrays.toString(files)
        + ", shares " + Arrays.toString(shares);

    if (all > 0) {
      assertThat(Arrays.stream(shares).sum()).as(c).isEqualTo(budget);
    }
    if (all <= budget) {
      for (int i = 0; i < files.length; i++) {
        assertThat(shares[i]).as(c).isGreaterThanOrEqualTo(files[i]);
      }
    }
  }
}
