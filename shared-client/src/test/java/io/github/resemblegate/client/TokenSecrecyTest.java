package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random token goes through every kind of call and failure, with all logging switched on, and
 * shows up nowhere but the Authorization header: not in a log line, a listener callback, an
 * exception, a toString() or a URL — even when the server echoes it back.
 */
class TokenSecrecyTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  @TempDir
  Path dir;

  private final String token = "rk_" + UUID.randomUUID().toString().replace("-", "");
  private final List<String> logLines = new ArrayList<>();
  private final Handler capture = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
      logLines.add(formatter.format(record) + " " + record.getMessage() + " "
          + java.util.Arrays.toString(record.getParameters()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final Logger root = Logger.getLogger("");
  private final Logger okhttp = Logger.getLogger("okhttp3");
  private Level rootLevel;

  @BeforeEach
  void captureAllLogging() {
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    okhttp.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void restoreLogging() {
    root.removeHandler(capture);
    root.setLevel(rootLevel);
    okhttp.setLevel(null);
  }

  @Test
  void tokenAppearsOnlyInTheAuthorizationHeader() throws Exception {
    RecordingListener listener = new RecordingListener();
    List<Object> printed = new ArrayList<>();
    List<ResembleException> failures = new ArrayList<>();
    String echo = "{\"success\": false, \"message\": \"token " + token + " is not valid\","
        + " \"details\": {\"token\": \"" + token + "\"}}";
    Path wav = TestClients.write(dir.resolve("a.wav"), "RIFF");
    BatchRequest batch = BatchRequest.of(List.of(wav), BatchOptions.builder().intelligence(true).build(),
        IntakeMode.FILES);
    BatchRequest zip = BatchRequest.of(List.of(wav), null, IntakeMode.ZIP);
    DetectRequest byUrl = new DetectRequest(new DetectRequest.Url("https://cdn.example.com/a.wav"), null);
    DetectRequest byToken = new DetectRequest(new DetectRequest.MediaToken("media.jwt.value"), null);
    DetectRequest byUpload = new DetectRequest(new DetectRequest.Upload(wav, null), null);
    ResembleClient.Builder builder = TestClients.client(wm, new FakeTime())
        .token(ApiToken.of(token)).listener(listener).maxRetries(1);
    printed.addAll(List.of(builder, batch, zip, byUrl, byToken, byUpload, ApiToken.of(token)));

    try (ResembleClient client = builder.build()) {
      printed.add(client);
      // Successful calls of every kind.
      wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(202)
          .withBody(Payloads.BATCH_CREATED)));
      wm.stubFor(get("/api/v2/detect/batch/b1").willReturn(okJson(Payloads.BATCH_CREATED)));
      wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson(Payloads.AUDIO_NUMBERS)));
      wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(okJson(Payloads.LIST)));
      wm.stubFor(post("/api/v2/detect").willReturn(okJson(Payloads.DETECT_CREATED)));
      wm.stubFor(post("/api/v2/secure_uploads").willReturn(okJson(Payloads.SECURE_UPLOAD)));
      printed.add(client.createBatch(batch));
      printed.add(client.createBatch(zip));
      printed.add(client.getBatch("b1"));
      printed.add(client.getDetect("d1"));
      printed.add(client.listDetects(1, 10));
      printed.add(client.createDetect(byUrl));
      printed.add(client.createDetect(byToken));
      printed.add(client.createDetect(byUpload));
      printed.add(client.createSecureUpload(wav));

      // Every failure class, with the server echoing the token back.
      for (int status : new int[] {400, 401, 402, 403, 404, 413, 429, 500, 503}) {
        wm.stubFor(get("/api/v2/detect/e" + status).willReturn(aResponse().withStatus(status)
            .withHeader("Retry-After", "1").withBody(echo)));
        failures.add(failure(() -> client.getDetect("e" + status)));
        wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(status)
            .withBody(echo)));
        failures.add(failure(() -> client.createBatch(batch)));
      }
      wm.stubFor(get("/api/v2/detect/bad-json").willReturn(okJson("not json " + token)));
      failures.add(failure(() -> client.getDetect("bad-json")));
      wm.stubFor(get("/api/v2/detect/unsuccessful").willReturn(okJson(echo)));
      failures.add(failure(() -> client.getDetect("unsuccessful")));
      wm.stubFor(get("/api/v2/detect/moved").willReturn(aResponse().withStatus(302)
          .withHeader("Location", "https://elsewhere.example.com/?t=" + token)));
      failures.add(failure(() -> client.getDetect("moved")));
      wm.stubFor(get("/api/v2/detect/reset").willReturn(aResponse()
          .withFault(Fault.CONNECTION_RESET_BY_PEER)));
      failures.add(failure(() -> client.getDetect("reset")));
      failures.add(failure(() -> client.createBatch(BatchRequest.of(List.of(dir.resolve("gone.wav")),
          null, null))));
    }
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(202)
        .withFixedDelay(600).withBody(Payloads.BATCH_CREATED)));
    try (ResembleClient impatient = TestClients.client(wm, new FakeTime()).token(ApiToken.of(token))
        .listener(listener).readTimeout(Duration.ofMillis(100)).build()) {
      failures.add(failure(() -> impatient.createBatch(batch)));
    }
    int dead;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = socket.getLocalPort();
    }
    try (ResembleClient offline = TestClients.client("http://127.0.0.1:" + dead + "/api/v2",
        new FakeTime()).token(ApiToken.of(token)).listener(listener).maxRetries(1).build()) {
      failures.add(failure(() -> offline.getDetect("d1")));
      failures.add(failure(() -> offline.createBatch(batch)));
    }

    assertThat(failures).hasSize(26).doesNotContainNull();
    assertThat(failures).extracting(e -> e.getClass().getSimpleName()).contains(
        "BadRequestException", "UnauthorizedException", "InsufficientCreditException",
        "ForbiddenException", "NotFoundException", "RateLimitedException",
        "ServerErrorException", "MalformedResponseException", "TransportException");
    assertThat(logLines).as("OkHttp's debug logging was captured").anyMatch(l -> l.contains("okhttp3"));
    assertThat(listener.events).isNotEmpty().anyMatch(e -> e.startsWith("retry"));
    assertThat(failures).anyMatch(e -> e.getMessage().contains("****"));
    List<String> everything = new ArrayList<>(logLines);
    everything.addAll(listener.events);
    printed.forEach(p -> everything.add(String.valueOf(p)));
    for (ResembleException e : failures) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      everything.add(trace.toString());
      everything.add(String.valueOf(e.serverMessage()));
      everything.add(String.valueOf(e.advice()));
      if (e instanceof InsufficientCreditException credit) {
        everything.add(String.valueOf(credit.costDetails()));
      }
    }
    assertThat(everything).noneMatch(text -> text.contains(token));

    for (LoggedRequest request : wm.findAll(anyRequestedFor(anyUrl()))) {
      assertThat(request.getAbsoluteUrl()).doesNotContain(token);
      assertThat(new String(request.getBody(), StandardCharsets.ISO_8859_1)).doesNotContain(token);
      for (HttpHeader header : request.getHeaders().all()) {
        if (!header.key().equalsIgnoreCase("Authorization")) {
          assertThat(header.values()).noneMatch(v -> v.contains(token));
        }
      }
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
    }
  }

  private static ResembleException failure(Runnable call) {
    try {
      call.run();
    } catch (ResembleException e) {
      return e;
    }
    return null;
  }
}
