package io.github.resemblegate.gate.internal.shard;

import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The shard stage of a run, between the scan and hashing: keeps the files of the configured shard
 * ({@link ShardAssignment}, by size, reading no byte) and remembers what the whole scan held, for
 * the report, for a shard left with nothing to check, and for the shard's share of the run's
 * {@code maxFiles} ({@link BudgetShares}). Without a shard it keeps every file.
 */
public final class ShardFilter implements ScanFilter {

  private final Shard shard;
  private final int maxFiles;
  private final GateListener listener;
  private RunInfo.Sharding sharding;
  private boolean checkableElsewhere;
  private int share;

  /** {@code shard} null: every file; {@code maxFiles} the run's budget (0: none). */
  public ShardFilter(Shard shard, int maxFiles, GateListener listener) {
    this.shard = shard;
    this.maxFiles = maxFiles;
    this.listener = listener;
    this.share = maxFiles;
  }

  @Override
  public List<ScannedFile> select(List<ScannedFile> scanned) {
    if (shard == null) {
      return scanned;
    }
    ShardAssignment split = ShardAssignment.of(scanned.stream().map(ScannedFile::size).toList(),
        shard.total());
    List<ScannedFile> mine = new ArrayList<>();
    int[] checkable = new int[shard.total()];
    for (ScannedFile f : scanned) {
      int owner = split.shardOf(f.size());
      if (f.isCandidate()) {
        checkable[owner - 1]++;
      }
      if (owner == shard.index()) {
        mine.add(f);
      }
    }
    long bytes = mine.stream().mapToLong(ScannedFile::size).sum();
    int own = checkable[shard.index() - 1];
    checkableElsewhere = java.util.Arrays.stream(checkable).sum() > own;
    sharding = new RunInfo.Sharding(shard, scanned.size());
    if (maxFiles > 0 && shard.total() > 1) {
      share = BudgetShares.of(maxFiles, checkable)[shard.index() - 1];
    }
    listener.info(shard.total() == 1 ? "Shard 1/1 checks all " + scanned.size() + " matched"
        + " files." : "Shard " + shard.id() + " checks " + mine.size() + " of the "
        + scanned.size() + " matched files (" + bytes + " bytes), split by file size; the other"
        + " shards check the rest" + (share != maxFiles ? "; its share of maxFiles " + maxFiles
            + " is " + share + "." : "."));
    return mine;
  }

  /** What the report says of the shard; null when the run is no shard. */
  public RunInfo.Sharding sharding() {
    return sharding;
  }

  /** Another shard holds a file that can be checked (not skipped). */
  public boolean checkableElsewhere() {
    return checkableElsewhere;
  }

  /**
   * How many files this run may upload: {@code maxFiles} (0: no limit), or for a shard of
   * several its share of it, which may be 0 when the budget is smaller than the shards.
   */
  public int budget() {
    return share;
  }

  /** Whether any budget applies; a shard's share of 0 then means nothing may be uploaded. */
  public boolean limited() {
    return maxFiles > 0;
  }

  /** The decision of a run that would upload {@code uploads} of its {@code files}, over budget. */
  public Decision overBudget(int uploads, int files) {
    return share != maxFiles
        ? DecisionRules.overShardBudget(shard.id(), uploads, files, share, maxFiles)
        : DecisionRules.overBudget(uploads, files, maxFiles);
  }
}
