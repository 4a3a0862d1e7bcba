package io.github.resemblegate.gate.internal.archive;

import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.AtomicFiles;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Unpacks the media entries of zip archives into one folder, each streamed once through the
 * archive's guards, hashed while it is copied, and kept as {@code <folder>/<sha256>/<its file
 * name>}: named by content, so the upload carries the entry's own file name and equal bytes are
 * stored once; written under a temporary name and moved into place, so parallel builds sharing
 * the folder never see half a file. Beside the result cache the folder outlives {@code clean}:
 * for each archive a list of its entries' SHA-256 is kept, valid while the archive's size and
 * modification time are unchanged, so an unchanged archive is not unpacked again; what no archive
 * needs any more is deleted when the run ends ({@link UnpackedCleanup}). Without a cache
 * the folder is a temporary one in the reports folder, deleted by {@link #close}.
 */
public final class Unpacker implements AutoCloseable {

  private final Path folder;
  private final Path workArea;
  private final ArchiveLimits limits;
  private final Consumer<String> warn;
  private Consumer<String> debug = line -> { };
  private Path temporary;

  private Unpacker(Path folder, Path workArea, ArchiveLimits limits, Consumer<String> warn) {
    this.folder = folder;
    this.workArea = workArea;
    this.limits = limits;
    this.warn = warn;
  }

  /**
   * A run's: into {@code <cacheDirectory>/unpacked}, kept for later runs, or without a cache
   * (null) into a temporary folder in {@code workArea}; within {@link ArchiveLimits#DEFAULT}.
   */
  public static Unpacker of(Path cacheDirectory, Path workArea, Consumer<String> warn,
      Consumer<String> debug) {
    Unpacker u = cacheDirectory != null ? inCache(cacheDirectory, ArchiveLimits.DEFAULT, warn)
        : temporary(workArea, ArchiveLimits.DEFAULT, warn);
    u.debug = debug;
    return u;
  }

  /** Unpacks into {@code <cacheDirectory>/unpacked}, kept for later runs. */
  public static Unpacker inCache(Path cacheDirectory, ArchiveLimits limits,
      Consumer<String> warn) {
    return new Unpacker(cacheDirectory.resolve("unpacked"), null, limits, warn);
  }

  /** Unpacks into a temporary folder made in {@code workArea} when first needed. */
  public static Unpacker temporary(Path workArea, ArchiveLimits limits, Consumer<String> warn) {
    return new Unpacker(null, workArea, limits, warn);
  }

  /**
   * What the archive {@code zipFile} (shown as {@code shownAs}) holds, from its directory alone:
   * nothing is unpacked, so a shard can choose its entries first.
   *
   * @throws ArchiveRefusedException when the archive cannot be opened at all
   */
  public ZipArchive.Listing list(Path zipFile, String shownAs) throws ArchiveRefusedException {
    try (ZipArchive zip = ZipArchive.open(zipFile, shownAs, limits)) {
      return zip.list();
    }
  }

  /**
   * Unpacks (or finds unpacked) {@code entries} of the archive {@code zipFile}, as listed by
   * {@link #list}: each a file to check, or SKIPPED with why, in their order. The archive's list
   * keeps the entries other runs unpacked from the same archive (another shard's, say).
   *
   * @throws ArchiveRefusedException when the archive cannot be opened at all
   */
  public List<ScannedFile> unpack(Path zipFile, String shownAs, List<ArchiveEntry> entries)
      throws ArchiveRefusedException {
    List<ScannedFile> out = new ArrayList<>();
    if (entries.isEmpty()) {
      return out;
    }
    try (ZipArchive zip = ZipArchive.open(zipFile, shownAs, limits)) {
      Path dir = folder();
      ArchiveList list = ArchiveList.of(dir, zipFile);
      Map<String, String> known = list.read(warn);
      Map<String, String> now = new LinkedHashMap<>(known);
      int unpacked = 0;
      for (ArchiveEntry e : entries) {
        Path file = reuse(dir, known.get(e.name()), e);
        try {
          if (file == null) {
            file = unpack(dir, zip, e);
            unpacked++;
          }
          now.put(e.name(), file.getParent().getFileName().toString());
          out.add(ScannedFile.unpacked(e.path(), Files.size(file), ArchiveList.micros(file),
              file));
        } catch (IOException x) {
          out.add(ScannedFile.skipped(e.path(), Math.max(e.size(), 0), x
              instanceof ArchiveRefusedException ? x.getMessage()
              : "could not be unpacked (" + x.getMessage() + ")"));
        }
      }
      if (!now.equals(known)) {
        list.write(now, warn);
      } else {
        list.touch(debug); // still in use
      }
      debug.accept("Unpacked " + unpacked + " of the " + entries.size() + " media entries of "
          + shownAs + " this run checks into " + dir + "; the others were unpacked before.");
      return out;
    }
  }

  /**
   * Deletes the temporary folder, if one was made; in the cache, deletes what no archive has
   * needed for long ({@link UnpackedCleanup}).
   */
  @Override
  public void close() {
    if (folder != null) {
      int deleted = UnpackedCleanup.clean(folder, ArchiveList.FOLDER, Instant.now(), warn);
      if (deleted > 0) {
        debug.accept("Deleted " + deleted + " unpacked archive entries no archive has needed"
            + " for a day or more from " + folder + ".");
      }
    }
    if (temporary == null) {
      return;
    }
    try {
      UnpackedCleanup.delete(temporary);
    } catch (IOException | UncheckedIOException e) {
      warn.accept("Could not delete the unpacked archive entries in " + temporary + ": " + e);
    }
    temporary = null;
  }

  private Path folder() throws ArchiveRefusedException {
    if (folder != null) {
      return folder;
    }
    if (temporary == null) {
      try {
        Files.createDirectories(workArea);
        temporary = Files.createTempDirectory(workArea, "unpacked-");
      } catch (IOException e) {
        throw new ArchiveRefusedException("not opened: there is no folder to unpack it into ("
            + e.getMessage() + ")", e);
      }
    }
    return temporary;
  }

  /** The entry's file when it was unpacked before with these bytes, else null. */
  private static Path reuse(Path dir, String sha256, ArchiveEntry e) {
    if (sha256 == null) {
      return null;
    }
    Path file = dir.resolve(sha256).resolve(fileName(e.name()));
    try {
      return Files.size(file) == e.size() ? file : null;
    } catch (IOException missing) {
      return null;
    }
  }

  /** Streams the entry through the guards into place, hashing while copying. */
  private static Path unpack(Path dir, ZipArchive zip, ArchiveEntry e) throws IOException {
    Files.createDirectories(dir);
    Path part = Files.createTempFile(dir, "entry-", ".part");
    try {
      String sha;
      try (InputStream in = zip.read(e); OutputStream out = Files.newOutputStream(part)) {
        sha = Sha256.copying(in, out, new byte[64 * 1024]);
      }
      Path target = dir.resolve(sha).resolve(fileName(e.name()));
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        AtomicFiles.moveIntoPlace(part, target);
      }
      return target;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static String fileName(String entryName) {
    return entryName.substring(entryName.replace('\\', '/').lastIndexOf('/') + 1);
  }
}
