package io.github.resemblegate.gate.internal.store;

import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Remembers each file's SHA-256 by path, size and modification time, so a re-run over unchanged
 * files reads no file contents. One index per base directory, kept under the cache directory as a
 * text file sorted by path; it is read and rewritten in one pass alongside the sorted scan, so
 * memory stays bounded however large the tree. The new index replaces the old one atomically;
 * when two runs over the same folder race, the last one wins and both indexes are valid.
 *
 * <p>A file modified within {@link #RACY_MICROS} of the index being written is not remembered:
 * a second change in the same clock tick would keep size and time and go unnoticed (Git calls
 * this the racy-clean problem). Such files are simply hashed again next time.
 */
public final class HashIndex {

  public static final long RACY_MICROS = TimeUnit.SECONDS.toMicros(2);

  /** What hashing did, for the log. */
  public record Stats(int hashed, long bytesHashed, int reused) {}

  private final Path indexFile;
  private final Clock clock;
  private final Consumer<String> warn;
  private Stats stats = new Stats(0, 0, 0);

  /** {@code indexFile} null: no index, every file is hashed. */
  public HashIndex(Path indexFile, Clock clock, Consumer<String> warn) {
    this.indexFile = indexFile;
    this.clock = clock;
    this.warn = warn;
  }

  /** {@code <cache>/index/<hash of the base directory>.idx}. */
  public static Path locate(Path cacheDirectory, Path baseDirectory) {
    String key = Sha256.ofText(baseDirectory.toAbsolutePath().normalize().toString());
    return cacheDirectory.resolve("index").resolve(key.substring(0, 32) + ".idx");
  }

  public Stats stats() {
    return stats;
  }

  /**
   * Hashes every candidate of the sorted scan (reusing remembered hashes) into {@code ledger}, in
   * the same order, and writes the new index. A file the scan skipped, or that cannot be read
   * now, goes into the ledger as skipped, with the reason.
   */
  public void hash(List<ScannedFile> scanned, Path baseDirectory, Ledger ledger) {
    byte[] buffer = new byte[64 * 1024];
    int hashed = 0;
    int reused = 0;
    long bytes = 0;
    long racyFrom = TimeUnit.MILLISECONDS.toMicros(clock.millis()) - RACY_MICROS;
    try (HashIndexFile.Reader old = HashIndexFile.Reader.open(indexFile, warn);
        HashIndexFile.Writer fresh = HashIndexFile.Writer.open(indexFile, warn)) {
      for (ScannedFile f : scanned) {
        if (!f.isCandidate()) {
          ledger.skip(f.path(), f.size(), f.skipReason());
          continue;
        }
        String sha = old.lookup(f);
        if (sha != null) {
          reused++;
        } else {
          try {
            sha = Sha256.ofFile(baseDirectory.resolve(f.path()), buffer);
            hashed++;
            bytes += f.size();
          } catch (IOException e) {
            ledger.skip(f.path(), f.size(), "could not be read (" + e + ")");
            continue;
          }
        }
        ledger.add(f.path(), f.size(), f.modifiedMicros(), sha);
        if (f.modifiedMicros() < racyFrom) {
          fresh.write(f, sha);
        }
      }
      fresh.commit();
    }
    stats = new Stats(hashed, bytes, reused);
  }
}
