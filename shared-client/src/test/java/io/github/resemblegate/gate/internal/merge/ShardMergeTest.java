package io.github.resemblegate.gate.internal.merge;

import static io.github.resemblegate.gate.internal.merge.ShardReports.configuration;
import static io.github.resemblegate.gate.internal.merge.ShardReports.scored;
import static io.github.resemblegate.gate.internal.merge.ShardReports.shard;
import static io.github.resemblegate.gate.internal.merge.ShardReports.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging shards: one verdict over every file, or one sentence saying why the set is not a run. */
class ShardMergeTest {

  private final GateResult one = shard(1, 3, 4, List.of(scored("a.wav", 0.1),
      scored("b.wav", 0.97)));
  private final GateResult two = shard(2, 3, 4, List.of(scored("c.wav", 0.2)));
  private final GateResult three = shard(3, 3, 4, List.of(scored("d.wav", 0.3)));

  @Test
  void joinsEveryShardIntoTheVerdictOfOneRun() {
    GateResult merged = ShardMerge.merge(List.of(three, one, two));

    assertThat(merged.files()).extracting(FileResult::path)
        .containsExactly("a.wav", "b.wav", "c.wav", "d.wav");
    assertThat(merged.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(merged.decision().failureKind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(merged.decision().sentence()).isEqualTo("1 of 4 files is likely synthetic: b.wav"
        + " scored 0.97, at or above the threshold 0.50.");
    assertThat(merged.totals().files()).isEqualTo(4);
    assertThat(merged.totals().count(Outcome.PASSED)).isEqualTo(3);
    assertThat(merged.totals().uploaded()).isEqualTo(4);
    assertThat(merged.run().batchIds()).containsExactly("batch-1", "batch-2", "batch-3");
    assertThat(merged.run().startedAt()).isEqualTo(one.run().startedAt());
    assertThat(merged.run().finishedAt()).isEqualTo(three.run().finishedAt());
    assertThat(merged.run().sharding()).isNull();
    assertThat(merged.run().configuration()).containsEntry("shards", "3");
  }

  @Test
  void passesAsOneRunWouldWhenNoShardFoundAnything() {
    GateResult passing = shard(1, 3, 4, List.of(scored("a.wav", 0.1), scored("b.wav", 0.2)));

    GateResult merged = ShardMerge.merge(List.of(passing, two, three));

    assertThat(merged.decision().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(merged.decision().sentence()).isEqualTo("4 files checked: 4 likely genuine;"
        + " threshold 0.50.");
  }

  @Test
  void refusesASetWithAShardMissing() {
    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, two)))
        .isInstanceOf(GateException.class)
        .hasMessage("Shard 3 of 3 is missing; merge needs the report of every shard.");
    assertThatThrownBy(() -> ShardMerge.merge(List.of(two)))
        .hasMessage("Shards 1, 3 of 3 are missing; merge needs the report of every shard.");
  }

