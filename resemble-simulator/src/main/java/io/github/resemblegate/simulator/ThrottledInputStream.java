package io.github.resemblegate.simulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Reads no faster than a given number of bytes per second, measured from the first read: after
 * each read it sleeps until the bytes so far could have arrived at that rate. Reads are cut to a
 * tenth of a second's worth, so the pace is even rather than bursty.
 */
final class ThrottledInputStream extends FilterInputStream {
  /** Waits a number of nanoseconds; tests replace it so that nothing really waits. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final long bytesPerSecond;
  private final int slice;
  private final java.util.function.LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long started = -1;
  private long total;

  ThrottledInputStream(InputStream in, long bytesPerSecond) {
    this(in, bytesPerSecond, System::nanoTime,
        nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  ThrottledInputStream(InputStream in, long bytesPerSecond, java.util.function.LongSupplier nanoTime,
      Sleeper sleeper) {
    super(in);
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("A bandwidth is a positive number of bytes per second.");
    }
    this.bytesPerSecond = bytesPerSecond;
    this.slice = (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond / 10));
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      pace(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, Math.min(length, slice));
    if (n > 0) {
      pace(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, slice));
    if (skipped > 0) {
      pace(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void pace(long bytes) throws InterruptedIOException {
    long now = nanoTime.getAsLong();
    if (started < 0) {
      started = now;
    }
    total += bytes;
    long due = started + (long) (total * 1e9 / bytesPerSecond);
    long wait = due - now;
    if (wait > 0) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while pacing an upload");
      }
    }
  }
}
