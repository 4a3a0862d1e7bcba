package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the documentation shows and the simulator once did otherwise: Retry-After on every 429,
 * callbacks, the documented error shapes per rule, answers without status or media_type, the
 * findings, the zero-retention token, the list's metrics.duration, unknown query parameters.
 */
class DocumentedAnswersTest extends SimulatorFixture {

  private String completedDetect(String name, byte[] content, String... fields) {
    Multipart body = new Multipart().file("file", name, content);
    for (int i = 0; i < fields.length; i += 2) {
      body.field(fields[i], fields[i + 1]);
    }
    String uuid = api.postMultipart("/detect", body).item().get("uuid").asText();
    api.awaitDetect(uuid);
    return uuid;
  }

  /** The rule for the next files; they finish at once, since some answers hide whether they did. */
  private void rule(ScoringRule rule) {
    SIM.simulator().rules(ScoringRules.of(rule.withProcessingTime(java.time.Duration.ZERO)));
  }

  private String createdDetect(String name, byte[] content) {
    return api.postMultipart("/detect", new Multipart().file("file", name, content)).item()
        .get("uuid").asText();
  }

  @Test
  void everyTooManyRequestsCarriesRetryAfter() {
    SIM.faults().inject(Fault.rateLimited().on(Endpoint.LIST_DETECTS));

    Api.Response response = api.get("/detect?page=1");

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
  }

