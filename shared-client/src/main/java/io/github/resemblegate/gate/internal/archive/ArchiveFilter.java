package io.github.resemblegate.gate.internal.archive;

import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks into each matched zip archive before anything is hashed, reading only its list of
 * entries: one that holds no media is left out, like any file that is not media; one that holds
 * media is listed SKIPPED with how many, because the gate does not check archive entries yet and
 * must not let them pass unseen; one it cannot or may not open is listed SKIPPED with why.
 */
public final class ArchiveFilter implements ScanFilter {

  private final Path base;
  private final ArchiveLimits limits;

  /** Archives are found under {@code base}, opened within {@code limits}. */
  public ArchiveFilter(Path base, ArchiveLimits limits) {
    this.base = base;
    this.limits = limits;
  }

  @Override
  public List<ScannedFile> select(List<ScannedFile> scanned) {
    List<ScannedFile> kept = new ArrayList<>(scanned.size());
    for (ScannedFile f : scanned) {
      if (!ScannedFile.UNOPENED_ARCHIVE.equals(f.skipReason())) {
        kept.add(f);
        continue;
      }
      String reason = reason(f);
      if (reason != null) {
        kept.add(ScannedFile.skipped(f.path(), f.size(), reason));
      }
    }
    return kept;
  }

  /** Why the archive is listed, or null when it holds nothing to check. */
  private String reason(ScannedFile f) {
    try (ZipArchive zip = ZipArchive.open(base.resolve(f.path()), f.path(), limits)) {
      ZipArchive.Listing listing = zip.list();
      int media = listing.media().size();
      if (media == 0) {
        return listing.refused().isEmpty() ? null : "a zip archive with an entry the gate"
            + " will not read, " + listing.refused().get(0).reason();
      }
      return "a zip archive holding " + media + (media == 1 ? " media file" : " media files")
          + ", which the gate does not check inside archives; unpack them where the scan finds"
          + " them, or exclude the archive";
    } catch (ArchiveRefusedException e) {
      return "a zip archive the gate could not look into: " + e.getMessage();
    }
  }
}
