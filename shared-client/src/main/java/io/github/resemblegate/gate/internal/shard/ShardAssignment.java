package io.github.resemblegate.gate.internal.shard;

import io.github.resemblegate.gate.GateConfig.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Splits a run's matched files into shards by file size alone. Equal content has equal size, so
 * it lands in one shard and is still submitted, and billed, once; and sizes come from the scan,
 * so no byte is read. Files of one size form a group; groups go, largest in bytes first, to the
 * shard holding the fewest bytes so far (then the fewest files, then the lowest index). The split
 * depends only on the sizes the scan found: every agent that scans the same tree, and a retried
 * shard, gets the same files. No shard holds more than an even share plus the largest group.
 */
public final class ShardAssignment {

  private final int total;
  private final Map<Long, Integer> shardBySize;

  private ShardAssignment(int total, Map<Long, Integer> shardBySize) {
    this.total = total;
    this.shardBySize = shardBySize;
  }

  /** The split of files of these sizes into {@code total} shards. */
  public static ShardAssignment of(List<Long> sizes, int total) {
    if (total < 1) {
      throw new IllegalArgumentException("total must be at least 1, not " + total);
    }
    Map<Long, Integer> counts = new HashMap<>();
    sizes.forEach(size -> counts.merge(size, 1, Integer::sum));
    List<Group> groups = new ArrayList<>();
    counts.forEach((size, count) -> groups.add(new Group(size, count)));
    groups.sort(Comparator.comparingLong(Group::bytes).reversed()
        .thenComparing(Comparator.comparingInt(Group::count).reversed())
        .thenComparing(Comparator.comparingLong(Group::size).reversed()));
    long[] bytes = new long[total];
    long[] files = new long[total];
    Map<Long, Integer> shardBySize = new HashMap<>();
    for (Group g : groups) {
      int lightest = 0;
      for (int i = 1; i < total; i++) {
        if (bytes[i] < bytes[lightest] || bytes[i] == bytes[lightest] && files[i] < files[lightest]) {
          lightest = i;
        }
      }
      bytes[lightest] = saturatedAdd(bytes[lightest], g.bytes());
      files[lightest] += g.count();
      shardBySize.put(g.size(), lightest + 1);
    }
    return new ShardAssignment(total, shardBySize);
  }

  /** The files of {@code shard} among {@code files}, in their given order. */
  public static <T> List<T> select(List<T> files, ToLongFunction<T> size, Shard shard) {
    ShardAssignment split = of(files.stream().map(size::applyAsLong).toList(), shard.total());
    return files.stream().filter(f -> split.shardOf(size.applyAsLong(f)) == shard.index())
        .toList();
  }

  /** The shard (1-based) that files of this size belong to. */
  public int shardOf(long size) {
    Integer shard = shardBySize.get(size);
    if (shard == null) {
      throw new IllegalArgumentException("No file of " + size + " bytes was split.");
    }
    return shard;
  }

  public int total() {
    return total;
  }

  /** The files of one size. */
  private record Group(long size, int count) {
    long bytes() {
      return size > Long.MAX_VALUE / Math.max(1, count) ? Long.MAX_VALUE : size * count;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
