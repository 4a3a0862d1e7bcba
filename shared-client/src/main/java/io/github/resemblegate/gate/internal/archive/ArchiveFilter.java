package io.github.resemblegate.gate.internal.archive;

import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Opens each matched zip archive before anything is hashed. With an {@link Unpacker}, the
 * archive's line gives way to its entries: each media entry unpacked and checked like any file,
 * as {@code bundle.zip!/vo/intro.wav}; each entry the guards refuse SKIPPED with why. Without one
 * (a team turned {@code archives} off) only the list of entries is read: an archive holding media
 * is listed SKIPPED with how many, so they never pass unseen. Either way an archive holding no
 * media is left out, like any file that is not media, and one that cannot be opened is SKIPPED
 * with why. This is the one filter that reads bytes in {@code select}: the entries must exist
 * before the other filters and the hash stage can see them.
 */
public final class ArchiveFilter implements ScanFilter {

  private final Path base;
  private final ArchiveLimits limits;
  private final Unpacker unpacker;

  /**
   * Archives are found under {@code base}, opened within {@code limits}, their entries unpacked
   * by {@code unpacker} (null: archives are not opened, only listed).
   */
  public ArchiveFilter(Path base, ArchiveLimits limits, Unpacker unpacker) {
    this.base = base;
    this.limits = limits;
    this.unpacker = unpacker;
  }

  @Override
  public List<ScannedFile> select(List<ScannedFile> scanned) {
    List<ScannedFile> kept = new ArrayList<>(scanned.size());
    boolean opened = false;
    for (ScannedFile f : scanned) {
      if (!ScannedFile.UNOPENED_ARCHIVE.equals(f.skipReason())) {
        kept.add(f);
      } else if (unpacker != null) {
        opened = true;
        try {
          kept.addAll(unpacker.entries(base.resolve(f.path()), f));
        } catch (ArchiveRefusedException e) {
          kept.add(ScannedFile.skipped(f.path(), f.size(), couldNot(e)));
        }
      } else {
        String reason = reason(f);
        if (reason != null) {
          kept.add(ScannedFile.skipped(f.path(), f.size(), reason));
        }
      }
    }
    if (opened) {
      // bundle.zip!/a.wav sorts after a file named "bundle.zip a.wav": keep the scan's order.
      kept.sort(Comparator.comparing(ScannedFile::path));
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
          + ", which the gate does not open because archives is false; set archives to true to"
          + " check them, or exclude the archive";
    } catch (ArchiveRefusedException e) {
      return couldNot(e);
    }
  }

  private static String couldNot(ArchiveRefusedException e) {
    return "a zip archive the gate could not look into: " + e.getMessage();
  }
}
