package io.github.resemblegate.gate.internal.remote;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading the detections list back to a lost submission's time, however long that takes. */
class BatchRecoveryTest {

  @RegisterExtension
  static WireMockExtension wm = ListStubs.wireMock();

  static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

  private final ResembleClient client = ListStubs.client(wm);
  private final BatchRecovery recovery = new BatchRecovery(client, false);

  @AfterEach
  void close() {
    client.close();
  }

  private static Submission intent(String... names) {
    List<Submission.Part> parts = new ArrayList<>();
    for (String n : names) {
      parts.add(new Submission.Part(n, Sha256.ofText(n), "media/" + n, 10));
    }
    return new Submission("i1", AT, "key", Journal.BATCH, parts, null, null, null);
  }

  private static List<String> others(int page, int count, Instant newest) {
    return ListStubs.others(Integer.toString(page), count, newest);
  }

  private static String item(String uuid, String name, Instant created) {
    return ListStubs.item(uuid, name, created);
  }

  private static String page(int page, int numPages, List<String> items) {
    return ListStubs.page(page, numPages, items);
  }

  private static String url(int page) {
    return ListStubs.url(page);
  }

  /**
   * Eight pages: seven full ones of detections created after the intent (the newest first), the
   * eighth with {@code last} and then detections from before the intent's skew allowance.
   */
  private static void deepList(List<String> last) {
    for (int p = 1; p <= 7; p++) {
      Instant newest = AT.plusSeconds(60 - p * 2);
      wm.stubFor(get(urlEqualTo(url(p))).willReturn(okJson(page(p, 8, others(p, 1000, newest)))));
    }
    List<String> items = new ArrayList<>(last);
    items.addAll(others(8, 10, AT.minus(Duration.ofMinutes(3))));
    wm.stubFor(get(urlEqualTo(url(8))).willReturn(okJson(page(8, 8, items))));
  }

  @Test
  void findsALostSubmissionMoreThanFivePagesBack() {
    deepList(List.of(item("d-a", "a.wav", AT.plusMillis(5)), item("d-b", "b.wav", AT)));

    BatchRecovery.Finding f = recovery.find(intent("a.wav", "b.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOfSatisfying(BatchRecovery.Found.class, found ->
        assertThat(found.byPartName()).hasSize(2).allSatisfy((name, d) ->
            assertThat(d.uuid()).isEqualTo(name.equals("a.wav") ? "d-a" : "d-b")));
    wm.verify(8, getRequestedFor(urlPathEqualTo("/api/v2/detect")));
  }

  @Test
  void knowsASubmissionWasNotCreatedOnceTheListIsReadBackPastItsTime() {
    deepList(List.of());

    BatchRecovery.Finding f = recovery.find(intent("a.wav", "b.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOf(BatchRecovery.Absent.class);
    wm.verify(8, getRequestedFor(urlPathEqualTo("/api/v2/detect")));
  }

  @Test
  void readsAPageThatFailedOnceAgain() {
    wm.stubFor(get(urlEqualTo(url(1))).willReturn(okJson(page(1, 2,
        others(1, 1000, AT.plusSeconds(30))))));
    wm.stubFor(get(urlEqualTo(url(2))).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willSetStateTo("ok").willReturn(aResponse().withStatus(200).withBody("{\"items\": [")));
    List<String> items = new ArrayList<>(List.of(item("d-a", "a.wav", AT.plusMillis(1))));
    items.addAll(others(2, 5, AT.minus(Duration.ofMinutes(5))));
    wm.stubFor(get(urlEqualTo(url(2))).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(okJson(page(2, 2, items))));

    BatchRecovery.Finding f = recovery.find(intent("a.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOf(BatchRecovery.Found.class);
    wm.verify(2, getRequestedFor(urlEqualTo(url(2))));
  }

  @Test
  void staysUndecidableWhenAPageKeepsFailing() {
    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(aResponse().withStatus(503)));

    BatchRecovery.Finding f = recovery.find(intent("a.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOfSatisfying(BatchRecovery.Undecidable.class, u ->
        assertThat(u.why()).isEqualTo("the detections list could not be read"));
    wm.verify(RecentDetections.READS_PER_PAGE, getRequestedFor(urlEqualTo(url(1))));
  }

  @Test
  void aDetectionSeenTwiceBecauseTheListShiftedIsNotTwoDetections() {
    // Page 2 was read after a new detection pushed the list on by one.
    String a = item("d-a", "a.wav", AT.plusMillis(2));
    List<String> first = new ArrayList<>(others(1, 999, AT.plusSeconds(30)));
    first.add(a);
    List<String> second = new ArrayList<>(List.of(a));
    second.addAll(others(2, 3, AT.minus(Duration.ofMinutes(4))));
    wm.stubFor(get(urlEqualTo(url(1))).willReturn(okJson(page(1, 2, first))));
    wm.stubFor(get(urlEqualTo(url(2))).willReturn(okJson(page(2, 2, second))));

    BatchRecovery.Finding f = recovery.find(intent("a.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOf(BatchRecovery.Found.class);
  }

  @Test
  void twoDetectionsOfTheSameNameSinceTheSubmissionAreUndecidable() {
    List<String> items = new ArrayList<>(List.of(item("d-1", "a.wav", AT.plusMillis(9)),
        item("d-2", "a.wav", AT.plusMillis(3))));
    items.addAll(others(1, 3, AT.minus(Duration.ofMinutes(4))));
    wm.stubFor(get(urlEqualTo(url(1))).willReturn(okJson(page(1, 1, items))));

    BatchRecovery.Finding f = recovery.find(intent("a.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOfSatisfying(BatchRecovery.Undecidable.class, u ->
        assertThat(u.why()).isEqualTo("several recent detections carry one of its names"));
  }

  @Test
  void givesUpWithAClearReasonAfterTheLastPageItReadsBack() {
    // A list that never gets back to the submission's time.
    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(okJson(page(1, 500,
        others(1, 1000, AT.plusSeconds(100))))));

    BatchRecovery.Finding f = recovery.find(intent("a.wav"), RequestBudget.until(far()));

    assertThat(f).isInstanceOfSatisfying(BatchRecovery.Undecidable.class, u ->
        assertThat(u.why()).isEqualTo("more than 50000 detections are newer than it"));
    wm.verify(RecentDetections.MAX_PAGES, getRequestedFor(urlPathEqualTo("/api/v2/detect")));
  }

  @Test
  void readsNothingOnceTheRunsTimeIsUp() {
    BatchRecovery.Finding f = recovery.find(intent("a.wav"), RequestBudget.until(System.nanoTime()));

    assertThat(f).isInstanceOfSatisfying(BatchRecovery.Undecidable.class, u ->
        assertThat(u.why()).isEqualTo("the run's time ran out while reading the detections"
            + " list"));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/detect")));
  }

  private static long far() {
    return System.nanoTime() + Duration.ofMinutes(5).toNanos();
  }
}