  @Test
  void refusesAShardGivenTwice() {
    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, two, two, three)))
        .hasMessage("Shard 2/3 is given twice; give each shard's report once.");
  }

  @Test
  void refusesTheSameFileInTwoShards() {
    GateResult overlapping = shard(2, 3, 4, List.of(scored("b.wav", 0.97)));

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, overlapping, three)))
        .hasMessage("b.wav is in shard 1/3 and in shard 2/3; merge the shards of one run only.");
  }

  @Test
  void refusesShardsThatRanWithDifferentSettings() {
    GateResult stricter = shard(2, 3, 4, List.of(scored("c.wav", 0.2)), configuration("0.3"));

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, stricter, three)))
        .hasMessage("Shard 2/3 ran with threshold 0.3 but shard 1/3 with 0.5; run every shard"
            + " with the same settings.");
  }

  @Test
  void refusesShardsThatRanWithDifferentByteOrMinuteBudgets(@TempDir Path dir) {
    GateResult first = shard(1, 2, 2, List.of(scored("a.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).maxBytes(1_000_000).maxMediaMinutes(60).build()));
    GateResult second = shard(2, 2, 2, List.of(scored("b.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).maxBytes(1_000_000).maxMediaMinutes(90).build()));
    GateResult thirdBytes = shard(2, 2, 2, List.of(scored("b.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).maxBytes(2_000_000).maxMediaMinutes(60).build()));

    assertThatThrownBy(() -> ShardMerge.merge(List.of(first, second)))
        .hasMessage("Shard 2/2 ran with maxMediaMinutes 90 but shard 1/2 with 60; run every"
            + " shard with the same settings.");
    assertThatThrownBy(() -> ShardMerge.merge(List.of(first, thirdBytes)))
        .hasMessage("Shard 2/2 ran with maxBytes 2000000 but shard 1/2 with 1000000; run every"
            + " shard with the same settings.");
  }

  @Test
  void mergesAShardWrittenBeforeTheByteAndMinuteBudgetsExisted(@TempDir Path dir) {
    Map<String, String> now = RunConfiguration.of(GateConfig.builder().baseDirectory(dir).build());
    Map<String, String> before = new LinkedHashMap<>(now);
    before.remove("maxBytes");
    before.remove("maxMediaMinutes");
    before.remove("archives");
    now.put("archives", "false");
    GateResult older = shard(1, 2, 2, List.of(scored("a.wav", 0.1)), before);
    GateResult newer = shard(2, 2, 2, List.of(scored("b.wav", 0.1)), now);

    assertThat(ShardMerge.merge(List.of(older, newer)).files()).hasSize(2);
    GateResult limited = shard(2, 2, 2, List.of(scored("b.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).archives(false).maxBytes(1_000_000).build()));
    assertThatThrownBy(() -> ShardMerge.merge(List.of(older, limited)))
        .hasMessage("Shard 2/2 ran with maxBytes 1000000 but shard 1/2 with 0; run every"
            + " shard with the same settings.");
    // That release listed zip archives unopened: a shard that opened them judged other files.
    GateResult opening = shard(2, 2, 2, List.of(scored("b.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).build()));
    assertThatThrownBy(() -> ShardMerge.merge(List.of(older, opening)))
        .hasMessage("Shard 2/2 ran with archives true but shard 1/2 with false; run every"
            + " shard with the same settings.");
  }

  @Test
  void refusesShardsOneOfWhichDidNotOpenArchives(@TempDir Path dir) {
    GateResult first = shard(1, 2, 2, List.of(scored("a.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).build()));
    GateResult closed = shard(2, 2, 2, List.of(scored("b.wav", 0.1)), RunConfiguration.of(
        GateConfig.builder().baseDirectory(dir).archives(false).build()));

    assertThatThrownBy(() -> ShardMerge.merge(List.of(first, closed)))
        .hasMessage("Shard 2/2 ran with archives false but shard 1/2 with true; run every shard"
            + " with the same settings.");
  }

  @Test
  void refusesShardsOfDifferentSplits() {
    GateResult ofFour = shard(2, 4, 4, List.of(scored("c.wav", 0.2)));

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, ofFour)))
        .hasMessage("Shard 2/4 and shard 1/3 split the files differently; merge the shards of"
            + " one run, all with the same n in i/n.");
  }

  @Test
  void refusesShardsThatScannedDifferentTrees() {
    GateResult moreFiles = shard(2, 3, 5, List.of(scored("c.wav", 0.2)));

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, moreFiles, three)))
        .hasMessage("Shard 2/3 matched 5 files but shard 1/3 matched 4; the shards scanned"
            + " different trees, so run them all on the same commit.");
  }

  @Test
  void refusesAShardThatLostFiles() {
    GateResult lost = shard(2, 3, 4, List.of());

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, lost, three)))
        .hasMessage("The shards hold 3 files but matched 4; a shard's report is not from this"
            + " run, so run every shard again.");
  }

  @Test
  void refusesAReportThatIsNoShard() {
    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, whole(List.of(scored("c.wav", 0.2))))))
        .hasMessage("A report of a run that is no shard cannot be merged (its base is"
            + " /workspace); give the reports of a run made with shard i/n.");
  }

  @Test
  void refusesNothing() {
    assertThatThrownBy(() -> ShardMerge.merge(List.of()))
        .hasMessage("There are no shard reports to merge; give the resemble-report.json of every"
            + " shard, or the folder that holds them.");
  }

  /** A shard that stopped early, as its front end wrote it and merge reads it back. */
  private static GateResult incomplete(Path dir, String why) throws IOException {
    Reports.writeIncomplete(dir, Set.of(ReportFormat.JSON), why, List.of("c.wav"));
    return JsonReportReader.read(dir.resolve(ReportFormat.JSON.fileName()));
  }

  @Test
  void refusesAShardThatDidNotCompleteNamingItByTheIndexTheOthersLeaveOpen(@TempDir Path dir)
      throws IOException {
    GateResult stopped = incomplete(dir, "No Resemble API token was provided.");

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, stopped, three)))
        .isInstanceOf(GateException.class)
        .hasMessage("Shard 2/3 did not complete: no Resemble API token was provided; run that"
            + " shard again, then merge.");
  }

  @Test
  void refusesShardsThatDidNotCompleteWhenWhichOnesIsUnknown(@TempDir Path dir)
      throws IOException {
    GateResult stopped = incomplete(dir.resolve("a"), "The API could not be reached.");
    GateResult alsoStopped = incomplete(dir.resolve("b"), "The job was cancelled.");

    assertThatThrownBy(() -> ShardMerge.merge(List.of(one, stopped, alsoStopped, three)))
        .hasMessage("2 shard reports are from runs that did not complete, the first: the API"
            + " could not be reached; run those shards again, then merge.");
    assertThatThrownBy(() -> ShardMerge.merge(List.of(stopped)))
        .hasMessage("A shard report is from a run that did not complete: the API could not be"
            + " reached; run that shard again, then merge.");
  }
}
