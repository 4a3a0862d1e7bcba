package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GETs are retried on 429, 5xx and broken connections; a POST only when it certainly was not acted on. */
class RetryTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  @TempDir
  Path dir;

  private final FakeTime time = new FakeTime();
  private final RecordingListener listener = new RecordingListener();

  private ResembleClient.Builder client() {
    return TestClients.client(wm, time).listener(listener).backoffBase(Duration.ofMillis(100))
        .jitter(() -> 1.0);
  }

  /** Answers {@code first} once, then {@code then} for good. */
  private static void sequence(String method, String url, ResponseDefinitionBuilder first,
      ResponseDefinitionBuilder then) {
    var mapping = method.equals("GET") ? get(urlEqualTo(url)) : post(urlEqualTo(url));
    var mapping2 = method.equals("GET") ? get(urlEqualTo(url)) : post(urlEqualTo(url));
    wm.stubFor(mapping.inScenario("seq").whenScenarioStateIs(STARTED).willSetStateTo("second")
        .willReturn(first));
    wm.stubFor(mapping2.inScenario("seq").whenScenarioStateIs("second").willReturn(then));
  }

  private BatchRequest batch() {
    return BatchRequest.of(List.of(TestClients.write(dir.resolve("a.wav"), "RIFF")), null, null);
  }

  private static ResponseDefinitionBuilder batchCreated() {
    return aResponse().withStatus(202).withBody(Payloads.BATCH_CREATED);
  }

  @Test
  void retriesGetOnTooManyRequestsAfterTheRetryAfterSeconds() {
    sequence("GET", "/api/v2/detect/d1",
        aResponse().withStatus(429).withHeader("Retry-After", "3"), okJson(Payloads.AUDIO_STRINGS));

    try (ResembleClient client = client().build()) {
      assertThat(client.getDetect("d1").audio().aggregatedScore()).isEqualTo(0.566);
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(listener.events).containsExactly(
        "start GET /detect/d1",
        "retry GET /detect/d1 #1 after PT3S: 429 Too Many Requests",
        "start GET /detect/d1");
    wm.verify(2, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void honoursRetryAfterGivenAsAnHttpDate() {
    String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(FakeTime.START.plusSeconds(7).atOffset(ZoneOffset.UTC));
    sequence("GET", "/api/v2/detect/batch/b1",
        aResponse().withStatus(503).withHeader("Retry-After", inSevenSeconds),
        okJson(Payloads.BATCH_CREATED));

    try (ResembleClient client = client().build()) {
      client.getBatch("b1");
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backsOffExponentiallyWhenTheServerGivesNoRetryAfter() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(503)));

    try (ResembleClient client = client().maxRetries(3).build()) {
      assertThatThrownBy(() -> client.getDetect("d1")).isInstanceOf(ServerErrorException.class)
          .hasMessageStartingWith("The Resemble API failed on its side for GET /detect/d1 with 503"
              + " Service Unavailable, still after 4 attempts.");
    }

    assertThat(time.sleeps()).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    wm.verify(4, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void givesUpWhenTheNextWaitWouldOverrunTheRetryBudget() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "4")));

    try (ResembleClient client = client().retryBudget(Duration.ofSeconds(10)).maxRetries(100).build()) {
      assertThatThrownBy(() -> client.getDetect("d1")).isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("with 429 Too Many Requests, still after 3 attempts");
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    wm.verify(3, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void doesNotWaitAtAllWhenRetryAfterIsLongerThanTheBudget() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "3600")));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.getDetect("d1")).isInstanceOf(RateLimitedException.class);
    }

    assertThat(time.sleeps()).isEmpty();
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void stopsAfterMaxRetries() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(500)));

    try (ResembleClient client = client().maxRetries(2).build()) {
      assertThatThrownBy(() -> client.getDetect("d1")).isInstanceOf(ServerErrorException.class);
    }

    wm.verify(3, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void retriesGetAfterTheConnectionBroke() {
    sequence("GET", "/api/v2/detect/d1", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson(Payloads.AUDIO_STRINGS));

    try (ResembleClient client = client().build()) {
      assertThat(client.getDetect("d1").uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
    }

    wm.verify(2, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
    assertThat(listener.events.get(1)).startsWith("retry GET /detect/d1 #1 after PT0.1S: connection broke");
  }

  @Test
  void retriesAGetWhoseSuccessBodyWasCutOff() {
    sequence("GET", "/api/v2/detect/d1", okJson("{\"success\": true, \"item\": {\"uu"),
        okJson(Payloads.AUDIO_STRINGS));

    try (ResembleClient client = client().build()) {
      assertThat(client.getDetect("d1").uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
    }

    wm.verify(2, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
    assertThat(listener.events.get(1)).startsWith("retry GET /detect/d1 #1 after PT0.1S: 200 with"
        + " a body that is not JSON (at line 1, column");
  }

  @Test
  void retriesAGetAnsweredWithAnEmptyBody() {
    sequence("GET", "/api/v2/detect?page=1&page_size=1000", aResponse().withStatus(200),
        okJson(Payloads.LIST));

    try (ResembleClient client = client().build()) {
      assertThat(client.listDetects(1, 1000).items()).isNotEmpty();
    }

    wm.verify(2, getRequestedFor(urlEqualTo("/api/v2/detect?page=1&page_size=1000")));
    assertThat(listener.events.get(1)).endsWith(": 200 with an empty body");
  }

  @Test
  void givesUpOnAnUnreadableGetAfterMaxRetriesAndSaysHowOftenItTried() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson("{\"item\": [")));

    try (ResembleClient client = client().maxRetries(2).build()) {
      assertThatThrownBy(() -> client.getDetect("d1"))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageStartingWith("The Resemble API answered GET /detect/d1 with 200 but a body"
              + " that is not JSON (at line 1, column")
          .hasMessageContaining("still after 3 attempts");
    }

    wm.verify(3, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void neverPostsABatchAgainAfterAnUnreadableAnswer() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(202)
        .withBody("{\"success\": true, \"item\": {\"uu")));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.createBatch(batch()))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("so the batch may have been created without the client learning"
              + " its id");
    }

    wm.verify(1, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void doesNotRetryAGetWhoseAnswerIsJsonOfTheWrongShape() {
    // Well-formed JSON in another shape would come back the same; retrying it only costs time.
    wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson("{\"success\": false}")));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.getDetect("d1"))
          .isInstanceOf(MalformedResponseException.class);
    }

    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void aViewWithCallLimitsStartsNoRetryItsTimeCannotHold() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(503)));

    try (ResembleClient client = client().build()) {
      ResembleClient hurried = client.withCallLimits(Duration.ofMillis(250), 5);
      assertThatThrownBy(() -> hurried.getDetect("d1")).isInstanceOf(ServerErrorException.class)
          .hasMessageContaining("still after 2 attempts");
    }

    // 100 ms of backoff fit in 250 ms; the next 200 ms would not.
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    wm.verify(2, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void aViewWithCallLimitsRetriesAtMostItsOwnMaximum() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(500)));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.withCallLimits(Duration.ofMinutes(1), 0).getDetect("d1"))
          .isInstanceOf(ServerErrorException.class);
    }

    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aViewWithCallLimitsCutsAnAnswerThatComesTooLate() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson(Payloads.AUDIO_STRINGS)
        .withFixedDelay(1_000)));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.withCallLimits(Duration.ofMillis(200), 0).getDetect("d1"))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.getMessage()).contains("(timed out)"));
    }

    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  @SuppressWarnings("try") // closing the client inside its block is what the test is about
  void closingAViewWithCallLimitsLeavesItsClientOpen() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson(Payloads.AUDIO_STRINGS)));

    try (ResembleClient client = client().build()) {
      client.withCallLimits(Duration.ofSeconds(5), 1).close();
      assertThat(client.getDetect("d1").uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
      ResembleClient view = client.withCallLimits(Duration.ofSeconds(5), 1);
      client.close();
      assertThatThrownBy(() -> view.getDetect("d1")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void neverPostsABatchAgainAfterAReadTimeout() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(batchCreated().withFixedDelay(700)));

    try (ResembleClient client = client().readTimeout(Duration.ofMillis(150)).build()) {
      assertThatThrownBy(() -> client.createBatch(batch()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.requestMayHaveArrived()).isTrue();
            assertThat(e.getMessage()).isEqualTo("The connection to the Resemble API broke after"
                + " POST /detect/batch was sent (timed out), so it may have been processed; it was"
                + " not sent again. Look for a new batch in the Resemble dashboard before"
                + " submitting again, so nothing is billed twice.");
          });
    }

    wm.verify(1, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void neverPostsABatchAgainAfterTheConnectionWasReset() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.createBatch(batch()))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.requestMayHaveArrived()).isTrue());
    }

    wm.verify(1, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
  }

  @Test
  void neverPostsABatchAgainWhenTheServerClosedTheConnectionWithoutAnswering() {
    // The server read the whole upload before hanging up, so it may have created the batch.
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.createBatch(batch()))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.requestMayHaveArrived()).isTrue());
    }

    wm.verify(1, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
  }

  @Test
  void neverPostsABatchAgainAfterAServerError() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(503)));

    try (ResembleClient client = client().build()) {
      assertThatThrownBy(() -> client.createBatch(batch())).isInstanceOf(ServerErrorException.class);
    }

    wm.verify(1, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void postsABatchAgainWhenTheServerRefusedItWithTooManyRequests() {
    sequence("POST", "/api/v2/detect/batch",
        aResponse().withStatus(429).withHeader("Retry-After", "2"), batchCreated());

    try (ResembleClient client = client().build()) {
      assertThat(client.createBatch(batch()).uuid()).isEqualTo("BATCH_UUID");
    }

    wm.verify(2, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void postsABatchAgainWhenTheConnectionWasRefusedBeforeAnythingWasSent() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    WireMockServer late = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port));
    late.stubFor(post("/api/v2/detect/batch").willReturn(batchCreated()));
    // The server comes up while the client waits to retry.
    time.onSleep(() -> {
      if (!late.isRunning()) {
        late.start();
      }
    });
    try (ResembleClient client = TestClients.client("http://127.0.0.1:" + port + "/api/v2", time)
        .listener(listener).backoffBase(Duration.ofMillis(100)).jitter(() -> 1.0).build()) {
      assertThat(client.createBatch(batch()).uuid()).isEqualTo("BATCH_UUID");
      late.verify(1, postRequestedFor(urlEqualTo("/api/v2/detect/batch")));
      assertThat(listener.events).containsExactly(
          "start POST /detect/batch",
          "retry POST /detect/batch #1 after PT0.1S: could not connect: ConnectException",
          "start POST /detect/batch");
    } finally {
      late.stop();
    }
  }

  @Test
  void doesNotRetryWhenMaxRetriesIsZero() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(429)));

    try (ResembleClient client = client().maxRetries(0).build()) {
      assertThatThrownBy(() -> client.getDetect("d1")).isInstanceOf(RateLimitedException.class)
          .hasMessageNotContaining("attempts");
    }

    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void aFileThatChangesDuringTheUploadEndsTheCallWithoutARetry() throws Exception {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(batchCreated()));
    Path wav = TestClients.write(dir.resolve("growing.wav"), "RIFF" + "x".repeat(100_000));
    RequestListener truncating = new RequestListener() {
      @Override
      public void requestStarted(String method, String path) {
        // Checked at full size, cut short before its bytes go out.
        TestClients.write(wav, "RIFF");
        listener.requestStarted(method, path);
      }
    };

    try (ResembleClient client = client().listener(truncating).build()) {
      assertThatThrownBy(() -> client.createBatch(BatchRequest.of(List.of(wav), null, null)))
          .isInstanceOfSatisfying(TransportException.class,
              e -> assertThat(e.requestMayHaveArrived()).isFalse())
          .hasMessage("Uploading " + wav + " for POST /detect/batch stopped because it became"
              + " shorter during the upload; the cut-short request cannot have been accepted."
              + " Make sure nothing changes the file during the scan, then run again.");
    }

    assertThat(listener.events).containsExactly("start POST /detect/batch");
  }

  @Test
  void anInterruptedThreadSendsNothingAndKeepsItsInterrupt() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson(Payloads.AUDIO_STRINGS)));

    try (ResembleClient client = client().build()) {
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> client.getDetect("d1"))
            .isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.requestMayHaveArrived()).isFalse())
            .hasMessageStartingWith("The thread running GET /detect/d1 was interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }

    wm.verify(0, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

}
