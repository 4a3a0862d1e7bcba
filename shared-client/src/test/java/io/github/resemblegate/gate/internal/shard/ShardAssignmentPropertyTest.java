package io.github.resemblegate.gate.internal.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig.Shard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shard assignment over random trees, one tree and one shard count per seed: every file in
 * exactly one shard, equal content (equal size) in one shard, the same split whatever order the
 * scan lists files in, and bytes balanced within the largest group of one size. A fixed list of
 * seeds runs every time; one more seed comes from the clock, and a failure names its seed so it
 * can be run again.
 */
class ShardAssignmentPropertyTest {

  /** A matched file: its path and size; copies of one content share a {@code contentId}. */
  record File(String path, long size, int contentId) {}

  /** A random tree and how many shards to split it into. */
  record Case(long seed, List<File> tree, int total) {
    @Override
    public String toString() {
      return "seed " + seed + ": " + tree.size() + " files into " + total + " shards";
    }
  }

  static Stream<Case> cases() {
    return LongStream.concat(LongStream.range(0, 300), LongStream.of(System.nanoTime()))
        .mapToObj(ShardAssignmentPropertyTest::randomCase);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyFileBelongsToExactlyOneShard(Case c) {
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 1; i <= c.total(); i++) {
      for (File f : ShardAssignment.select(c.tree(), File::size, new Shard(i, c.total()))) {
        Integer before = owner.put(f.path(), i);
        assertThat(before).as(c + ": " + f.path() + " in shard " + before + " and " + i)
            .isNull();
      }
    }
    assertThat(owner.keySet()).as(c.toString())
        .containsExactlyInAnyOrderElementsOf(paths(c.tree()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void copiesOfOneContentStayInOneShard(Case c) {
    ShardAssignment split = ShardAssignment.of(c.tree().stream().map(File::size).toList(),
        c.total());
    Map<Integer, Set<Integer>> shardsByContent = new HashMap<>();
    for (File f : c.tree()) {
      shardsByContent.computeIfAbsent(f.contentId(), x -> new HashSet<>())
          .add(split.shardOf(f.size()));
    }
    shardsByContent.forEach((content, shards) ->
        assertThat(shards).as(c + ": the shards of content " + content).hasSize(1));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theSplitDoesNotDependOnTheOrderFilesAreListedIn(Case c) {
    List<File> shuffled = new ArrayList<>(c.tree());
    Collections.shuffle(shuffled, new Random(c.seed() * 31 + 7));
    for (int i = 1; i <= c.total(); i++) {
      Shard shard = new Shard(i, c.total());
      assertThat(paths(ShardAssignment.select(shuffled, File::size, shard))).as(c.toString())
          .containsExactlyInAnyOrderElementsOf(paths(ShardAssignment.select(c.tree(),
              File::size, shard)));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void noShardHoldsMoreThanAnEvenShareAndTheLargestGroupOfOneSize(Case c) {
    long all = c.tree().stream().mapToLong(File::size).sum();
    Map<Long, Long> groupBytes = new HashMap<>();
    c.tree().forEach(f -> groupBytes.merge(f.size(), f.size(), Long::sum));
    long largestGroup = groupBytes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    for (int i = 1; i <= c.total(); i++) {
      long bytes = ShardAssignment.select(c.tree(), File::size, new Shard(i, c.total()))
          .stream().mapToLong(File::size).sum();
      assertThat(bytes).as(c + ": shard " + i)
          .isLessThanOrEqualTo(all / c.total() + largestGroup);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void oneShardHoldsEveryFileInOrder(Case c) {
    assertThat(ShardAssignment.select(c.tree(), File::size, new Shard(1, 1))).as(c.toString())
        .isEqualTo(c.tree());
  }

  /**
   * Up to 120 distinct contents, each copied to one to three paths, with sizes from a narrow range
   * (so that different contents often share a size, which the split must allow) or a wide one;
   * split into one to nine shards.
   */
  private static Case randomCase(long seed) {
    Random r = new Random(seed);
    boolean narrow = r.nextBoolean();
    int contents = r.nextInt(121);
    List<File> files = new ArrayList<>();
    for (int c = 0; c < contents; c++) {
      long size = narrow ? r.nextInt(41) : (long) (r.nextDouble() * 5_000_000_000L);
      int copies = 1 + r.nextInt(3);
      for (int k = 0; k < copies; k++) {
        files.add(new File("dir" + (c % 7) + "/content-" + c + "-copy-" + k + ".wav", size, c));
      }
    }
    return new Case(seed, files, 1 + r.nextInt(9));
  }

  private static List<String> paths(List<File> files) {
    return files.stream().map(File::path).toList();
  }
}
