package io.github.resemblegate.gate.internal.archive;

import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One archive's list of its unpacked entries, {@code <folder>/archives/<key>.txt}: a stamp line
 * (the list's version, the archive's size and modification time), then {@code <sha256>\t<entry
 * name>} for each entry unpacked. It is valid while the stamp matches, so an unchanged archive is
 * not unpacked again; a list is named by the archive's absolute path.
 */
final class ArchiveList {

  /** Where the lists are kept, below the folder of unpacked entries. */
  static final String FOLDER = "archives";
  private static final String VERSION = "1";
  /** An archive changed this recently could change again within its clock tick: not listed. */
  private static final long RACY_MICROS = TimeUnit.SECONDS.toMicros(2);

  private final Path file;
  private final String stamp;

  private ArchiveList(Path file, String stamp) {
    this.file = file;
    this.stamp = stamp;
  }

  /** The list of {@code zipFile} in the folder of unpacked entries {@code folder}. */
  static ArchiveList of(Path folder, Path zipFile) throws ArchiveRefusedException {
    String key = Sha256.ofText(zipFile.toAbsolutePath().normalize().toString()).substring(0, 32);
    try {
      return new ArchiveList(folder.resolve(FOLDER).resolve(key + ".txt"),
          VERSION + " " + Files.size(zipFile) + " " + micros(zipFile));
    } catch (IOException e) {
      throw new ArchiveRefusedException("not opened: it can no longer be read ("
          + e.getMessage() + ")", e);
    }
  }

  /** Entry name to SHA-256, as listed when the archive had this stamp; empty otherwise. */
  Map<String, String> read(Consumer<String> warn) {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return !lines.isEmpty() && lines.get(0).equals(stamp) ? entries(lines)
          : new LinkedHashMap<>();
    } catch (IOException e) {
      warn.accept("Could not read " + file + ", so its archive is unpacked again: " + e);
      return new LinkedHashMap<>();
    }
  }

  /**
   * Entry name to SHA-256 from a list's lines: the first is its stamp, each other
   * {@code <sha256>\t<entry name>}.
   */
  static Map<String, String> entries(List<String> lines) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      int tab = line.indexOf('\t');
      if (tab == 64) {
        entries.put(line.substring(tab + 1), line.substring(0, tab));
      }
    }
    return entries;
  }

  /** Keeps {@code entries}, unless the archive changed too recently to be trusted. */
  void write(Map<String, String> entries, Consumer<String> warn) {
    long modified = Long.parseLong(stamp.substring(stamp.lastIndexOf(' ') + 1));
    if (modified > TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()) - RACY_MICROS) {
      return;
    }
    StringBuilder text = new StringBuilder(stamp).append('\n');
    entries.forEach((name, sha) -> text.append(sha).append('\t').append(name).append('\n'));
    try {
      AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      warn.accept("Could not write " + file + "; the archive is unpacked again next time: " + e);
    }
  }

  /** Marks the list as used: the cleanup forgets only lists unused for a month. */
  void touch(Consumer<String> debug) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      debug.accept("Could not mark " + file + " as used: " + e);
    }
  }

  static long micros(Path file) throws IOException {
    return Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS);
  }
}
