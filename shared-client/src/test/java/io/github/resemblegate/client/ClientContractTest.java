package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The exact request each call sends, and what it makes of the documented answers. */
class ClientContractTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  @TempDir
  Path dir;

  private ResembleClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm, new FakeTime()).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static final BatchOptions ALL_OPTIONS = BatchOptions.builder()
      .callbackUrl("https://ci.example.com/hook")
      .intelligence(true)
      .searchIdentity(false)
      .visualize(false)
      .audioSourceTracing(true)
      .frameLength(2)
      .startRegion(1.5)
      .endRegion(30.0)
      .maxVideoSecs(120.0)
      .useLlm(false)
      .zeroRetentionMode(true)
      .build();

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static void assertCommonHeaders(LoggedRequest request) {
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN_VALUE);
    assertThat(request.getHeader("User-Agent"))
        .isEqualTo("resemble-gate/" + ResembleClient.version() + " test-suite");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.containsHeader("Prefer")).as("never Prefer: wait").isFalse();
  }

  private static Map<String, String> formFields(List<Multipart.Part> parts) {
    Map<String, String> fields = new LinkedHashMap<>();
    parts.stream().filter(p -> p.filename() == null).forEach(p -> fields.put(p.name(), p.text()));
    return fields;
  }

  @Test
  void createBatchSendsOptionFieldsThenOneFilesPartPerFile() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(
        aResponse().withStatus(202).withHeader("Content-Type", "application/json")
            .withBody(Payloads.BATCH_CREATED)));
    Path en = TestClients.write(dir.resolve("en/intro.wav"), "RIFF-en");
    Path fr = TestClients.write(dir.resolve("fr/intro.wav"), "RIFF-fr-longer");
    Path png = TestClients.write(dir.resolve("poster.png"), "PNG");

    DetectBatch batch = client.createBatch(
        BatchRequest.of(List.of(en, fr, png), ALL_OPTIONS, IntakeMode.FILES));

    assertThat(batch.uuid()).isEqualTo("BATCH_UUID");
    assertThat(batch.detectUuids()).containsExactly("D1", "D2", "D3");
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo("/api/v2/detect/batch");
    assertCommonHeaders(request);
    assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
    List<Multipart.Part> parts = Multipart.parse(request.getHeader("Content-Type"), request.getBody());
    assertThat(formFields(parts)).containsExactly(
        Map.entry("callback_url", "https://ci.example.com/hook"),
        Map.entry("intelligence", "true"),
        Map.entry("search_identity", "false"),
        Map.entry("visualize", "false"),
        Map.entry("audio_source_tracing_enabled", "true"),
        Map.entry("frame_length", "2"),
        Map.entry("start_region", "1.5"),
        Map.entry("end_region", "30"),
        Map.entry("max_video_secs", "120"),
        Map.entry("use_llm", "false"),
        Map.entry("zero_retention_mode", "true"));
    assertThat(parts.stream().filter(p -> p.filename() != null))
        .extracting(Multipart.Part::name, Multipart.Part::filename, Multipart.Part::contentType,
            Multipart.Part::text)
        .containsExactly(
            tuple("files[]", "en-intro.wav", "audio/wav", "RIFF-en"),
            tuple("files[]", "fr-intro.wav", "audio/wav", "RIFF-fr-longer"),
            tuple("files[]", "poster.png", "image/png", "PNG"));
    assertThat(parts.subList(0, 11)).allMatch(p -> p.filename() == null);
  }

  @Test
  void createBatchWithDefaultOptionsSendsNoFormFields() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(
        aResponse().withStatus(202).withBody(Payloads.BATCH_CREATED)));
    Path wav = TestClients.write(dir.resolve("a.wav"), "x");

    client.createBatch(BatchRequest.of(List.of(wav), null, IntakeMode.FILES));

    LoggedRequest request = onlyRequest();
    List<Multipart.Part> parts = Multipart.parse(request.getHeader("Content-Type"), request.getBody());
    assertThat(parts).extracting(Multipart.Part::name).containsExactly("files[]");
  }

  @Test
  void createBatchInZipModeSendsOneZipPartHoldingEveryFileUnderItsPartName() throws Exception {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(
        aResponse().withStatus(202).withBody(Payloads.BATCH_CREATED)));
    Path en = TestClients.write(dir.resolve("en/intro.wav"), "RIFF-en");
    Path fr = TestClients.write(dir.resolve("fr/intro.wav"), "RIFF-fr");
    Path clip = TestClients.write(dir.resolve("clips/trailer ü.mp4"), "MP4".repeat(1000));

    client.createBatch(BatchRequest.of(List.of(en, fr, clip),
        BatchOptions.builder().visualize(true).build(), IntakeMode.ZIP));

    LoggedRequest request = onlyRequest();
    assertCommonHeaders(request);
    assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
    List<Multipart.Part> parts = Multipart.parse(request.getHeader("Content-Type"), request.getBody());
    assertThat(parts).extracting(Multipart.Part::name).containsExactly("visualize", "file");
    Multipart.Part zipPart = parts.get(1);
    assertThat(zipPart.filename()).isEqualTo("batch.zip");
    assertThat(zipPart.contentType()).isEqualTo("application/zip");
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipPart.body()),
        StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
        entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsExactly(
        Map.entry("en-intro.wav", "RIFF-en"),
        Map.entry("fr-intro.wav", "RIFF-fr"),
        Map.entry("trailer ü.mp4", "MP4".repeat(1000)));
  }

  @Test
  void getBatchAsksForTheBatchByIdAndReadsStringCounts() {
    wm.stubFor(get("/api/v2/detect/batch/0b6b2c3e9d2f4c1a8e7f6d5c4b3a2910")
        .willReturn(okJson(Payloads.BATCH_PARTIALLY_FAILED_STRINGS)));

    DetectBatch batch = client.getBatch("0b6b2c3e9d2f4c1a8e7f6d5c4b3a2910");

    assertThat(batch.status()).isEqualTo(BatchStatus.PARTIALLY_FAILED);
    assertThat(batch.completedCount()).isEqualTo(2);
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("GET");
    assertCommonHeaders(request);
  }

  @Test
  void getDetectAsksForTheDetectionById() {
    wm.stubFor(get("/api/v2/detect/5c17d732-0d10-4ee3-8c1d-41ad9b9142a1")
        .willReturn(okJson(Payloads.AUDIO_STRINGS)));

    Detection d = client.getDetect("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");

    assertThat(d.score()).isEqualTo(new ScoreReading.Scored(0.566, "metrics.aggregated_score"));
    assertCommonHeaders(onlyRequest());
  }

  @Test
  void getDetectReadsEveryDocumentedVariant() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("8c6e7a99f3faee6e0ec0cb138bdd4a20", Payloads.AUDIO_NUMBERS);
    bodies.put("d-nospeech", Payloads.AUDIO_NO_SPEECH);
    bodies.put("img-1", Payloads.IMAGE_NUMBER);
    bodies.put("img-2", Payloads.IMAGE_STRING);
    bodies.put("vid-1", Payloads.VIDEO_NUMBERS);
    bodies.put("vid-2", Payloads.VIDEO_STRINGS);
    bodies.forEach((id, body) -> wm.stubFor(get("/api/v2/detect/" + id).willReturn(okJson(body))));

    List<ScoreReading> scores = new ArrayList<>();
    bodies.keySet().forEach(id -> scores.add(client.getDetect(id).score()));

    assertThat(scores).containsExactly(
        new ScoreReading.Scored(0.1, "metrics.aggregated_score"),
        new ScoreReading.NoSpeech("metrics.aggregated_score", -1.0),
        new ScoreReading.Scored(1.0, "image_metrics.score"),
        new ScoreReading.Scored(0.9, "image_metrics.score"),
        new ScoreReading.Scored(0.95, "video_metrics.score"),
        new ScoreReading.Scored(0.12, "video_metrics.score"));
  }

  @Test
  void listDetectsSendsPageAndPageSize() {
    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(okJson(Payloads.LIST)));

    DetectPage page = client.listDetects(2, 50);

    assertThat(page.totalCount()).isEqualTo(87);
    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/api/v2/detect?page=2&page_size=50");
    assertCommonHeaders(request);
  }

  @Test
  void checkAccessReadsTheFirstListPageAtTheSmallestDocumentedSize() {
    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(okJson(Payloads.LIST)));

    client.checkAccess();

    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/api/v2/detect?page=1&page_size=10");
    assertCommonHeaders(request);
  }

  @Test
  void checkAccessThrowsTheTypedErrorOfAWrongTokenOrBaseUrl() {
    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(aResponse().withStatus(401)
        .withBody("{\"success\": false, \"message\": \"Invalid API key\"}")));
    assertThatThrownBy(() -> client.checkAccess()).isInstanceOf(UnauthorizedException.class);

    wm.stubFor(get(urlPathEqualTo("/api/v2/detect")).willReturn(aResponse().withStatus(404)
        .withBody("{\"success\": false, \"message\": \"Not found\"}")));
    assertThatThrownBy(() -> client.checkAccess()).isInstanceOf(NotFoundException.class)
        .hasMessageEndingWith("Check the base URL; it should look like"
            + " https://app.resemble.ai/api/v2.");
  }

  @Test
  void listDetectsRefusesPageSizesTheApiDoesNotAllowWithoutARequest() {
    assertThatThrownBy(() -> client.listDetects(1, 9)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The page size must be between 10 and 1000, not 9.");
    assertThatThrownBy(() -> client.listDetects(1, 1001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.listDetects(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The page number must be 1 or more, not 0.");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  private static final DetectOptions ALL_DETECT_OPTIONS = DetectOptions.builder()
      .callbackUrl("https://ci.example.com/hook")
      .intelligence(true)
      .visualize(false)
      .audioSourceTracing(true)
      .frameLength(3)
      .startRegion(1.5)
      .endRegion(30.0)
      .maxVideoSecs(120.0)
      .maxVideoFps(12.5)
      .modelTypes("talking_head")
      .useReverseSearch(true)
      .useOodDetector(false)
      .zeroRetentionMode(true)
      .build();

  @Test
  void createDetectUploadsTheFileWithEverySingleDetectFieldAndNoBatchOnlyOne() {
    wm.stubFor(post("/api/v2/detect").willReturn(okJson(Payloads.DETECT_CREATED)));
    Path amr = TestClients.write(dir.resolve("call.amr"), "#!AMR");

    Detection d = client.createDetect(new DetectRequest(new DetectRequest.Upload(amr, null),
        ALL_DETECT_OPTIONS));

    assertThat(d.uuid()).isEqualTo("DETECTION_UUID");
    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/api/v2/detect");
    assertCommonHeaders(request);
    List<Multipart.Part> parts = Multipart.parse(request.getHeader("Content-Type"), request.getBody());
    assertThat(formFields(parts)).containsExactly(
        Map.entry("callback_url", "https://ci.example.com/hook"),
        Map.entry("intelligence", "true"),
        Map.entry("visualize", "false"),
        Map.entry("audio_source_tracing", "true"),
        Map.entry("frame_length", "3"),
        Map.entry("start_region", "1.5"),
        Map.entry("end_region", "30"),
        Map.entry("max_video_secs", "120"),
        Map.entry("max_video_fps", "12.5"),
        Map.entry("model_types", "talking_head"),
        Map.entry("use_reverse_search", "true"),
        Map.entry("use_ood_detector", "false"),
        Map.entry("zero_retention_mode", "true"));
    Multipart.Part file = parts.get(parts.size() - 1);
    assertThat(file.name()).isEqualTo("file");
    assertThat(file.filename()).isEqualTo("call.amr");
    assertThat(file.contentType()).isEqualTo("audio/amr");
    assertThat(file.text()).isEqualTo("#!AMR");
  }

  @Test
  void aFileSentAloneWithTheBatchsOptionsCarriesOnlyWhatTheSingleEndpointDocuments() {
    wm.stubFor(post("/api/v2/detect").willReturn(okJson(Payloads.DETECT_CREATED)));
    Path wav = TestClients.write(dir.resolve("alone.wav"), "RIFF");

    client.createDetect(new DetectRequest(new DetectRequest.Upload(wav, null),
        DetectOptions.from(ALL_OPTIONS.toBuilder().searchIdentity(true).useLlm(true).build())));

    List<Multipart.Part> parts =
        Multipart.parse(onlyRequest().getHeader("Content-Type"), onlyRequest().getBody());
    assertThat(formFields(parts)).containsExactly(
        Map.entry("callback_url", "https://ci.example.com/hook"),
        Map.entry("intelligence", "true"),
        Map.entry("visualize", "false"),
        Map.entry("audio_source_tracing", "true"),
        Map.entry("frame_length", "2"),
        Map.entry("start_region", "1.5"),
        Map.entry("end_region", "30"),
        Map.entry("max_video_secs", "120"),
        Map.entry("zero_retention_mode", "true"));
  }

  @Test
  void createDetectFromUrlSendsJsonWithTypedOptions() throws Exception {
    wm.stubFor(post("/api/v2/detect").willReturn(okJson(Payloads.DETECT_CREATED)));

    client.createDetect(new DetectRequest(new DetectRequest.Url("https://cdn.example.com/a.mp4"),
        ALL_DETECT_OPTIONS));

    LoggedRequest request = onlyRequest();
    assertCommonHeaders(request);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(new ObjectMapper().readTree(request.getBodyAsString())).isEqualTo(new ObjectMapper()
        .readTree("""
            {"url": "https://cdn.example.com/a.mp4", "callback_url": "https://ci.example.com/hook",
             "intelligence": true, "visualize": false, "audio_source_tracing": true,
             "frame_length": 3, "start_region": 1.5, "end_region": 30.0, "max_video_secs": 120.0,
             "max_video_fps": 12.5, "model_types": "talking_head", "use_reverse_search": true,
             "use_ood_detector": false, "zero_retention_mode": true}
            """));
  }

  @Test
  void createDetectFromMediaTokenSendsJson() throws Exception {
    wm.stubFor(post("/api/v2/detect").willReturn(okJson(Payloads.DETECT_CREATED)));

    client.createDetect(new DetectRequest(new DetectRequest.MediaToken("jwt.token.value"), null));

    assertThat(new ObjectMapper().readTree(onlyRequest().getBodyAsString()))
        .isEqualTo(new ObjectMapper().readTree("{\"media_token\":\"jwt.token.value\"}"));
  }

  @Test
  void createSecureUploadSendsTheFileAndReturnsTheToken() {
    wm.stubFor(post("/api/v2/secure_uploads").willReturn(okJson(Payloads.SECURE_UPLOAD)));
    Path big = TestClients.write(dir.resolve("long.flac"), "fLaC");

    SecureUpload upload = client.createSecureUpload(big);

    assertThat(upload.mediaToken()).isEqualTo("media-token-of-the-secure-upload");
    assertThat(upload.toString()).doesNotContain(upload.mediaToken());
    LoggedRequest request = onlyRequest();
    assertThat(request.getUrl()).isEqualTo("/api/v2/secure_uploads");
    assertCommonHeaders(request);
    List<Multipart.Part> parts = Multipart.parse(request.getHeader("Content-Type"), request.getBody());
    assertThat(parts).extracting(Multipart.Part::name, Multipart.Part::filename, Multipart.Part::text)
        .containsExactly(tuple("file", "long.flac", "fLaC"));
  }

  @Test
  void closedClientRefusesCalls() {
    client.close();

    assertThatThrownBy(() -> client.getDetect("x")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
