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

  /** Time under the test's control: sleeping records the wait but moves nothing. */
  private static final class StillTime implements Time {
    long nanos;
    final List<Duration> waits = new ArrayList<>();

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
    }
  }

  @Test
  void spacesRequestsOneIntervalApartOnceTheBurstIsUsed() throws Exception {
    StillTime time = new StillTime();
    TokenBucket bucket = new TokenBucket(10, 2, time);

    for (int i = 0; i < 5; i++) {
      bucket.acquire();
    }

    // Two at once (the burst), then each caller queued 100 ms behind the previous one.
    assertThat(time.waits).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
  }

  @Test
  void refillsWhileIdleButNeverBeyondTheBurst() throws Exception {
    StillTime time = new StillTime();
    TokenBucket bucket = new TokenBucket(10, 2, time);
    bucket.acquire();
    bucket.acquire();

    time.nanos += Duration.ofSeconds(10).toNanos();
    for (int i = 0; i < 3; i++) {
      bucket.acquire();
    }

    assertThat(time.waits).containsExactly(Duration.ofMillis(100));
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
    // Slots handed out in any window are at most burst + rps * window. A request can reach the
    // server later than its slot, but each thread has at most one in flight, so up to `threads`
    // earlier slots may land in the window too. 1 ms is the log's resolution.
    for (long windowMillis : new long[] {250, 1000}) {
      int bound = 1 + (int) Math.floor(rps * (windowMillis + 1) / 1000.0) + threads;
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
