package io.github.resemblegate.client.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try again: the server's {@code Retry-After} when it gave one, otherwise exponential
 * backoff with jitter, so threads that failed together do not come back together.
 */
public final class Backoff {
  public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
  static final Duration CAP = Duration.ofSeconds(30);
  private final Duration base;
  private final DoubleSupplier random;

  Backoff(Duration base, DoubleSupplier random) {
    this.base = base;
    this.random = random;
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter;
    }
    long ceiling = base.toNanos();
    for (int i = 1; i < retry && ceiling < CAP.toNanos(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, CAP.toNanos());
    // "Equal jitter": at least half the exponential step, so a retry never comes straight back.
    double fraction = 0.5 + 0.5 * Math.min(1, Math.max(0, random.getAsDouble()));
    return Duration.ofNanos((long) (ceiling * fraction));
  }
}
