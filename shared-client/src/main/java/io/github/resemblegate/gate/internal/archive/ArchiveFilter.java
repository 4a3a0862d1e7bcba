package io.github.resemblegate.gate.internal.archive;

import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens each matched zip archive before anything is hashed. With an {@link Unpacker}, the
 * archive's line gives way to its entries, each checked like any file as
 * {@code bundle.zip!/vo/intro.wav}; each entry the guards refuse is SKIPPED with why. Without one
 * (a team turned {@code archives} off) an archive holding media is listed SKIPPED with how many,
 * so they never pass unseen. Either way an archive holding no media is left out, like any file
 * that is not media, and one that cannot be opened is SKIPPED with why.
 *
 * <p>Two stages, with the shard filter between them: this one reads only each archive's
 * directory and puts its media entries in its place with the sizes the directory declares;
 * {@link #unpacking} then unpacks the entries still in the run. So the shards of a run choose
 * among the same entries, each unpacks only its own, and none reads an archive's bytes for
 * another.
 */
public final class ArchiveFilter implements ScanFilter {

  private final Path base;
  private final ArchiveLimits limits;
  private final Unpacker unpacker;
  /** The entries this stage listed and the next unpacks, by the very line that stands for each. */
  private final Map<ScannedFile, Listed> listed = new IdentityHashMap<>();

  /** A media entry listed from its archive's directory, not unpacked yet. */
  private record Listed(Path zipFile, String shownAs, ArchiveEntry entry) {}

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
        kept.addAll(entries(f));
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

  /** The stage after the shard filter: unpacks the listed entries still in the run. */
  public ScanFilter unpacking() {
    return new Unpacking();
  }

  private final class Unpacking implements ScanFilter {
    @Override
    public List<ScannedFile> select(List<ScannedFile> files) {
      return unpack(files);
    }
  }

  /** The archive's refused entries SKIPPED, its media entries listed for {@link #unpacking}. */
  private List<ScannedFile> entries(ScannedFile archive) {
    Path zipFile = base.resolve(archive.path());
    List<ScannedFile> out = new ArrayList<>();
    try {
      ZipArchive.Listing listing = unpacker.list(zipFile, archive.path());
      listing.refused().forEach(r -> out.add(ScannedFile.skipped(r.path(), 0, r.reason())));
      for (ArchiveEntry e : listing.media()) {
        // The declared size: every shard sees the same directory, so chooses alike.
        ScannedFile line = ScannedFile.candidate(e.path(), Math.max(e.size(), 0), 0L);
        listed.put(line, new Listed(zipFile, archive.path(), e));
        out.add(line);
      }
    } catch (ArchiveRefusedException e) {
      out.add(ScannedFile.skipped(archive.path(), archive.size(), couldNot(e)));
    }
    return out;
  }

  /** {@code files} with each listed entry unpacked in its place; each archive opened once. */
  private List<ScannedFile> unpack(List<ScannedFile> files) {
    if (listed.isEmpty()) {
      return files; // no archive was opened: a tree of a million files is not walked again
    }
    Map<Path, List<ScannedFile>> byArchive = new LinkedHashMap<>();
    for (ScannedFile f : files) {
      Listed l = listed.get(f);
      if (l != null) {
        byArchive.computeIfAbsent(l.zipFile(), z -> new ArrayList<>()).add(f);
      }
    }
    if (byArchive.isEmpty()) {
      return files;
    }
    Map<ScannedFile, ScannedFile> unpacked = new IdentityHashMap<>();
    byArchive.forEach((zipFile, lines) -> {
      Listed first = listed.get(lines.get(0));
      List<ArchiveEntry> entries = lines.stream().map(f -> listed.get(f).entry()).toList();
      List<ScannedFile> out;
      try {
        out = unpacker.unpack(zipFile, first.shownAs(), entries);
      } catch (ArchiveRefusedException e) {
        out = lines.stream().map(f -> ScannedFile.skipped(f.path(), f.size(), couldNot(e)))
            .toList();
      }
      for (int i = 0; i < lines.size(); i++) {
        unpacked.put(lines.get(i), out.get(i));
      }
    });
    List<ScannedFile> result = new ArrayList<>(files.size());
    files.forEach(f -> result.add(unpacked.getOrDefault(f, f)));
    listed.clear();
    return result;
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
