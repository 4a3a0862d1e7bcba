package io.github.resemblegate.gate.internal.shard;

import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.util.List;

/**
 * The shard stage of a run, between the scan and hashing: keeps the files of the configured shard
 * ({@link ShardAssignment}, by size, reading no byte) and remembers what the whole scan held, for
 * the report and for a shard left with nothing to check. Without a shard it keeps every file.
 */
public final class ShardFilter implements ScanFilter {

  private final Shard shard;
  private final GateListener listener;
  private RunInfo.Sharding sharding;
  private boolean checkableElsewhere;

  /** {@code shard} null: every file. */
  public ShardFilter(Shard shard, GateListener listener) {
    this.shard = shard;
    this.listener = listener;
  }

  @Override
  public List<ScannedFile> select(List<ScannedFile> scanned) {
    if (shard == null) {
      return scanned;
    }
    List<ScannedFile> mine = ShardAssignment.select(scanned, ScannedFile::size, shard);
    long bytes = mine.stream().mapToLong(ScannedFile::size).sum();
    checkableElsewhere = scanned.stream().filter(ScannedFile::isCandidate).count()
        > mine.stream().filter(ScannedFile::isCandidate).count();
    sharding = new RunInfo.Sharding(shard, scanned.size());
    listener.info(shard.total() == 1 ? "Shard 1/1 checks all " + scanned.size() + " matched"
        + " files." : "Shard " + shard.id() + " checks " + mine.size() + " of the "
        + scanned.size() + " matched files (" + bytes + " bytes), split by file size; the other"
        + " shards check the rest.");
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
}
