package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DetectEndpointTest extends SimulatorFixture {

  @Test
  void createsDetectFromUploadAnsweringTheShortCreateItem() {
    Api.Response response = api.postMultipart("/detect", new Multipart()
        .file("file", "call.wav", "audio/wav", Media.wav(3, 8000)));

    assertThat(response.status()).isEqualTo(200);
    JsonNode item = response.item();
    assertThat(item.get("uuid").asText()).isNotBlank();
    assertThat(item.get("metrics").isObject()).isTrue();
    assertThat(item.get("metrics").size()).isZero();
    assertThat(item.get("media_type").asText()).isEqualTo("audio");
    assertThat(item.get("filename").asText()).isEqualTo("call.wav");
    assertThat(item.has("intelligence")).isTrue();
    assertThat(item.get("status").asText()).as("the OpenAPI schema lists a status").isEqualTo("processing");
    assertThat(SIM.simulator().detects()).singleElement()
        .satisfies(d -> assertThat(d.source()).isEqualTo(ReceivedDetect.Source.UPLOAD));
  }

  @Test
  void createdDetectCompletesWithTheFullItem() {
    String uuid = api.postMultipart("/detect", new Multipart()
        .file("file", "call.wav", Media.wav(3, 8000))).item().get("uuid").asText();

    JsonNode item = api.awaitDetect(uuid);

    assertThat(item.get("status").asText()).isEqualTo("completed");
    for (String field : new String[] {"uuid", "status", "media_type", "filename", "error_message", "duration",
        "created_at", "updated_at", "url", "audio_url", "zero_retention_mode", "media_redacted",
        "extra_params", "metrics", "image_metrics", "video_metrics"}) {
      assertThat(item.has(field)).as(field).isTrue();
    }
    assertThat(item.get("error_message").isNull()).isTrue();
    assertThat(item.get("duration").asDouble()).isEqualTo(3.0);
  }

  @Test
  void waitsForTheResultWithPreferWait() {
    Api.Response response = api.postMultipart("/detect", new Multipart()
        .file("file", "deepfake.mp3", Media.bytes(32_000)), "Prefer", "wait");

    assertThat(response.status()).isEqualTo(200);
    JsonNode item = response.item();
    assertThat(item.get("status").asText()).isEqualTo("completed");
    assertThat(item.get("metrics").get("label").asText()).isEqualTo("fake");
    assertThat(item.get("metrics").get("aggregated_score").asDouble()).isEqualTo(0.97);
  }

  @Test
  void preferWaitAnswersProcessingWhenTheWaitBoundRunsOut() {
    SimulatorOptions options = SimulatorOptions.builder()
        .processingTime(Duration.ofMinutes(5))
        .syncWaitLimit(Duration.ofMillis(50))
        .build();
    try (ResembleSimulator own = ResembleSimulator.start(options)) {
      Api.Response response = new Api(own.baseUrl()).postMultipart("/detect", new Multipart()
          .file("file", "long.wav", Media.wav(1, 8000)), "Prefer", "wait");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.item().get("status").asText()).isEqualTo("processing");
    }
  }

  @Test
  void readsPreferWaitWithOrWithoutSeconds() {
    assertThat(DetectApi.preferWait(null)).isNull();
    assertThat(DetectApi.preferWait("respond-async")).isNull();
    assertThat(DetectApi.preferWait("wait")).isZero();
    assertThat(DetectApi.preferWait("respond-async, wait=7")).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void createsDetectFromUrl() {
    Api.Response response = api.postJson("/detect",
        "{\"url\": \"https://cdn.example.test/media/clip.wmv?sig=1\", \"visualize\": true, \"frame_length\": 1}");

    assertThat(response.status()).isEqualTo(200);
    JsonNode item = api.awaitDetect(response.item().get("uuid").asText());
    assertThat(item.get("media_type").asText()).isEqualTo("video");
    assertThat(item.get("filename").asText()).isEqualTo("clip.wmv");
    assertThat(item.get("url").asText()).isEqualTo("https://cdn.example.test/media/clip.wmv?sig=1");
    assertThat(item.get("metrics").get("score")).hasSize(10);
    assertThat(SIM.simulator().detects().get(0).source()).isEqualTo(ReceivedDetect.Source.URL);
  }

  @Test
  void rejectsUrlOfUnsupportedType() {
    assertBadRequest(api.postJson("/detect", "{\"url\": \"https://example.test/page.html\"}"), "unsupported type");
  }

  @Test
  void rejectsNoSource() {
    assertBadRequest(api.postJson("/detect", "{\"visualize\": true}"), "Exactly one of file, url or media_token");
  }

  @Test
  void rejectsTwoSources() {
    Api.Response response = api.postMultipart("/detect", new Multipart()
        .file("file", "a.wav", Media.wav(1, 8000))
        .field("url", "https://example.test/a.wav"));

    assertBadRequest(response, "got 2");
  }

  @Test
  void acceptsAmrAndThreeGpOnDirectUploadOnly() {
    assertThat(api.postMultipart("/detect", new Multipart().file("file", "memo.amr", Media.bytes(10))).status())
        .isEqualTo(200);
    assertThat(api.postMultipart("/detect", new Multipart().file("file", "clip.3gpp", Media.bytes(10))).status())
        .isEqualTo(200);
  }

  @Test
  void rejectsUnsupportedUploadExtension() {
    assertBadRequest(api.postMultipart("/detect", new Multipart().file("file", "doc.pdf", Media.bytes(10))),
        "doc.pdf is not a supported file type");
  }

  @Test
  void rejectsEmptyUpload() {
    assertBadRequest(api.postMultipart("/detect", new Multipart().file("file", "a.wav", new byte[0])), "empty");
  }

  @Test
  void rejectsNonMediaContentType() {
    assertBadRequest(api.postMultipart("/detect", new Multipart().file("file", "a.wav", "text/plain", Media.bytes(9))),
        "not a media type");
  }

  @Test
  void rejectsBodyThatIsNeitherMultipartNorJson() {
    Api.Response response = api.post("/detect", "text/plain",
        java.net.http.HttpRequest.BodyPublishers.ofString("hello"));

    assertBadRequest(response, "multipart/form-data");
  }

  @Test
  void rejectsMalformedJson() {
    assertBadRequest(api.postJson("/detect", "{\"url\": "), "not a JSON object");
  }

  @Test
  void failsDetectOfCorruptFileWithErrorMessage() {
    String uuid = api.postMultipart("/detect", new Multipart().file("file", "corrupt.wav", Media.wav(1, 8000)))
        .item().get("uuid").asText();

    JsonNode item = api.awaitDetect(uuid);

    assertThat(item.get("status").asText()).isEqualTo("failed");
    assertThat(item.get("error_message").asText()).contains("corrupt");
    assertThat(item.get("metrics").isNull()).isTrue();
  }

  @Test
  void reportsProcessingWithEmptyMetricsBeforeDone() {
    SIM.simulator().processingTime(Duration.ofMinutes(5));
    String uuid = api.postMultipart("/detect", new Multipart().file("file", "a.wav", Media.wav(1, 8000)))
        .item().get("uuid").asText();

    JsonNode item = api.get("/detect/" + uuid).item();

    assertThat(item.get("status").asText()).isEqualTo("processing");
    assertThat(item.get("metrics").size()).isZero();
    assertThat(item.get("duration").isNull()).isTrue();
  }

  @Test
  void answers404DetectNotFoundForUnknownId() {
    Api.Response response = api.get("/detect/5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"success\":false,\"message\":\"Detect not found\"}");
  }

  @Test
  void answers404ForUnknownRoute() {
    Api.Response response = api.get("/voices");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("success").asBoolean()).isFalse();
    assertThat(SIM.counters().requests(Endpoint.OTHER)).isEqualTo(1);
  }

  @Test
  void reportsAudioSourceTracingForFakeAudioWhenAsked() {
    String uuid = api.postMultipart("/detect", new Multipart()
        .file("file", "fake-voice.wav", Media.wav(2, 8000))
        .field("audio_source_tracing", "true")).item().get("uuid").asText();

    JsonNode item = api.awaitDetect(uuid);

    assertThat(item.get("audio_source_tracing").get("label").asText()).isEqualTo("resemble_ai");
    assertThat(item.get("audio_source_tracing_enabled").asBoolean()).isTrue();
  }
}
