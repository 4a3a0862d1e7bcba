package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchEndpointTest extends SimulatorFixture {

  @Test
  void createsBatchOfFilesAnswering202WithOneDetectPerFile() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "a.wav", Media.wav(1, 8000))
        .file("files[]", "b.png", Media.bytes(10)));

    assertThat(response.status()).isEqualTo(202);
    JsonNode item = response.item();
    assertThat(response.json().get("success").asBoolean()).isTrue();
    assertThat(item.get("status").asText()).isEqualTo("processing");
    assertThat(item.get("total_files").asInt()).isEqualTo(2);
    assertThat(item.get("completed_count").asInt()).isZero();
    assertThat(item.get("failed_count").asInt()).isZero();
    assertThat(item.get("created_at").asText()).endsWith("Z");
    assertThat(item.get("detect_uuids")).hasSize(2);
    ReceivedBatch batch = SIM.simulator().batches().get(0);
    assertThat(batch.uuid()).isEqualTo(item.get("uuid").asText());
    assertThat(batch.fileNames()).containsExactly("a.wav", "b.png");
    assertThat(batch.zipIntake()).isFalse();
  }

  @Test
  void batchCompletesWhenEveryFileSucceeds() {
    String uuid = createBatch("one.wav", "two.mp3").item().get("uuid").asText();

    JsonNode done = api.awaitBatch(uuid);

    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("completed_count").asInt()).isEqualTo(2);
    assertThat(done.get("failed_count").asInt()).isZero();
  }

  @Test
  void batchIsPartiallyFailedWhenSomeFilesFail() {
    String uuid = createBatch("fine.wav", "corrupt-take.wav", "also-fine.mp4").item().get("uuid").asText();

    JsonNode done = api.awaitBatch(uuid);

    assertThat(done.get("status").asText()).isEqualTo("partially_failed");
    assertThat(done.get("completed_count").asInt()).isEqualTo(2);
    assertThat(done.get("failed_count").asInt()).isEqualTo(1);
  }

  @Test
  void batchFailsWhenEveryFileFails() {
    String uuid = createBatch("corrupt1.wav", "corrupt2.wav").item().get("uuid").asText();

    JsonNode done = api.awaitBatch(uuid);

    assertThat(done.get("status").asText()).isEqualTo("failed");
    assertThat(done.get("completed_count").asInt()).isZero();
    assertThat(done.get("failed_count").asInt()).isEqualTo(2);
  }

  @Test
  void batchStaysProcessingUntilItsSlowestFileIsDone() {
    SIM.simulator().rules(ScoringRules.of(
        ScoringRule.scoring("*slow*", 0.04).withProcessingTime(Duration.ofMinutes(10))));
    String uuid = createBatch("quick.wav", "slow.wav").item().get("uuid").asText();
    String quickDetect = SIM.simulator().batches().get(0).detectUuids().get(0);

    api.awaitDetect(quickDetect);
    JsonNode batch = api.get("/detect/batch/" + uuid).item();

    assertThat(batch.get("status").asText()).isEqualTo("processing");
    assertThat(batch.get("completed_count").asInt()).isEqualTo(1);
    assertThat(batch.get("failed_count").asInt()).isZero();
  }

  @Test
  void detectUuidsFollowSubmissionOrderAndMapToFileNames() {
    String uuid = createBatch("first.wav", "second.jpg", "third.mov").item().get("uuid").asText();

    JsonNode batch = api.awaitBatch(uuid);

    List<String> names = new ArrayList<>();
    for (JsonNode id : batch.get("detect_uuids")) {
      names.add(api.get("/detect/" + id.asText()).item().get("filename").asText());
    }
    assertThat(names).containsExactly("first.wav", "second.jpg", "third.mov");
  }

  @Test
  void takesZipIntakeFlatteningFoldersAndSkippingNonMedia() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("voices/take1.wav", Media.wav(2, 8000));
    entries.put("voices/deep/fake-take2.mp3", Media.bytes(3000));
    entries.put("notes.txt", Media.bytes(20));
    entries.put("__MACOSX/voices/._take1.wav", Media.bytes(20));
    entries.put(".DS_Store", Media.bytes(20));
    entries.put("images/photo.PNG", Media.bytes(50));

    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("file", "media.zip", "application/zip", Media.zip(entries)));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.item().get("total_files").asInt()).isEqualTo(3);
    ReceivedBatch batch = SIM.simulator().batches().get(0);
    assertThat(batch.zipIntake()).isTrue();
    assertThat(batch.fileNames()).containsExactly("take1.wav", "fake-take2.mp3", "photo.PNG");
    api.awaitBatch(batch.uuid());
    JsonNode fake = api.get("/detect/" + batch.detectUuids().get(1)).item();
    assertThat(fake.get("metrics").get("label").asText()).isEqualTo("fake");
  }

  @Test
  void rejectsZipWithoutMedia() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("file", "docs.zip", Media.zip(Map.of("readme.txt", Media.bytes(5)))));

    assertBadRequest(response, "no supported media");
  }

  @Test
  void rejectsFilePartThatIsNotAZip() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("file", "voice.wav", Media.wav(1, 8000)));

    assertBadRequest(response, ".zip archive");
  }

  @Test
  void rejectsBothIntakeModes() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "a.wav", Media.wav(1, 8000))
        .file("file", "more.zip", Media.zip(Map.of("b.wav", Media.wav(1, 8000)))));

    assertBadRequest(response, "not both");
  }

  @Test
  void rejectsNeitherIntakeMode() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart().field("visualize", "true"));

    assertBadRequest(response, "No files");
  }

  @Test
  void rejectsMoreThanFiftyFiles() {
    Multipart body = new Multipart();
    for (int i = 0; i < 51; i++) {
      body.file("files[]", "f" + i + ".wav", Media.bytes(4));
    }

    assertBadRequest(api.postMultipart("/detect/batch", body), "at most 50 files");
  }

  @Test
  void acceptsExactlyFiftyFiles() {
    Multipart body = new Multipart();
    for (int i = 0; i < 50; i++) {
      body.file("files[]", "f" + i + ".wav", Media.bytes(4));
    }

    assertThat(api.postMultipart("/detect/batch", body).status()).isEqualTo(202);
  }

  @Test
  void rejectsExtensionOutsideTheBatchAllowlist() {
    Api.Response amr = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "ok.wav", Media.bytes(4))
        .file("files[]", "phone.amr", Media.bytes(4)));

    assertBadRequest(amr, "phone.amr is not a supported file type");
  }

  @Test
  void rejectsEmptyFile() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "empty.wav", new byte[0]));

    assertBadRequest(response, "empty.wav is empty");
  }

  @Test
  void rejectsPreferWait() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "a.wav", Media.bytes(4)), "Prefer", "wait");

    assertBadRequest(response, "Prefer: wait");
  }

  @Test
  void rejectsFrameLengthOutsideOneToFour() {
    for (String frameLength : List.of("0", "5", "two", "2.5")) {
      Api.Response response = api.postMultipart("/detect/batch", new Multipart()
          .file("files[]", "a.wav", Media.bytes(4))
          .field("frame_length", frameLength));

      assertBadRequest(response, "frame_length");
    }
  }

  @Test
  void rejectsBooleanFieldThatIsNotTrueOrFalse() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "a.wav", Media.bytes(4))
        .field("intelligence", "yes"));

    assertBadRequest(response, "intelligence must be true or false");
  }

  @Test
  void rejectsBodyThatIsNotMultipart() {
    assertBadRequest(api.postJson("/detect/batch", "{\"files\": []}"), "multipart/form-data");
  }

  @Test
  void remembersFormFieldsAsSent() {
    api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "a.wav", Media.bytes(4))
        .field("visualize", "false")
        .field("intelligence", "true")
        .field("frame_length", "3")
        .field("start_region", "1.5")
        .field("callback_url", "https://example.test/hook")
        .field("use_llm", "true"));

    assertThat(SIM.simulator().batches().get(0).fields())
        .containsEntry("visualize", "false")
        .containsEntry("intelligence", "true")
        .containsEntry("frame_length", "3")
        .containsEntry("start_region", "1.5")
        .containsEntry("callback_url", "https://example.test/hook")
        .containsEntry("use_llm", "true");
  }

  @Test
  void settingsApplyToEveryFile() {
    String uuid = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "a.wav", Media.wav(1, 8000))
        .file("files[]", "b.wav", Media.wav(1, 8000))
        .field("visualize", "false")
        .field("intelligence", "true"))
        .item().get("uuid").asText();

    for (JsonNode id : api.awaitBatch(uuid).get("detect_uuids")) {
      JsonNode detect = api.get("/detect/" + id.asText()).item();
      assertThat(detect.get("visualize").asBoolean()).isFalse();
      assertThat(detect.get("metrics").get("image").asText()).isEmpty();
      assertThat(detect.get("intelligence").get("detect_uuid").asText()).isEqualTo(id.asText());
    }
  }

  @Test
  void answers404ForUnknownBatch() {
    Api.Response response = api.get("/detect/batch/00000000-0000-0000-0000-000000000000");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("success").asBoolean()).isFalse();
    assertThat(response.json().get("message").asText()).isEqualTo("Detect batch not found");
  }

  @Test
  void countsBatchPostsAndCreatedBatchesSeparately() {
    createBatch("a.wav");
    api.postMultipart("/detect/batch", new Multipart().file("files[]", "bad.txt", Media.bytes(3)));

    Counters counters = SIM.counters();
    assertThat(counters.batchPosts()).isEqualTo(2);
    assertThat(counters.batchesCreated()).isEqualTo(1);
    assertThat(counters.detectsCreated()).isEqualTo(1);
    assertThat(counters.requests(Endpoint.CREATE_BATCH)).isEqualTo(2);
  }

  private Api.Response createBatch(String... names) {
    Multipart body = new Multipart();
    for (String name : names) {
      body.file("files[]", name, name.endsWith(".wav") ? Media.wav(1, 8000) : Media.bytes(1000));
    }
    Api.Response response = api.postMultipart("/detect/batch", body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    return response;
  }
}
