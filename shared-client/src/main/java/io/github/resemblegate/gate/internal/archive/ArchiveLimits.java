package io.github.resemblegate.gate.internal.archive;

/**
 * Guards against zip bombs and damaged archives, checked on what the archive declares before
 * anything is read and again on the bytes actually inflated.
 *
 * @param maxEntries an archive with more entries is not opened at all
 * @param maxEntryBytes an entry larger than this is refused (the API takes at most 500 MB a batch)
 * @param maxTotalBytes media entries beyond this many bytes in all are refused
 * @param maxRatio an entry inflating more than this many times its compressed size is refused
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {

  /** Generous for real media (which barely compresses), tight for a bomb (which inflates 1000:1). */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(10_000, 500_000_000L,
      4_000_000_000L, 100);

  public ArchiveLimits {
    if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }
}
