package io.github.resemblegate.gate.internal.share;

import io.github.resemblegate.gate.internal.store.ResultKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * A run's claims on contents, so that runs sharing a cache directory — threads of one JVM
 * ({@code mvn -T}, Jenkins executors) and other processes on the machine — never work on the same
 * content (SHA-256 and {@link ResultKey}) at the same time.
 *
 * <p>A claim is an exclusive lock on one byte of one of {@link #SHARDS} lock files,
 * {@code <cache>/claims/<key id>-<shard>.lock}, at an offset taken from the content's hash (60
 * bits, so two contents share an offset practically never, and if they did one run would merely
 * wait for the other); the offset's low bits choose the file. Both the JVM and the kernel check a
 * new lock against every lock already held on the same file, so one file for all of a large run's
 * claims would make claiming quadratic (ten thousand contents took a second); spread over the
 * shards, each file holds a small share. The operating system drops the locks when their process
 * ends, so a killed build never leaves a claim behind, and the files themselves never need
 * deleting, which would let two runs lock two different files of the same name. One open handle
 * per lock file and JVM serves any number of claims, and is closed once it holds none. Because the
 * operating system's lock belongs to the whole JVM, not to a thread — a second lock on the same
 * byte from the same JVM throws {@code OverlappingFileLockException}, and closing any handle of
 * the file may drop all of the JVM's locks on it — a JVM-wide table decides between the runs of
 * one JVM and owns the handles. That table is static on purpose: it stands for the JVM, as the
 * lock does. A run whose thread has ended without letting go (it always lets go in a
 * {@code finally}) loses its claims to the next run that asks.
 *
 * <p>When a lock file cannot be used (a read-only or lock-less file system), claims are off for
 * the run, with one warning: every claim succeeds and the run works alone, as if no other build
 * shared the cache.
 */
public final class Claims implements AutoCloseable {

  /** Lock files per result key: a power of two, so the offset's low bits choose one. */
  static final int SHARDS = 64;

  private static final ConcurrentMap<Path, LockFile> FILES = new ConcurrentHashMap<>();

  private final LockFile file;
  private final Consumer<String> warn;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private volatile boolean off;

  public Claims(Path cacheDirectory, ResultKey key, Consumer<String> warn) {
    this.file = FILES.computeIfAbsent(lockFile(cacheDirectory, key), LockFile::new);
    this.warn = warn;
  }

