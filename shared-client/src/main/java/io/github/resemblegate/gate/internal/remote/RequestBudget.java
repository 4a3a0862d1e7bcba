package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.ResembleClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much more a piece of remote work may do: until a deadline ({@link System#nanoTime()}), and
 * at most so many calls. Work asks {@link #spent()} before each call and sends it through
 * {@link #client}, whose calls end by the deadline, retries included, so the work as a whole
 * cannot run past it. The clock may be paused ({@link #pause}): time spent on work the deadline
 * does not cover moves it later. Thread-safe.
 */
final class RequestBudget {

  /** No limit on calls. */
  static final int UNLIMITED = Integer.MAX_VALUE;

  private long deadlineNanos;
  private int pauses;
  private long pausedAtNanos;
  private final int maxRetries;
  private final AtomicInteger callsLeft;

  private RequestBudget(long deadlineNanos, int calls, int maxRetries) {
    this.deadlineNanos = deadlineNanos;
    this.maxRetries = maxRetries;
    this.callsLeft = new AtomicInteger(calls);
  }

  /** Any number of calls, each with the client's own retries, until {@code deadlineNanos}. */
  static RequestBudget until(long deadlineNanos) {
    return new RequestBudget(deadlineNanos, UNLIMITED, UNLIMITED);
  }

  /** At most {@code calls} calls of at most {@code maxRetries} retries each, within {@code time}. */
  static RequestBudget of(Duration time, int calls, int maxRetries) {
    return new RequestBudget(System.nanoTime() + time.toNanos(), calls, maxRetries);
  }

  /** True once the time is up or every call is used. */
  boolean spent() {
    return callsLeft.get() <= 0 || timeLeftNanos() <= 0;
  }

  boolean timeIsUp() {
    return timeLeftNanos() <= 0;
  }

  /** The deadline; while paused, as far ahead of now as it was when the pause began. */
  synchronized long deadlineNanos() {
    return pauses > 0 ? System.nanoTime() + (deadlineNanos - pausedAtNanos) : deadlineNanos;
  }

  /** Stops the clock until as many {@link #resume} calls: that time is not counted. */
  synchronized void pause() {
    if (pauses++ == 0) {
      pausedAtNanos = System.nanoTime();
    }
  }

  /** Starts the clock again; the deadline moves later by the time it was paused. */
  synchronized void resume() {
    if (--pauses == 0) {
      deadlineNanos += System.nanoTime() - pausedAtNanos;
    }
  }

  /**
   * Counts one call and returns the client to make it with: its calls end by the deadline,
   * retries included. Ask {@link #spent()} first.
   */
  ResembleClient client(ResembleClient client) {
    if (callsLeft.get() != UNLIMITED) {
      callsLeft.decrementAndGet();
    }
    long left = Math.max(1_000_000, timeLeftNanos());
    return client.withCallLimits(Duration.ofNanos(left), maxRetries);
  }

  private long timeLeftNanos() {
    return deadlineNanos() - System.nanoTime();
  }
}
