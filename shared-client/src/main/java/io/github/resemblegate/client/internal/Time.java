package io.github.resemblegate.client.internal;

import java.time.Duration;
import java.time.Instant;

/** The clocks and the sleep the client waits with; tests replace it so no test really waits. */
public interface Time {

  Time SYSTEM = new Time() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      long nanos = duration.toNanos();
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    }
  };

  /** Monotonic time for measuring elapsed durations. */
  long nanoTime();

  /** Wall-clock time, to read a {@code Retry-After} HTTP date against. */
  Instant now();

  void sleep(Duration duration) throws InterruptedException;
}
