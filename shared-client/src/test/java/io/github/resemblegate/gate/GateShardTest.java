package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.internal.archive.TestZips;
import io.github.resemblegate.gate.internal.probe.MediaProbeTest;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Shards of a run against the simulator: each file checked once, and merged as one run. */
class GateShardTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
  }

  /** Six files, five contents: a copy, and one the simulator flags (its name says fake). */
  private void tree() {
    fx.file("media/intro.wav", "intro take one");
    fx.file("media/copy/intro.wav", "intro take one");
    fx.file("media/outro.wav", "outro");
    fx.file("media/fake-ad.wav", "a synthetic advert read");
    fx.file("img/cover.png", "cover art, the final one");
    fx.file("video/teaser.mp4", "teaser cut");
  }

  /** Shard {@code i} of {@code n} with its own cache and reports, as on an agent of its own. */
  private GateResult shard(int i, int n) {
    return Gate.run(fx.config().shard(new Shard(i, n))
        .cacheDirectory(root.resolve("cache-" + i))
        .reportsDirectory(root.resolve("reports-" + i)).build(), null);
  }

  @Test
  void everyFileIsCheckedByExactlyOneShardAndEveryContentIsUploadedOnce() {
    tree();
    List<String> checked = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      shard(i, 3).files().forEach(f -> checked.add(f.path()));
    }

    assertThat(checked).containsExactlyInAnyOrder("media/intro.wav", "media/copy/intro.wav",
        "media/outro.wav", "media/fake-ad.wav", "img/cover.png", "video/teaser.mp4");
    assertThat(fx.counters().detectsCreated()).as("five contents, each billed once")
        .isEqualTo(5);
  }

  @Test
  void copiesOfOneContentAreCheckedInTheSameShard() {
    tree();
    for (int i = 1; i <= 3; i++) {
      List<String> paths = shard(i, 3).files().stream().map(FileResult::path).toList();
      assertThat(paths.contains("media/intro.wav")).as("shard " + i)
          .isEqualTo(paths.contains("media/copy/intro.wav"));
    }
  }

  @Test
  void theReportOfAShardSaysWhichShardAndWithWhatSettings() {
    tree();
    GateResult r = shard(2, 3);

    assertThat(r.run().sharding()).isEqualTo(new RunInfo.Sharding(new Shard(2, 3), 6));
    assertThat(r.run().configuration()).containsEntry("shards", "3")
        .containsEntry("threshold", "0.5").containsEntry("onFlagged", "FAIL")
        .containsKey("analysis").doesNotContainKey("cacheDirectory");
  }

  @Test
  void aShardWithNoFilePassesWithASentenceAndSendsNothing() {
    fx.file("media/only.wav", "the one file");

    GateResult empty = shard(2, 2);

    assertThat(empty.files()).isEmpty();
    assertThat(empty.decision().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(empty.decision().sentence()).isEqualTo("Shard 2/2 has none of the 1 matched"
        + " files; the other shards check the rest.");
    assertThat(fx.counters().totalRequests()).isZero();
  }

  @Test
  void mergedShardsFailWithTheSentenceOfOneRunOverEveryFile() {
    tree();
    List<GateResult> shards = List.of(shard(1, 3), shard(2, 3), shard(3, 3));
    GateResult one = Gate.run(fx.config().cacheDirectory(root.resolve("cache-one"))
        .reportsDirectory(root.resolve("reports-one")).build(), null);

    GateResult merged = Gate.merge(shards);

    assertThat(merged.decision()).isEqualTo(one.decision());
    assertThat(merged.decision().failureKind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(merged.decision().sentence()).isEqualTo("1 of 6 files is likely synthetic:"
        + " media/fake-ad.wav scored 0.97, at or above the threshold 0.50.");
    assertThat(merged.files()).extracting(FileResult::path)
        .containsExactlyElementsOf(one.files().stream().map(FileResult::path).toList());
    assertThat(merged.totals().byOutcome()).isEqualTo(one.totals().byOutcome());
    assertThat(merged.totals().uniqueContents()).isEqualTo(5);
    assertThat(merged.run().sharding()).isNull();
    assertThat(merged.run().batchIds()).hasSize(shards.stream()
        .mapToInt(s -> s.run().batchIds().size()).sum());
  }

  @Test
  void mergedDryRunShardsSayWhatTheWholeRunWouldSend() {
    tree();
    List<GateResult> shards = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      shards.add(Gate.run(fx.config().shard(new Shard(i, 3)).dryRun(true)
          .cacheDirectory(root.resolve("cache-" + i))
          .reportsDirectory(root.resolve("reports-" + i)).build(), null));
    }

    GateResult merged = Gate.merge(shards);

    // Five contents of 14 + 5 + 23 + 24 + 10 bytes, one batch in each of the three shards; text
    // stand-ins, so no header says how long any of the four audio and video files plays.
    assertThat(merged.decision().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(merged.decision().sentence()).isEqualTo("Would send 5 files, 76 B, the length of"
        + " 4 files unknown, in 3 batches and 0 single requests; this dry run sent and judged"
        + " nothing.");
    assertThat(fx.counters().totalRequests()).isZero();
  }

  /** Four files of four sizes: two shards of two files each (13 + 10 and 12 + 11 bytes). */
  private void fourFiles() {
    fx.file("a.wav", "0123456789");
    fx.file("b.wav", "0123456789a");
    fx.file("c.wav", "0123456789ab");
    fx.file("d.wav", "0123456789abc");
  }

  private GateResult shardWithBudget(int i, int n, int maxFiles) {
    return Gate.run(fx.config().shard(new Shard(i, n)).maxFiles(maxFiles)
        .cacheDirectory(root.resolve("cache-" + i))
        .reportsDirectory(root.resolve("reports-" + i)).build(), null);
  }

  @Test
  void theShardsOfARunShareOneMaxFilesBudgetSoTogetherTheyNeverUploadMore() {
    fourFiles();

    GateResult first = shardWithBudget(1, 2, 2);
    GateResult second = shardWithBudget(2, 2, 2);

    assertThat(fx.counters().detectsCreated()).as("a budget of 2 for the whole run").isZero();
    assertThat(first.decision().failureKind()).isEqualTo(FailureKind.BUDGET);
    assertThat(first.decision().sentence()).isEqualTo("Shard 1/2 would upload 2 of its 2 files,"
        + " more than its share 1 of maxFiles 2 allows, so nothing was sent; raise maxFiles,"
        + " 0 means no limit, or narrow the includes.");
    assertThat(second.decision().failureKind()).isEqualTo(FailureKind.BUDGET);
    assertThat(Gate.merge(List.of(first, second)).decision().failureKind())
        .isEqualTo(FailureKind.BUDGET);
  }

  @Test
  void aRunWithinMaxFilesIsWithinEveryShardsShareOfIt() {
    fourFiles();

    for (int i = 1; i <= 2; i++) {
      assertThat(shardWithBudget(i, 2, 4).decision().verdict()).as("shard " + i)
          .isEqualTo(Verdict.PASSED);
    }

    assertThat(fx.counters().detectsCreated()).isEqualTo(4);
  }

  @Test
  void eachShardUnpacksOnlyTheZipEntriesItChecks() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 1; i <= 4; i++) {
      entries.put("vo/take-" + i + ".wav", MediaProbeTest.wav(8000, 1000 * i));
    }
    TestZips.write(fx.base.resolve("dist/bundle.zip"), entries);

    List<String> checked = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      List<String> mine = Gate.run(fx.config().shard(new Shard(i, 2)).archives(true)
          .contentCheck(true).cacheDirectory(root.resolve("cache-" + i))
          .reportsDirectory(root.resolve("reports-" + i)).build(), null)
          .files().stream().map(FileResult::path).toList();
      assertThat(mine).as("shard " + i).hasSize(2);
      assertThat(unpackedNames(root.resolve("cache-" + i))).as("shard " + i + " unpacked")
          .containsExactlyInAnyOrderElementsOf(mine.stream()
              .map(p -> p.substring(p.lastIndexOf('/') + 1)).toList());
      checked.addAll(mine);
    }

    assertThat(checked).containsExactlyInAnyOrderElementsOf(entries.keySet().stream()
        .map(name -> "dist/bundle.zip!/" + name).toList());
    assertThat(fx.counters().detectsCreated()).isEqualTo(4);
  }

  @Test
  void shardsSharingACacheLeaveAListOfEveryEntrySoAWholeRunUnpacksNothingAgain()
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 1; i <= 4; i++) {
      entries.put("vo/take-" + i + ".wav", MediaProbeTest.wav(8000, 1000 * i));
    }
    Path zip = TestZips.write(fx.base.resolve("dist/bundle.zip"), entries);
    // Older than the racy window, so the archive's list of entries is kept.
    Files.setLastModifiedTime(zip, FileTime.from(Instant.now().minusSeconds(60)));
    for (int i = 1; i <= 2; i++) {
      Gate.run(fx.config().shard(new Shard(i, 2)).archives(true).contentCheck(true)
          .cacheDirectory(root.resolve("cache")).reportsDirectory(root.resolve("reports-" + i))
          .build(), null);
    }
    RecordingListener whole = new RecordingListener();

    Gate.run(fx.config().archives(true).contentCheck(true).cacheDirectory(root.resolve("cache"))
        .reportsDirectory(root.resolve("reports")).build(), whole);

    assertThat(whole.debugs).anyMatch(d -> d.startsWith("Unpacked 0 of the 4 media entries of"
        + " dist/bundle.zip"));
    assertThat(fx.counters().detectsCreated()).isEqualTo(4);
  }

  /** The file names under a cache's folder of unpacked entries. */
  private static List<String> unpackedNames(Path cache) throws IOException {
    Path folder = cache.resolve("unpacked");
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".wav"))
          .map(f -> f.getFileName().toString()).toList();
    }
  }
}
