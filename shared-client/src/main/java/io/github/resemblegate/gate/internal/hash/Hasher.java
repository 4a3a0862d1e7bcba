package io.github.resemblegate.gate.internal.hash;

import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The hash stage: gives each scanned file its content in the ledger, in scan order, and hands
 * each content on the first time it is seen, so the next stages work while later files are still
 * being read. The {@link HashIndex} remembers each file's SHA-256 by path, size and modification
 * time, so a re-run over unchanged files reads no file contents; it is read and rewritten in one
 * pass alongside the sorted scan, so memory stays bounded however large the tree. Just before a
 * file is read, the filters' per-file checks may set it aside.
 *
 * <p>A file modified within {@link #RACY_MICROS} of the index being written is not remembered:
 * a second change in the same clock tick would keep size and time and go unnoticed (Git calls
 * this the racy-clean problem). Such files are simply hashed again next time.
 */
public final class Hasher {

  public static final long RACY_MICROS = TimeUnit.SECONDS.toMicros(2);

  /** What hashing did, for the log. */
  public record Stats(int hashed, long bytesHashed, int reused) {}

  private final Path indexFile;
  private final Path base;
  private final Clock clock;
  private final List<ScanFilter> checks;
  private final Consumer<String> warn;
  private Stats stats = new Stats(0, 0, 0);

  /** {@code indexFile} null: no index, every file is hashed. */
  public Hasher(Path indexFile, Path baseDirectory, Clock clock, List<ScanFilter> checks,
      Consumer<String> warn) {
    this.indexFile = indexFile;
    this.base = baseDirectory;
    this.clock = clock;
    this.checks = List.copyOf(checks);
    this.warn = warn;
  }

  /** {@code <cache>/index/<hash of the base directory>.idx}. */
  public static Path locate(Path cacheDirectory, Path baseDirectory) {
    return HashIndex.locate(cacheDirectory, baseDirectory);
  }

  /**
   * How many of the sorted {@code candidates} the index at {@code indexFile} remembers no SHA-256
   * for (new or changed files), or remembers one that {@code answered} does not accept: what is
   * known without reading a file. Counted while the index is read, so no hash is held.
   */
  public static long unanswered(Path indexFile, List<ScannedFile> candidates,
      Predicate<String> answered, Consumer<String> warn) {
    long n = 0;
    try (HashIndex.Reader old = HashIndex.Reader.open(indexFile, warn)) {
      for (ScannedFile f : candidates) {
        String sha = old.lookup(f);
        if (sha == null || !answered.test(sha)) {
          n++;
        }
      }
    }
    return n;
  }

  public Stats stats() {
    return stats;
  }

  /**
   * Hashes every candidate of the sorted scan (reusing remembered hashes) into {@code ledger}, in
   * the same order, hands each new content to {@code next}, and writes the new index. A file the
   * scan skipped, a check set aside, or that cannot be read now, goes into the ledger as skipped,
   * with the reason. Each entry of {@code scanned} is set to null once it is in the ledger, so a
   * million-file scan is let go as it is hashed rather than held beside the ledger to the end.
   */
  public void hash(List<ScannedFile> scanned, Ledger ledger, Consumer<Content> next) {
    byte[] buffer = new byte[64 * 1024];
    int hashed = 0;
    int reused = 0;
    long bytes = 0;
    long racyFrom = TimeUnit.MILLISECONDS.toMicros(clock.millis()) - RACY_MICROS;
    try (HashIndex.Reader old = HashIndex.Reader.open(indexFile, warn);
        HashIndex.Writer fresh = HashIndex.Writer.open(indexFile, warn)) {
      for (int i = 0; i < scanned.size(); i++) {
        ScannedFile f = scanned.get(i);
        // The index remembers only files that passed the checks, by path, size and time: an
        // unchanged file's bytes are the ones that passed, so they are not read again (an
        // unchanged tree of media costs no content check, only the scan).
        String sha = f.isCandidate() ? old.lookup(f) : null;
        String skip = !f.isCandidate() ? f.skipReason() : sha == null ? checked(f) : null;
        if (skip != null) {
          ledger.skip(f.path(), f.size(), skip);
          scanned.set(i, null);
          continue;
        }
        if (sha != null) {
          reused++;
        } else {
          try {
            sha = Sha256.ofFile(f.file(base), buffer);
            hashed++;
            bytes += f.size();
          } catch (IOException e) {
            ledger.skip(f.path(), f.size(), "could not be read (" + e + ")");
            scanned.set(i, null);
            continue;
          }
        }
        if (f.modifiedMicros() < racyFrom) {
          fresh.write(f, sha);
        }
        Content first = ledger.add(f.path(), f.size(), f.modifiedMicros(), sha, f.bytes());
        scanned.set(i, null);
        if (first != null) {
          next.accept(first);
        }
      }
      fresh.commit();
    } finally {
      stats = new Stats(hashed, bytes, reused);
    }
  }

  /** Why a check sets the file aside, or null. */
  private String checked(ScannedFile f) {
    for (ScanFilter check : checks) {
      String why = check.skipReason(f.file(base), f);
      if (why != null) {
        return why;
      }
    }
    return null;
  }
}
