package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gap the rate limit keeps between the requests it lets through. */
class RequestRateLimitTest {

  /** Time that moves only when slept on; each sleep may overshoot, as a late-waking thread does. */
  private static final class SleepyTime implements Time {
    long nanos;
    final List<Duration> waits = new ArrayList<>();
    final java.util.function.LongSupplier overshootNanos;

    SleepyTime(java.util.function.LongSupplier overshootNanos) {
      this.overshootNanos = overshootNanos;
    }

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return Instant.parse("2026-11-25T12:00:00Z");
    }

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
      nanos += duration.toNanos() + overshootNanos.getAsLong();
    }
  }

  @Test
  void spacesRequestsOneStretchedIntervalApart() throws Exception {
    SleepyTime time = new SleepyTime(() -> 0);
    RequestRateLimit limit = new RequestRateLimit(10, time);

    for (int i = 0; i < 3; i++) {
      limit.acquire();
    }

    // 100 ms per request at 10/s, stretched by the 5 % guard.
    assertThat(limit.gap()).isEqualTo(Duration.ofMillis(105));
    assertThat(time.waits).containsExactly(Duration.ofMillis(105), Duration.ofMillis(105));
  }

  @Test
  void anIdleClientSendsAtOnce() throws Exception {
    SleepyTime time = new SleepyTime(() -> 0);
    RequestRateLimit limit = new RequestRateLimit(10, time);
    limit.acquire();

    time.nanos += Duration.ofSeconds(10).toNanos();
    limit.acquire();

    assertThat(time.waits).isEmpty();
  }

  @Test
  void lateWakeUpsNeverPutMoreThanTheRateIntoAnySecond() throws Exception {
    java.util.Random random = new java.util.Random(42);
    SleepyTime time = new SleepyTime(() -> random.nextInt(5_000_000));
    RequestRateLimit limit = new RequestRateLimit(40, time);
    List<Long> grants = new ArrayList<>();

    for (int i = 0; i < 400; i++) {
      limit.acquire();
      grants.add(time.nanoTime() / 1_000_000);
      time.nanos += random.nextInt(3_000_000); // the request itself takes a moment
    }

    // Close to the limit (the gap is the bottleneck, not the overshoot), never over it.
    assertThat(maxInWindow(grants, 1000)).isBetween(30, 40);
  }

  private static int maxInWindow(List<Long> sortedMillis, long windowMillis) {
    int max = 0;
    int start = 0;
    for (int end = 0; end < sortedMillis.size(); end++) {
      while (sortedMillis.get(end) - sortedMillis.get(start) >= windowMillis) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }
}
