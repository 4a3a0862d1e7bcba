package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ZeroRetentionAndLooseTypesTest extends SimulatorFixture {

  @Test
  void redactsFileNameAndMediaUnderZeroRetention() {
    String batch = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "ceo-statement.wav", Media.wav(2, 8000))
        .field("zero_retention_mode", "true")).item().get("uuid").asText();
    String detectUuid = api.awaitBatch(batch).get("detect_uuids").get(0).asText();

    JsonNode item = api.get("/detect/" + detectUuid).item();

    assertThat(item.get("filename").asText()).as("the documented token: 24 hex digits")
        .matches("redacted_[0-9a-f]{24}\\.wav");
    assertThat(item.get("url").isNull()).isTrue();
    assertThat(item.get("audio_url").isNull()).isTrue();
    assertThat(item.get("zero_retention_mode").asBoolean()).isTrue();
    assertThat(item.get("media_redacted").asBoolean()).isTrue();
    assertThat(item.get("media_deleted").asBoolean()).isTrue();
    assertThat(item.get("file_deleted_at").asText()).endsWith("Z");
    assertThat(item.get("metrics").get("image").isNull()).isTrue();
    assertThat(SIM.simulator().detects().get(0).fileName()).isEqualTo("ceo-statement.wav");
  }

  @Test
  void redactsTheSameWayInTheCreateResponseAndTheList() {
    Api.Response created = api.postMultipart("/detect", new Multipart()
        .file("file", "private.mp4", Media.bytes(500))
        .field("zero_retention_mode", "true"));
    String redacted = created.item().get("filename").asText();

    JsonNode listed = api.get("/detect?page=1").json().get("items").get(0);

    assertThat(redacted).startsWith("redacted_").endsWith(".mp4");
    assertThat(listed.get("filename").asText()).isEqualTo(redacted);
    assertThat(created.item().get("url").isNull()).isTrue();
  }

  @Test
  void keepsFileNameAndUrlsWithoutZeroRetention() {
    String uuid = api.postMultipart("/detect", new Multipart().file("file", "open.wav", Media.wav(1, 8000)))
        .item().get("uuid").asText();

    JsonNode item = api.awaitDetect(uuid);

    assertThat(item.get("filename").asText()).isEqualTo("open.wav");
    assertThat(item.get("url").asText()).startsWith("http://127.0.0.1:").endsWith("/open.wav");
    assertThat(item.get("media_redacted").asBoolean()).isFalse();
  }

  @Test
  void audioScoresAreStringsInGetAndNumbersInTheList() {
    String uuid = completedDetect("fake-voice.wav", Media.wav(6, 8000));

    JsonNode single = api.get("/detect/" + uuid).item().get("metrics");
    JsonNode listed = api.get("/detect?page=1").json().get("items").get(0).get("metrics");

    assertThat(single.get("label").asText()).isEqualTo("fake");
    assertThat(single.get("score").get(0).isTextual()).isTrue();
    assertThat(single.get("aggregated_score").isTextual()).isTrue();
    assertThat(single.get("aggregated_score").asText()).isEqualTo("0.97");
    assertThat(single.get("consistency").isTextual()).isTrue();
    assertThat(listed.get("score").get(0).isNumber()).isTrue();
    assertThat(listed.get("aggregated_score").isNumber()).isTrue();
    assertThat(listed.get("aggregated_score").asDouble()).isEqualTo(0.97);
    assertThat(listed.get("consistency").isNumber()).isTrue();
  }

  @Test
  void preferWaitAnswersDurationAndAudioScoresAsStringsAsTheCreatePageShows() {
    JsonNode item = api.postMultipart("/detect", new Multipart()
        .file("file", "voice.wav", Media.wav(4.5, 8000)), "Prefer", "wait").item();

    assertThat(item.get("duration").isTextual()).isTrue();
    assertThat(item.get("duration").asText()).isEqualTo("4.5");
    assertThat(item.get("metrics").get("aggregated_score").isTextual()).isTrue();
    assertThat(item.get("metrics").get("score").get(0).isTextual()).isTrue();
  }

  @Test
  void durationIsANumberInGetAndList() {
    String uuid = completedDetect("voice.wav", Media.wav(2, 8000));

    assertThat(api.get("/detect/" + uuid).item().get("duration").isNumber()).isTrue();
    assertThat(api.get("/detect?page=1").json().get("items").get(0).get("duration").isNumber()).isTrue();
  }

  @Test
  void imageLabelsAreCapitalisedAndTheScoreIsANumberAsEveryPageShowsIt() {
    String uuid = completedDetect("fake-face.jpg", Media.bytes(100));

    JsonNode single = api.get("/detect/" + uuid).item();
    JsonNode listed = api.get("/detect?page=1").json().get("items").get(0);

    assertThat(single.get("metrics").size()).isZero();
    assertThat(single.get("image_metrics").get("label").asText()).isEqualTo("Fake");
    assertThat(single.get("image_metrics").get("type").asText()).isEqualTo("FinalResult");
    assertThat(single.get("image_metrics").get("score").isNumber()).isTrue();
    assertThat(single.get("image_metrics").get("ifl").get("score").asDouble()).isEqualTo(0.97);
    assertThat(listed.get("image_metrics").get("score").isNumber()).isTrue();
    assertThat(single.get("video_metrics").isNull()).isTrue();
    assertThat(single.get("duration").isNull()).isTrue();
  }

  @Test
  void videoHasVisualTreeAndAudioTrackWithLooseTypes() {
    String uuid = completedDetect("clip.mp4", Media.bytes(2_500_000));

    JsonNode single = api.get("/detect/" + uuid).item();
    JsonNode listed = api.get("/detect?page=1").json().get("items").get(0);

    JsonNode video = single.get("video_metrics");
    assertThat(video.get("label").asText()).isEqualTo("Real");
    assertThat(video.get("score").isTextual()).as("the get page shows strings").isTrue();
    assertThat(video.get("certainty").isTextual()).isTrue();
    JsonNode wrapper = video.get("children").get(0);
    assertThat(wrapper.get("type").asText()).isEqualTo("VideoResult");
    JsonNode frame = wrapper.get("children").get(0);
    assertThat(frame.get("type").asText()).isEqualTo("ImageResult");
    assertThat(frame.get("timestamp").isTextual()).isTrue();
    assertThat(frame.get("score").isTextual()).isTrue();
    assertThat(frame.get("certainty (%)").asText()).matches("\\d+\\.\\d");
    assertThat(frame.get("children").get(0).get("type").asText()).isEqualTo("Segment");
    assertThat(single.get("metrics").get("label").asText()).isEqualTo("real");

    JsonNode listedVideo = listed.get("video_metrics");
    assertThat(listedVideo.get("score").isNumber()).as("the schema types the list's scores as numbers").isTrue();
    JsonNode listedFrame = listedVideo.get("children").get(0).get("children").get(0);
    assertThat(listedFrame.get("timestamp").isNumber()).isTrue();
    assertThat(listedFrame.get("certainty (%)").asText()).matches("\\d+%");
  }

  @Test
  void answersTheSameShapesForTheSameRequest() {
    String uuid = completedDetect("fake-voice.wav", Media.wav(7.2, 8000));

    String first = api.get("/detect/" + uuid).body();
    String second = api.get("/detect/" + uuid).body();

    assertThat(second).isEqualTo(first);
  }

  private String completedDetect(String name, byte[] content) {
    String uuid = api.postMultipart("/detect", new Multipart().file("file", name, content))
        .item().get("uuid").asText();
    assertThat(api.awaitDetect(uuid).get("status").asText()).isEqualTo("completed");
    return uuid;
  }
}
