package io.github.resemblegate.gate.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * A filter stage of a run: between the scan and hashing, it narrows the files the run checks.
 * A run applies its filters in order, each plugged in with one line where the run lists them
 * ({@code GateRun}); a filter implements one or both steps:
 * <ul>
 *   <li>{@link #select} sees the whole scan once, before any file is read, and returns the files
 *       this run covers, in their order: a file it leaves out is not this run's (another shard's)
 *       and appears in none of its reports; a file it returns as
 *       {@link ScannedFile#skipped SKIPPED} is reported with that reason;</li>
 *   <li>{@link #skipReason} sees each remaining candidate just before it is hashed, on the
 *       hashing thread, so reading a file's first bytes overlaps the uploads of earlier files:
 *       null keeps it, a reason sets it aside as SKIPPED.</li>
 * </ul>
 * Neither step may bill anything or talk to the API; both must be deterministic for the same
 * files, so a retried run covers the same files.
 */
public interface ScanFilter {

  /**
   * The scan has found its first candidate and goes on: a filter whose checks need something
   * slow to load may start loading it now, on a thread of its own, without reading any file.
   * The default does nothing.
   */
  default void candidateFound() {}

  /** The files this run covers, from the sorted scan; the default keeps them all. */
  default List<ScannedFile> select(List<ScannedFile> scanned) {
    return scanned;
  }

  /**
   * Null to go on with {@code file} (absolute; {@code scanned} is how the scan found it), else
   * the reason it is reported SKIPPED, such as what its bytes look like instead of the media its
   * name claims. The default keeps every file.
   */
  default String skipReason(Path file, ScannedFile scanned) {
    return null;
  }
}
