package io.github.resemblegate.client.internal;

import java.time.Duration;

/**
 * A blocking requests-per-second limit shared by every thread of one client: consecutive requests
 * are let through at least {@code 1 / rate} seconds apart (plus a small guard).
 *
 * <p>The gap is measured between the moments callers are actually let through (after any sleep,
 * under the lock), not between slots reserved in advance: a thread that wakes late can then never
 * bunch up with the callers queued behind it, which a reserved-slot token bucket allows. With the
 * guard, no window of one second holds more than {@code rate} requests even when requests are
 * jittered on their way to the server, which counts them against the API's limit (40 per second
 * per token).
 */
final class RequestRateLimit {
  /** Gap stretch: 5 % of headroom for scheduling and transit jitter. */
  static final double GUARD = 1.05;

  private final long gapNanos;
  private final Time time;
  private boolean granted;
  private long lastGrant;

  RequestRateLimit(double requestsPerSecond, Time time) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be a positive number, not " + requestsPerSecond + ".");
    }
    this.gapNanos = Math.max(1, Math.round(GUARD * 1e9 / requestsPerSecond));
    this.time = time;
  }

  /** Blocks until this caller may send one request. */
  void acquire() throws InterruptedException {
    while (true) {
      long wait = tryAcquire();
      if (wait <= 0) {
        return;
      }
      time.sleep(Duration.ofNanos(wait));
    }
  }

  /** Grants now and returns 0, or returns how long until the gap after the last grant is over. */
  private synchronized long tryAcquire() {
    long now = time.nanoTime();
    if (granted && now - lastGrant < gapNanos) {
      return lastGrant + gapNanos - now;
    }
    granted = true;
    lastGrant = now;
    return 0;
  }

  Duration gap() {
    return Duration.ofNanos(gapNanos);
  }
}