  /**
   * The lock files' common name, by their folder's real path: two handles of one JVM on the same
   * file, reached by two names, could drop each other's locks when one of them closes.
   */
  private static Path lockFile(Path cacheDirectory, ResultKey key) {
    Path dir = cacheDirectory.resolve("claims").toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      dir = dir.toRealPath();
    } catch (IOException e) {
      // The first claim fails on it again and turns claims off with a warning.
    }
    return dir.resolve(key.id() + ".lock");
  }

  /**
   * Claims a content for this run. True when the run now holds it (or claims are off), false
   * while another run holds it.
   */
  public boolean claim(String sha256) {
    if (off) {
      return true;
    }
    try {
      if (file.lock(slot(sha256), this)) {
        held.add(sha256);
        return true;
      }
      return false;
    } catch (IOException | RuntimeException e) {
      off = true;
      warn.accept("Cannot coordinate with other builds through " + file.shard(slot(sha256))
          + " (" + e
          + "); content shared with a build running at the same time may be uploaded by both.");
      return true;
    }
  }

  /** Whether this run holds the claim (false when claims are off). */
  public boolean holds(String sha256) {
    return held.contains(sha256);
  }

  /** Lets go of a content; waiting runs may take it now. Does nothing unless this run holds it. */
  public void release(String sha256) {
    release(List.of(sha256));
  }

  /** Lets go of several contents at once: a waiting run of this JVM sees them all go together. */
  public void release(Collection<String> sha256s) {
    List<Long> slots = new ArrayList<>();
    for (String sha : sha256s) {
      if (held.remove(sha)) {
        slots.add(slot(sha));
      }
    }
    if (!slots.isEmpty()) {
      file.unlock(slots, this);
    }
  }

  /** A number that changes whenever a run of this JVM lets go of a claim in this cache. */
  long version() {
    return file.version();
  }

  /**
   * Waits up to {@code millis} for a run of this JVM to let go of a claim, unless one did since
   * {@code seen} was read. Other processes' claims are only noticed by asking again.
   */
  void awaitChange(long seen, long millis) throws InterruptedException {
    file.await(seen, millis);
  }

  @Override
  public void close() {
    release(List.copyOf(held));
  }

  static long slot(String sha256) {
    return Long.parseLong(sha256.substring(0, 15), 16);
  }

  private record Holder(Claims owner, Thread thread, FileLock lock) {}

  /** The lock files of one result key in this JVM: their handles and who holds which byte. */
  private static final class LockFile {
    final Path path;
    private final FileChannel[] channels = new FileChannel[SHARDS];
    private final int[] held = new int[SHARDS];
    private final Map<Long, Holder> holders = new HashMap<>();
    private long version;

    LockFile(Path path) {
      this.path = path;
    }

    /** The file that holds {@code slot}'s byte. */
    Path shard(long slot) {
      String name = path.getFileName().toString();
      String stem = name.endsWith(".lock") ? name.substring(0, name.length() - 5) : name;
      return path.resolveSibling(String.format(java.util.Locale.ROOT, "%s-%02x.lock", stem,
          shardOf(slot)));
    }

    private static int shardOf(long slot) {
      return (int) (slot & (SHARDS - 1));
    }

    synchronized boolean lock(long slot, Claims owner) throws IOException {
      // An interrupted thread would have the channel closed under every claim of the JVM.
      boolean interrupted = Thread.interrupted();
      try {
        Holder h = holders.get(slot);
        if (h != null) {
          if (h.owner() == owner) {
            return true;
          }
          if (h.thread().isAlive()) {
            return false;
          }
          drop(slot, h);
        }
        int shard = shardOf(slot);
        if (channels[shard] == null) {
          Path file = shard(slot);
          Files.createDirectories(file.getParent());
          channels[shard] = FileChannel.open(file, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
        }
        FileLock lock;
        try {
          lock = channels[shard].tryLock(slot, 1, false);
        } catch (OverlappingFileLockException e) {
          // Held by this JVM outside the table: cannot happen, and then it is not ours either.
          lock = null;
        } catch (IOException | RuntimeException e) {
          closeIfIdle(shard);
          throw e;
        }
        if (lock == null) {
          closeIfIdle(shard);
          return false;
        }
        holders.put(slot, new Holder(owner, Thread.currentThread(), lock));
        held[shard]++;
        return true;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    synchronized void unlock(List<Long> slots, Claims owner) {
      boolean interrupted = Thread.interrupted();
      try {
        for (long slot : slots) {
          Holder h = holders.get(slot);
          if (h != null && h.owner() == owner) {
            drop(slot, h);
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    synchronized long version() {
      return version;
    }

    synchronized void await(long seen, long millis) throws InterruptedException {
      if (version == seen && millis > 0) {
        wait(millis);
      }
    }

    private void drop(long slot, Holder h) {
      holders.remove(slot);
      try {
        h.lock().release();
      } catch (IOException ignored) {
        // the handle is gone, and the lock with it
      }
      int shard = shardOf(slot);
      held[shard]--;
      version++;
      notifyAll();
      closeIfIdle(shard);
    }

    private void closeIfIdle(int shard) {
      if (held[shard] == 0 && channels[shard] != null) {
        try {
          channels[shard].close();
        } catch (IOException ignored) {
          // nothing is locked through it any more
        }
        channels[shard] = null;
      }
    }
  }
}
