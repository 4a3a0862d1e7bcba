package io.github.resemblegate.client;

import io.github.resemblegate.client.internal.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Time that only moves when the client sleeps, and remembers every sleep it was asked for. */
final class FakeTime implements Time {
  static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();
  private Runnable onSleep = () -> {};

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant now() {
    return START.plusNanos(nanos.get());
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos.addAndGet(duration.toNanos());
    onSleep.run();
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Runs on every sleep, after the clock moved: lets a test change the world mid-retry. */
  synchronized FakeTime onSleep(Runnable action) {
    this.onSleep = action;
    return this;
  }
}
