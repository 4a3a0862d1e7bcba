package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client's requests-per-second limit holds across all its threads. */
class RateLimitTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

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
      return FakeTime.START;
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

  @Test
  void manyThreadsTogetherStayWithinTheConfiguredRate() throws Exception {
    double rps = 40;
    int threads = 4;
    int requests = 60;
    wm.stubFor(get(urlPathMatching("/api/v2/detect/.*")).willReturn(okJson(Payloads.AUDIO_STRINGS)));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (ResembleClient client = TestClients.client(wm, new FakeTime())
        .requestsPerSecond(rps).rateLimitTime(Time.SYSTEM).build()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int n; (n = next.getAndIncrement()) < requests; ) {
            client.getDetect("d" + n);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> arrivals = wm.findAll(getRequestedFor(urlPathMatching("/api/v2/detect/.*"))).stream()
        .map(LoggedRequest::getLoggedDate).map(d -> d.getTime()).sorted().toList();
    assertThat(arrivals).hasSize(requests);
    // Grants in any window of a second are at most rps. A request can reach the server later
    // than its grant, but each thread has at most one in flight, so up to `threads` earlier
    // grants may land in the window too. 1 ms is the log's resolution.
    for (long windowMillis : new long[] {250, 1000}) {
      int bound = (int) Math.ceil(rps * (windowMillis + 1) / 1000.0) + threads;
      assertThat(maxInWindow(arrivals, windowMillis))
          .as("requests in any %d ms window", windowMillis).isLessThanOrEqualTo(bound);
    }
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