  @Test
  void callsTheBatchCallbackWithTheTerminalBatchAndTheDetectCallbackWithTheFullItem()
      throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try {
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      String batch = api.postMultipart("/detect/batch", new Multipart()
          .file("files[]", "a.wav", Media.wav(1, 8000))
          .file("files[]", "corrupt.wav", Media.wav(1, 8000))
          .field("callback_url", hook)).item().get("uuid").asText();
      String detect = api.postMultipart("/detect", new Multipart()
          .file("file", "fake-b.wav", Media.wav(1, 8000)).field("callback_url", hook))
          .item().get("uuid").asText();

      awaitCallbacks(2);

      List<SentCallback> sent = SIM.simulator().callbacks();
      assertThat(sent).extracting(SentCallback::status).containsOnly(204);
      JsonNode batchPayload = payloadWith(batch);
      assertThat(batchPayload.get("success").asBoolean()).isTrue();
      assertThat(batchPayload.get("item").get("status").asText()).isEqualTo("partially_failed");
      assertThat(batchPayload.get("item").get("completed_count").asInt()).isEqualTo(1);
      JsonNode detectPayload = payloadWith(detect);
      assertThat(detectPayload.get("item").get("status").asText()).isEqualTo("completed");
      assertThat(detectPayload.get("item").get("metrics").get("aggregated_score").asText())
          .isEqualTo("0.97");
      assertThat(received).hasSize(2);
    } finally {
      receiver.stop(0);
    }
  }

  private static void awaitCallbacks(int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(5);
    while (SIM.simulator().callbacks().size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
  }

  private static JsonNode payloadWith(String uuid) throws IOException {
    for (SentCallback c : SIM.simulator().callbacks()) {
      JsonNode body = Api.MAPPER.readTree(c.body());
      if (uuid.equals(body.path("item").path("uuid").asText())) {
        return body;
      }
    }
    throw new AssertionError("no callback for " + uuid);
  }

  @Test
  void aRuleMakesAFilesResultAnErrorInEachDocumentedShape() {
    rule(ScoringRule.scoring("*gone*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withError(ErrorAnswer.of(404))));
    String gone = createdDetect("gone.wav", Media.wav(1, 8000));
    assertThat(api.get("/detect/" + gone).status()).isEqualTo(404);
    assertThat(api.get("/detect/" + gone).json().get("message").asText())
        .isEqualTo("Detect not found");

    rule(ScoringRule.scoring("*crash*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withError(ErrorAnswer.of(500).shaped(ErrorAnswer.Shape.ERROR).saying("Worker crashed"))));
    String crash = createdDetect("crash.wav", Media.wav(1, 8000));
    assertThat(api.get("/detect/" + crash).json().toString())
        .isEqualTo("{\"success\":false,\"error\":\"Worker crashed\"}");

    rule(ScoringRule.scoring("*bad*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withError(ErrorAnswer.of(422).shaped(ErrorAnswer.Shape.ERRORS_MAP))));
    String bad = createdDetect("bad.wav", Media.wav(1, 8000));
    assertThat(api.get("/detect/" + bad).json().toString())
        .isEqualTo("{\"success\":false,\"errors\":{\"file\":[\"Media could not be processed\"]}}");

    rule(ScoringRule.scoring("*list*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withError(ErrorAnswer.of(400).shaped(ErrorAnswer.Shape.ERRORS_LIST))));
    String list = createdDetect("list.wav", Media.wav(1, 8000));
    assertThat(api.get("/detect/" + list).json().toString())
        .isEqualTo("{\"success\":false,\"errors\":[\"Bad request\"]}");

    rule(ScoringRule.scoring("*ok-but*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withError(ErrorAnswer.of(200).shaped(ErrorAnswer.Shape.DETAIL).saying("No"))));
    String refused = createdDetect("ok-but.wav", Media.wav(1, 8000));
    Api.Response answer = api.get("/detect/" + refused);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo("{\"detail\":\"No\"}");
  }

  @Test
  void aRuleLeavesOutStatusAndMediaTypeOrWritesEveryNumberAsAString() {
    rule(ScoringRule.scoring("*bare*", 0.2).withAnswer(ScoringRule.Answer.DOCUMENTED
        .omitting("status", "media_type")));
    String bare = createdDetect("bare.wav", Media.wav(2, 8000));
    JsonNode item = api.get("/detect/" + bare).item();
    assertThat(item.has("status")).isFalse();
    assertThat(item.has("media_type")).isFalse();
    assertThat(item.get("metrics").get("aggregated_score").asText()).isEqualTo("0.2");

    rule(ScoringRule.scoring("*typed*", 0.2).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withNumbers(ScoringRule.Numbers.STRINGS)));
    createdDetect("typed.png", Media.bytes(10));
    JsonNode listed = api.get("/detect?page=1").json().get("items").get(0);
    assertThat(listed.get("image_metrics").get("score").isTextual()).isTrue();
  }

  @Test
  void theCreateAnswerCarriesStatusUnlessARuleLeavesItOutAsThePagesExampleDoes() {
    JsonNode created = api.postMultipart("/detect", new Multipart()
        .file("file", "a.wav", Media.wav(1, 8000))).item();
    assertThat(created.get("status").asText()).isEqualTo("processing");

    rule(ScoringRule.scoring("*example*", 0.2).withAnswer(ScoringRule.Answer.DOCUMENTED
        .omitting("status")));
    JsonNode example = api.postMultipart("/detect", new Multipart()
        .file("file", "example.wav", Media.wav(1, 8000))).item();
    assertThat(example.has("status")).isFalse();
  }

  @Test
  void findingsComeAsAskedForTextOrStructuredIntelligenceAndTheRulesSourceTracing() {
    rule(ScoringRule.scoring("*deep*", 0.9).withAnswer(ScoringRule.Answer.DOCUMENTED
        .withIntelligence(ScoringRule.IntelligenceForm.STRUCTURED).withSourceTracing("elevenlabs")));
    String uuid = completedDetect("deep.wav", Media.wav(1, 8000), "intelligence", "true",
        "audio_source_tracing", "true");

    JsonNode item = api.get("/detect/" + uuid).item();

    assertThat(item.get("audio_source_tracing").get("label").asText()).isEqualTo("elevenlabs");
    JsonNode description = item.get("intelligence").get("description");
    assertThat(description.get("fraud").get("type").asText()).isEqualTo("synthetic_media_fraud");
    assertThat(description.get("liveness").get("assessment").asText()).isEqualTo("not_real_person");
    assertThat(item.get("intelligence").get("detect_uuid").asText()).isEqualTo(uuid);
  }

  @Test
  void reverseSearchAddsSourcesToAnImage() {
    String uuid = completedDetect("fake-poster.png", Media.bytes(10), "use_reverse_search", "true");

    JsonNode sources = api.get("/detect/" + uuid).item().get("image_metrics")
        .get("reverse_image_search_sources");

    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).get("verdict").asText()).isEqualTo("known_fake");
    assertThat(sources.get(0).get("similarity").asDouble()).isEqualTo(0.9);
  }

  @Test
  void listItemsRepeatTheDurationInsideMetricsAsTheListPageShows() {
    completedDetect("voice.wav", Media.wav(3, 8000));

    JsonNode metrics = api.get("/detect?page=1").json().get("items").get(0).get("metrics");

    assertThat(metrics.get("duration").isNumber()).isTrue();
    assertThat(metrics.get("duration").asDouble()).isEqualTo(3.0);
  }

  @Test
  void refusesQueryParametersTheReadsDoNotDocument() {
    String uuid = completedDetect("a.wav", Media.wav(1, 8000));

    assertBadRequest(api.get("/detect?page=1&status=completed"), "Unknown query parameter status");
    assertBadRequest(api.get("/detect/" + uuid + "?experts=true"), "Unknown query parameter experts");
    assertThat(api.get("/detect?page=1&page_size=10").status()).isEqualTo(200);
  }

  @Test
  void keepsTheUploadedFileNameExactlyInTheList() {
    String name = "vo intro~s7f3 ü.wav";
    completedDetect(name, Media.wav(1, 8000));

    assertThat(api.get("/detect?page=1").json().get("items").get(0).get("filename").asText())
        .isEqualTo(name);
  }

}
