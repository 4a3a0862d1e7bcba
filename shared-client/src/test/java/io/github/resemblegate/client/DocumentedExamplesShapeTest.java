package io.github.resemblegate.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.simulator.ErrorAnswer;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite, second half: the simulator, asked for what a documented example shows,
 * answers in that example's shape. Every field the example has is there, with the example's JSON
 * type (a null in the example allows anything); the simulator may add fields. The few documented
 * details the simulator knowingly does otherwise are listed with why, and must still differ.
 */
class DocumentedExamplesShapeTest {
  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String TOKEN = "contract-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  /** What the simulator does otherwise than one documented example, and why. */
  private static final Map<String, Set<String>> KNOWN_DIFFERENCES = Map.of(
      // The create page gives an image a duration ("5.0"); the simulator gives images none.
      "create-sync-image.json", Set.of("item.duration: string, simulator null"),
      "create-sync-image-reverse-search.json", Set.of("item.duration: string, simulator null"));

  @BeforeEach
  void finishAtOnce() {
    SIM.simulator().processingTime(Duration.ZERO);
  }

  private record Answer(int status, JsonNode body) {}

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + TOKEN)
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), DocumentedExample.MAPPER.readTree(r.body()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(SIM.baseUrl() + path)).GET());
  }

  /** A multipart POST of one file under {@code part}, with form fields, and extra headers. */
  private Answer upload(String path, String part, List<String> names, Map<String, String> fields,
      String... headers) {
    String boundary = "contract" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition:"
        + " form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
    for (String name : names) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(part).append("\"; filename=\"").append(name)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append("RIFF-").append(name).append("-".repeat(2000)).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private Answer detect(String name, Map<String, String> fields, String... headers) {
    return upload("/detect", "file", List.of(name), fields, headers);
  }

  private JsonNode completedItem(String name, Map<String, String> fields) {
    String uuid = detect(name, fields).body().get("item").get("uuid").asText();
    return get("/detect/" + uuid).body().get("item");
  }

  /** Compares, and checks that the only differences are the known ones of this example. */
  private static void assertShape(String exampleName, JsonNode documented, JsonNode simulated,
      String path) {
    List<String> differences = new ArrayList<>();
    compare(documented, simulated, path, differences);
    assertThat(differences).as("%s against the simulator", exampleName)
        .containsExactlyInAnyOrderElementsOf(KNOWN_DIFFERENCES.getOrDefault(exampleName, Set.of())
            .stream().filter(d -> d.startsWith(path)).toList());
  }

  private static void compare(JsonNode doc, JsonNode sim, String path, List<String> out) {
    if (doc == null || doc.isNull()) {
      return;
    }
    if (sim == null || sim.isMissingNode()) {
      out.add(path + ": " + type(doc) + ", simulator missing");
      return;
    }
    if (!type(doc).equals(type(sim))) {
      out.add(path + ": " + type(doc) + ", simulator " + type(sim));
      return;
    }
    if (doc.isObject()) {
      doc.properties().forEach(e -> compare(e.getValue(), sim.get(e.getKey()),
          path + "." + e.getKey(), out));
    } else if (doc.isArray() && doc.size() > 0 && sim.size() > 0) {
      JsonNode first = null;
      for (JsonNode element : sim) {
        first = first == null || first.isNull() ? element : first;
      }
      compare(doc.get(0), first, path + "[]", out);
    }
  }

  private static String type(JsonNode node) {
    return node.isNull() ? "null" : node.isTextual() ? "string" : node.isNumber() ? "number"
        : node.isBoolean() ? "boolean" : node.isArray() ? "array" : "object";
  }

  private static void assertItemShape(String exampleName, JsonNode simulatedItem) {
    assertShape(exampleName, DocumentedExample.load(exampleName).item(), simulatedItem, "item");
  }

  @Test
  void getAnswersTheGetPagesExampleForEachMediaType() {
    DocumentedExample example = DocumentedExample.load("get-completed.json");
    JsonNode audio = completedItem("fake-voice.wav",
        Map.of("intelligence", "true", "audio_source_tracing", "true"));
    JsonNode image = completedItem("poster.png", Map.of());
    JsonNode video = completedItem("clip.mp4", Map.of());

    JsonNode withoutOtherBlocks = example.item().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) withoutOtherBlocks)
        .remove(List.of("image_metrics", "video_metrics"));
    assertShape(example.name(), withoutOtherBlocks, audio, "item");
    assertShape(example.name(), example.item().get("image_metrics"), image.get("image_metrics"),
        "item.image_metrics");
    assertShape(example.name(), example.item().get("video_metrics"), video.get("video_metrics"),
        "item.video_metrics");
  }

  @Test
  void getAnswersTheZeroRetentionExample() {
    JsonNode item = completedItem("private.wav", Map.of("zero_retention_mode", "true"));

    assertItemShape("get-zero-retention.json", item);
    assertThat(item.get("filename").asText()).matches("redacted_[0-9a-f]{24}\\.wav");
  }

  @Test
  void getAnswersAnUnknownIdAsTheNotFoundExample() {
    DocumentedExample example = DocumentedExample.load("get-not-found.json");

    Answer answer = get("/detect/" + UUID.randomUUID());

    assertThat(answer.status()).isEqualTo(example.status());
    assertThat(answer.body()).isEqualTo(example.body());
  }

  @Test
  void theListAnswersTheListPagesExample() {
    completedItem("voice.wav", Map.of());

    assertShape("list.json", DocumentedExample.load("list.json").body(),
        get("/detect?page=1&page_size=20").body(), "");
  }

  @Test
  void createAnswersTheCreatePagesExamples() {
    assertItemShape("create-async.json", detect("voice.wav", Map.of()).body().get("item"));
    assertItemShape("create-sync-audio.json", detect("voice.wav", Map.of("intelligence", "true"),
        "Prefer", "wait").body().get("item"));
    assertItemShape("create-sync-image.json", detect("image.jpg", Map.of("intelligence", "true"),
        "Prefer", "wait").body().get("item"));
    assertItemShape("create-sync-image-reverse-search.json", detect("fake-image.jpg",
        Map.of("intelligence", "true", "use_reverse_search", "true"), "Prefer", "wait")
        .body().get("item"));
    assertItemShape("create-sync-video.json", detect("fake-clip.mp4",
        Map.of("intelligence", "true", "visualize", "true"), "Prefer", "wait").body().get("item"));
    JsonNode redacted = detect("fake-media.mp3", Map.of("zero_retention_mode", "true"),
        "Prefer", "wait").body().get("item");
    assertItemShape("create-zero-retention.json", redacted);
    assertThat(redacted.get("filename").asText()).matches("redacted_[0-9a-f]{24}\\.mp3");
  }

  @Test
  void theBatchEndpointsAnswerTheBatchExamples() {
    Answer created = upload("/detect/batch", "files[]", List.of("a.wav", "b.mp4", "c.jpg"),
        Map.of());
    assertThat(created.status()).isEqualTo(202);
    assertShape("batch-created.json", DocumentedExample.load("batch-created.json").body(),
        created.body(), "");

    String uuid = created.body().get("item").get("uuid").asText();
    assertShape("batch-status.json", DocumentedExample.load("batch-status.json").body(),
        get("/detect/batch/" + uuid).body(), "");
  }

  @Test
  void errorsTakeEachDocumentedShape() {
    Answer refused = upload("/detect/batch", "files[]", List.of("a.wav"), Map.of(),
        "Prefer", "wait");
    assertThat(refused.status()).isEqualTo(400);
    assertShape("error.json", DocumentedExample.load("error.json").body(), refused.body(), "");

    SIM.simulator().rules(ScoringRules.of(
        ScoringRule.scoring("*crash*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
            .withError(ErrorAnswer.of(500).shaped(ErrorAnswer.Shape.ERROR))),
        ScoringRule.scoring("*undecodable*", 0.1).withAnswer(ScoringRule.Answer.DOCUMENTED
            .withError(ErrorAnswer.of(422).shaped(ErrorAnswer.Shape.ERRORS_MAP)))));
    Answer crash = get("/detect/" + detect("crash.wav", Map.of()).body().get("item").get("uuid")
        .asText());
    assertThat(crash.status()).isEqualTo(500);
    assertShape("error-schema-error.json",
        DocumentedExample.load("error-schema-error.json").body(), crash.body(), "");
    Answer undecodable = get("/detect/" + detect("undecodable.wav", Map.of()).body().get("item")
        .get("uuid").asText());
    assertThat(undecodable.status()).isEqualTo(422);
    assertShape("error-schema-errors.json",
        DocumentedExample.load("error-schema-errors.json").body(), undecodable.body(), "");
  }
}
