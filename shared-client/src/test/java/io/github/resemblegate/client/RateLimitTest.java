package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resemblegate.client.internal.Time;
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
