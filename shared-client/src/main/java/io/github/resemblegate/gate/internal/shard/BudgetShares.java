package io.github.resemblegate.gate.internal.shard;

/**
 * Splits one {@code maxFiles} budget among the shards of a run, in proportion to the files each
 * may check. The shards share one budget, as they share one token's request rate: together they
 * never upload more than one run would. Every shard computes the same split from the same scan.
 * A run whose files all fit the budget fits it in every shard (a share is never below the
 * shard's file count then), and the shares add up to the budget exactly: whole shares first,
 * the rest one each by the largest remainder, the lower shard first on a tie.
 */
final class BudgetShares {

  private BudgetShares() {}

  /** Each shard's share of {@code budget}, by {@code files[i]}, the files shard i + 1 may check. */
  static int[] of(int budget, int[] files) {
    long all = 0;
    for (int f : files) {
      all += f;
    }
    int[] shares = new int[files.length];
    if (all == 0) {
      return shares;
    }
    long given = 0;
    long[] remainders = new long[files.length];
    for (int i = 0; i < files.length; i++) {
      long exact = (long) budget * files[i];
      shares[i] = (int) (exact / all);
      remainders[i] = exact % all;
      given += shares[i];
    }
    for (long left = budget - given; left > 0; left--) {
      int largest = 0;
      for (int i = 1; i < files.length; i++) {
        if (remainders[i] > remainders[largest]) {
          largest = i;
        }
      }
      shares[largest]++;
      remainders[largest] = -1;
    }
    return shares;
  }
}
