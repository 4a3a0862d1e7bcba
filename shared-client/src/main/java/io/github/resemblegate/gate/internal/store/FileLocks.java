package io.github.resemblegate.gate.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Exclusive locks on a lock file, across threads and across JVMs. The operating system's file lock
 * ({@link FileChannel#lock()}) is held per JVM, not per thread — a second thread of the same JVM
 * would get {@code OverlappingFileLockException} — so threads first queue on an in-process permit
 * for the same file. That map is static state, and it must be: it stands for the JVM, exactly as
 * the operating-system lock does ({@code share.Claims} keeps the only other such table). A permit,
 * unlike a thread's lock, may be given back by another thread: a run opens its journal on the
 * thread that sends and closes it on its own.
 */
public final class FileLocks {

  private static final ConcurrentMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private FileLocks() {}

  /** A held lock; close it to release. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits for the lock on {@code lockFile} (created if missing). */
  public static Held acquire(Path lockFile) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
    local.acquireUninterruptibly();
    return osLock(key, local, true);
  }

  /** The lock if it is free right now, else null (another thread or process holds it). */
  public static Held tryAcquire(Path lockFile) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
    // Taken already, by this thread or another: a run is not re-entrant.
    if (!local.tryAcquire()) {
      return null;
    }
    return osLock(key, local, false);
  }

  /**
   * With {@code local} held, takes the operating system's lock on {@code key}, waiting for it or
   * not; null when it is taken elsewhere and {@code wait} is false. {@code local} is released
   * with the lock, or at once when the lock is not had.
   */
  private static Held osLock(Path key, Semaphore local, boolean wait) throws IOException {
    try {
      Files.createDirectories(key.getParent());
      FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = wait ? channel.lock() : channel.tryLock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        local.release();
        return null;
      }
      return () -> {
        try {
          lock.release();
          channel.close();
        } catch (IOException ignored) {
          // closing the channel releases the lock in any case
        } finally {
          local.release();
        }
      };
    } catch (IOException | RuntimeException e) {
      local.release();
      throw e;
    }
  }
}
