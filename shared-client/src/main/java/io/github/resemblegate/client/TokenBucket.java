package io.github.resemblegate.client;

import java.time.Duration;

/**
 * A blocking requests-per-second limit shared by every thread of one client. Each caller reserves
 * the next free slot under a lock and sleeps outside it, so waiting threads queue in order
 * (the "generic cell rate" form of a token bucket holding {@code burst} tokens).
 */
final class TokenBucket {
  private final long intervalNanos;
  private final long burstToleranceNanos;
  private final Time time;
  private long theoreticalArrival;

  TokenBucket(double requestsPerSecond, int burst, Time time) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be a positive number, not " + requestsPerSecond + ".");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, not " + burst + ".");
    }
    this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / requestsPerSecond));
    this.burstToleranceNanos = (burst - 1) * intervalNanos;
    this.time = time;
    this.theoreticalArrival = time.nanoTime();
  }

  /** Blocks until this caller may send one request. */
  void acquire() throws InterruptedException {
    long wait = reserve();
    if (wait > 0) {
      time.sleep(Duration.ofNanos(wait));
    }
  }

  private synchronized long reserve() {
    long now = time.nanoTime();
    long earliest = theoreticalArrival - burstToleranceNanos;
    if (now - earliest >= 0) {
      theoreticalArrival = Math.max(theoreticalArrival - now, 0) + now + intervalNanos;
      return 0;
    }
    theoreticalArrival += intervalNanos;
    return earliest - now;
  }
}
