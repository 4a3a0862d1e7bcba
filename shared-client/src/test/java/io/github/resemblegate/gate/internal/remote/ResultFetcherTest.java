package io.github.resemblegate.gate.internal.remote;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.resemblegate.gate.internal.remote.ListStubs.item;
import static io.github.resemblegate.gate.internal.remote.ListStubs.others;
import static io.github.resemblegate.gate.internal.remote.ListStubs.page;
import static io.github.resemblegate.gate.internal.remote.ListStubs.url;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resemblegate.client.ResembleClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Results come from as few list pages as their age needs, and one by one only when missing. */
class ResultFetcherTest {

  @RegisterExtension
  static WireMockExtension wm = ListStubs.wireMock();

  static final Instant SUBMITTED = Instant.parse("2026-11-25T12:00:00Z");

  private final ResembleClient client = ListStubs.client(wm);
  private final ResultFetcher fetcher = new ResultFetcher(client, m -> { });
  private final List<String> observed = new ArrayList<>();

  @AfterEach
  void close() {
    client.close();
  }

  private ResultFetcher.Fetched fetch(List<String> ids) {
    return fetcher.fetch(ids, SUBMITTED.minus(BatchRecovery.CLOCK_SKEW),
        RequestBudget.until(System.nanoTime() + Duration.ofMinutes(1).toNanos()),
        d -> observed.add(d.uuid()));
  }

  private static List<String> wanted(int n, Instant newest) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(item("w" + i, "w" + i + ".wav", newest.minusMillis(i)));
    }
    return items;
  }

  @Test
  void readsAsManyPagesAsTheResultsAgeNeedsInsteadOfFetchingThemOneByOne() {
    // 50 results under 4,000 newer detections: the fifth page.
    for (int p = 1; p <= 4; p++) {
      wm.stubFor(get(urlEqualTo(url(p))).willReturn(okJson(page(p, 9,
          others("p" + p, 1000, SUBMITTED.plusSeconds(50 - p * 5))))));
    }
    wm.stubFor(get(urlEqualTo(url(5))).willReturn(okJson(page(5, 9,
        wanted(50, SUBMITTED.plusMillis(100))))));

    ResultFetcher.Fetched f = fetch(ids(50));

    assertThat(f.found()).hasSize(50);
    assertThat(f.errors()).isEmpty();
    wm.verify(5, getRequestedFor(urlPathEqualTo("/api/v2/detect")));
    wm.verify(0, getRequestedFor(urlMatching("/api/v2/detect/.+")));
  }

  @Test
  void fetchesOneByOneOnlyWhatTheListDoesNotShowOnceItIsPastTheSubmission() {
    List<String> items = new ArrayList<>(wanted(3, SUBMITTED.plusMillis(100)));
    items.addAll(others("old", 5, SUBMITTED.minus(Duration.ofMinutes(10))));
    wm.stubFor(get(urlEqualTo(url(1))).willReturn(okJson(page(1, 40, items))));
    wm.stubFor(get(urlEqualTo("/api/v2/detect/w3")).willReturn(okJson(
        ListStubs.detection("w3", "w3.wav", SUBMITTED))));

    ResultFetcher.Fetched f = fetch(ids(4));

    assertThat(f.found()).containsOnlyKeys("w0", "w1", "w2", "w3");
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/detect")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/w3")));
  }

  @Test
  void readsAFailedPageAgainBeforeFallingBackToSingleRequests() {
    wm.stubFor(get(urlEqualTo(url(1))).inScenario("flaky")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willSetStateTo("ok").willReturn(aResponse().withStatus(503)));
    wm.stubFor(get(urlEqualTo(url(1))).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(okJson(page(1, 1, wanted(20, SUBMITTED.plusMillis(100))))));

    ResultFetcher.Fetched f = fetch(ids(20));

    assertThat(f.found()).hasSize(20);
    wm.verify(2, getRequestedFor(urlEqualTo(url(1))));
    wm.verify(0, getRequestedFor(urlMatching("/api/v2/detect/.+")));
  }

  @Test
  void showsTheObserverEveryListedDetectionSoOtherSubmissionsAreCollectedInTheSamePass() {
    List<String> items = new ArrayList<>(others("newer", 30, SUBMITTED.plusSeconds(9)));
    items.addAll(wanted(5, SUBMITTED.plusMillis(100)));
    wm.stubFor(get(urlEqualTo(url(1))).willReturn(okJson(page(1, 1, items))));

    fetch(ids(5));

    assertThat(observed).hasSize(35).contains("other-newer-0", "other-newer-29", "w4");
  }

  @Test
  void sendsNoMoreRequestsThanItsAllowance() {
    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(aResponse().withStatus(500)));

    ResultFetcher.Fetched f = fetcher.fetch(ids(10), SUBMITTED,
        RequestBudget.of(Duration.ofSeconds(30), 2, 0), d -> { });

    assertThat(f.found()).isEmpty();
    assertThat(f.errors()).hasSize(10)
        .allSatisfy((id, why) -> assertThat(why).isEqualTo("not fetched: the time or requests allowed ran out"));
    wm.verify(2, getRequestedFor(urlMatching("/api/v2/detect.*")));
  }

  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("w" + i);
    }
    return ids;
  }
}
