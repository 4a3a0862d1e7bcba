package io.github.resemblegate.gate.internal.shard;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.RunInfo;
import io.github.resemblegate.gate.Shard;
import io.github.resemblegate.gate.internal.scan.ScannedFile;
import java.util.List;

/**
 * The run's step between the scan and hashing: keeps the files of the configured shard and
 * remembers what the whole scan held, for the report and for a shard left with nothing to check.
 */
public final class ShardFilter {

  /**
   * A shard's files.
   *
   * @param files this shard's part of the scan, in scan order
   * @param sharding what the report says of the shard (null: not sharded)
   * @param checkableElsewhere another shard holds a file that can be checked (not skipped)
   */
  public record Kept(List<ScannedFile> files, RunInfo.Sharding sharding,
      boolean checkableElsewhere) {}

  private ShardFilter() {}

  /** Keeps {@code shard}'s part of {@code scanned} (all of it when {@code shard} is null). */
  public static Kept apply(Shard shard, List<ScannedFile> scanned, GateListener listener) {
    if (shard == null) {
      return new Kept(scanned, null, false);
    }
    List<ScannedFile> mine = ShardAssignment.select(scanned, ScannedFile::size, shard);
    long bytes = mine.stream().mapToLong(ScannedFile::size).sum();
    boolean elsewhere = scanned.size() > mine.size()
        && scanned.stream().filter(ScannedFile::isCandidate).count()
            > mine.stream().filter(ScannedFile::isCandidate).count();
    listener.info(shard.total() == 1 ? "Shard 1/1 checks all " + scanned.size() + " matched"
        + " files." : "Shard " + shard.id() + " checks " + mine.size() + " of the "
        + scanned.size() + " matched files (" + bytes + " bytes), split by file size; the other"
        + " shards check the rest.");
    return new Kept(mine, new RunInfo.Sharding(shard, scanned.size()), elsewhere);
  }
}
