package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.BatchStatus;
import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.TimedScore;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.Payloads;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  private Detection detection(String text) throws Exception {
    return ResponseParser.detection(json(text), null);
  }

  @Test
  void readsCreatedBatch() throws Exception {
    DetectBatch batch = ResponseParser.batch(json(Payloads.BATCH_CREATED), null);

    assertThat(batch).isEqualTo(new DetectBatch("BATCH_UUID", BatchStatus.PROCESSING, 3, 0, 0,
        "2024-01-15T09:30:00Z", java.util.List.of("D1", "D2", "D3")));
  }

  @Test
  void readsBatchCountsGivenAsStringsAndIdsWithOrWithoutHyphens() throws Exception {
    DetectBatch batch = ResponseParser.batch(json(Payloads.BATCH_PARTIALLY_FAILED_STRINGS), null);

    assertThat(batch.uuid()).isEqualTo("0b6b2c3e9d2f4c1a8e7f6d5c4b3a2910");
    assertThat(batch.status()).isEqualTo(BatchStatus.PARTIALLY_FAILED);
    assertThat(batch.totalFiles()).isEqualTo(3);
    assertThat(batch.completedCount()).isEqualTo(2);
    assertThat(batch.failedCount()).isEqualTo(1);
    assertThat(batch.detectUuids()).containsExactly("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1",
        "8c6e7a99f3faee6e0ec0cb138bdd4a20", "D3");
  }

  @Test
  void refusesCreatedBatchWithoutUuidButFallsBackToTheRequestedOneOnStatus() throws Exception {
    JsonNode noUuid = json("{\"success\": true, \"item\": {\"status\": \"completed\"}}");

    assertThatThrownBy(() -> ResponseParser.batch(noUuid, null))
        .isInstanceOf(UnexpectedShapeException.class).hasMessageContaining("no uuid");
    assertThat(ResponseParser.batch(noUuid, "B1").uuid()).isEqualTo("B1");
  }

  @Test
  void readsAudioWithStringNumbers() throws Exception {
    Detection d = detection(Payloads.AUDIO_STRINGS);

    assertThat(d.uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
    assertThat(d.status()).isEqualTo(DetectStatus.COMPLETED);
    assertThat(d.mediaType()).isEqualTo(MediaType.AUDIO);
    assertThat(d.filename()).isEqualTo("intro.wav");
    assertThat(d.durationSeconds()).isEqualTo(5.2);
    assertThat(d.url()).isEqualTo("https://example.com/intro.wav");
    assertThat(d.audio().label()).isEqualTo("fake");
    assertThat(d.audio().aggregatedScore()).isEqualTo(0.566);
    assertThat(d.audio().chunkScores()).containsExactly(0.9, 0.8, 0.7);
    assertThat(d.audio().consistency()).isEqualTo(0.85);
    assertThat(d.audio().heatmapUrl()).isEqualTo("https://example.com/heatmap.png");
    assertThat(d.image()).isNull();
    assertThat(d.video()).isNull();
  }

  @Test
  void readsAudioWithNumbersKeepingNullChunksAndNormalisingPercentConsistency() throws Exception {
    Detection d = detection(Payloads.AUDIO_NUMBERS);

    assertThat(d.uuid()).isEqualTo("8c6e7a99f3faee6e0ec0cb138bdd4a20");
    assertThat(d.durationSeconds()).isEqualTo(8.2);
    assertThat(d.audio().label()).isEqualTo("real");
    assertThat(d.audio().aggregatedScore()).isEqualTo(0.1);
    assertThat(d.audio().chunkScores()).containsExactly(0.12, 0.08, null);
    assertThat(d.audio().consistency()).isCloseTo(0.92, within(1e-9));
  }

  @Test
  void dropsInlineDataHeatmapsWhileParsing() throws Exception {
    Detection audio = detection(Payloads.AUDIO_NUMBERS);
    Detection image = detection(Payloads.IMAGE_STRING);

    assertThat(audio.audio().heatmapUrl()).isNull();
    assertThat(image.image().heatmapUrl()).isNull();
    assertThat(audio.toString()).doesNotContain("data:").doesNotContain("base64");
    assertThat(image.toString()).doesNotContain("data:").doesNotContain("base64");
    assertThat(detection(Payloads.IMAGE_NUMBER).toString()).doesNotContain("data:");
    assertThat(detection(Payloads.VIDEO_NUMBERS).toString()).doesNotContain("data:");
  }

  @Test
  void readsImageScoreGivenAsNumberOrString() throws Exception {
    Detection number = detection(Payloads.IMAGE_NUMBER);
    Detection string = detection(Payloads.IMAGE_STRING);

    assertThat(number.image()).isEqualTo(new Detection.ImageMetrics("fake", 1.0, "FinalResult",
        1.0, "https://example.com/vis.png"));
    assertThat(number.audio()).as("metrics {} means no audio metrics").isNull();
    assertThat(string.image().score()).isEqualTo(0.9);
    assertThat(string.image().label()).isEqualTo("fake");
    assertThat(string.image().type()).isEqualTo("ImageAnalysis");
  }

  @Test
  void readsVideoFramesFromTheChildrenTreeSortedByTime() throws Exception {
    Detection d = detection(Payloads.VIDEO_NUMBERS);

    assertThat(d.video().label()).isEqualTo("fake");
    assertThat(d.video().score()).isEqualTo(0.95);
    assertThat(d.video().certainty()).isEqualTo(0.93);
    assertThat(d.video().frames()).containsExactly(new TimedScore(0.1, 0.2), new TimedScore(0.23, 0.9));
    assertThat(d.audio().aggregatedScore()).isEqualTo(0.15);
    assertThat(d.durationSeconds()).isEqualTo(12.0);
  }

  @Test
  void readsVideoWithStringsUnknownNodeTypesAndPercentCertainty() throws Exception {
    Detection d = detection(Payloads.VIDEO_STRINGS);

    assertThat(d.video().score()).isEqualTo(0.12);
    assertThat(d.video().certainty()).isCloseTo(0.88, within(1e-9));
    assertThat(d.video().frames()).as("the deepest timestamped nodes are the frames")
        .containsExactly(new TimedScore(1.25, 0.07), new TimedScore(1.5, 0.05));
    assertThat(d.audio()).isNull();
  }

  @Test
  void readsAsyncCreateAnswerWithoutStatus() throws Exception {
    Detection d = detection(Payloads.DETECT_CREATED);

    assertThat(d.uuid()).isEqualTo("DETECTION_UUID");
    assertThat(d.status()).as("nothing in it proves an end").isEqualTo(DetectStatus.MISSING);
    assertThat(d.mediaType()).isEqualTo(MediaType.AUDIO);
    assertThat(d.audio()).isNull();
  }

  @Test
  void resolvesAMissingStatusAsCompletedWhenTheScoresProveIt() throws Exception {
    Detection audio = detection("""
        {"item": {"uuid": "a", "media_type": "audio",
                  "metrics": {"label": "fake", "score": ["0.9"], "aggregated_score": "0.9"}}}
        """);
    Detection image = detection("""
        {"item": {"uuid": "i", "image_metrics": {"label": "Real", "score": 0.1}}}
        """);

    assertThat(audio.status()).isEqualTo(DetectStatus.COMPLETED);
    assertThat(image.status()).isEqualTo(DetectStatus.COMPLETED);
  }

  @Test
  void resolvesAMissingStatusAsFailedWhenOnlyAnErrorMessageIsThere() throws Exception {
    Detection d = detection("""
        {"item": {"uuid": "f", "media_type": "audio", "metrics": null,
                  "error_message": "Media could not be decoded"}}
        """);

    assertThat(d.status()).isEqualTo(DetectStatus.FAILED);
  }

  @Test
  void leavesAMissingStatusMissingWhenNothingProvesAnEnd() throws Exception {
    Detection d = detection("""
        {"item": {"uuid": "m", "media_type": "audio", "metrics": {"label": "fake", "score": []},
                  "error_message": null}}
        """);

    assertThat(d.status()).isEqualTo(DetectStatus.MISSING);
  }

  @Test
  void readsTheIntelligenceDescriptionAsTextOrAsStructuredFields() throws Exception {
    Detection text = detection(Payloads.AUDIO_WITH_FINDINGS);
    Detection structured = detection("""
        {"item": {"uuid": "s", "status": "completed",
                  "intelligence": {"uuid": "i1", "created_at": "2024-01-15T10:30:05Z",
                    "description": {"language": "English", "translation": null,
                      "fraud": {"type": "impersonation", "confidence": 0.8},
                      "liveness": {"assessment": "not_real_person"}}}}}
        """);

    assertThat(text.findings().intelligence().description())
        .isEqualTo("Adult male speaker with confident tone discussing quarterly results.");
    assertThat(text.findings().intelligence().uuid()).isEqualTo("INTELLIGENCE_UUID");
    assertThat(structured.findings().intelligence().description()).isNull();
    assertThat(structured.findings().intelligence().details()).containsExactly(
        Map.entry("language", "English"), Map.entry("fraud.type", "impersonation"),
        Map.entry("fraud.confidence", "0.8"), Map.entry("liveness.assessment", "not_real_person"));
    assertThat(structured.findings().intelligence().summary()).isEqualTo("language: English;"
        + " fraud.type: impersonation; fraud.confidence: 0.8; liveness.assessment: not_real_person");
  }

  @Test
  void readsAudioSourceTracingInBothShapes() throws Exception {
    Detection inline = detection(Payloads.AUDIO_WITH_FINDINGS);
    Detection nested = detection("""
        {"item": {"uuid": "n", "status": "completed",
                  "audio_source_tracing": {"results": {"label": "elevenlabs", "error_message": null}}}}
        """);

    assertThat(inline.findings().sourceTracing())
        .isEqualTo(new Detection.SourceTracing("resemble_ai", null));
    assertThat(nested.findings().sourceTracing())
        .isEqualTo(new Detection.SourceTracing("elevenlabs", null));
    assertThat(detection(Payloads.AUDIO_STRINGS).findings()).isEqualTo(Detection.Findings.NONE);
  }

  @Test
  void readsTheZeroRetentionLifecycleUnderTheOldAndNewNames() throws Exception {
    Detection current = detection("""
        {"item": {"uuid": "z", "status": "completed", "zero_retention_mode": true,
                  "media_redacted": true, "media_deleted": true,
                  "file_deleted_at": "2024-01-15T10:31:00Z", "url": null,
                  "filename": "redacted_abc123def4567890abcd1234.wav"}}
        """);
    Detection older = detection("""
        {"item": {"uuid": "p", "status": "completed", "privacy_mode": "true",
                  "media_redacted": true, "media_deleted": false, "file_deleted_at": null}}
        """);

    assertThat(current.retention())
        .isEqualTo(new Detection.Retention(true, true, true, "2024-01-15T10:31:00Z"));
    assertThat(current.zeroRetention()).isTrue();
    assertThat(older.retention()).isEqualTo(new Detection.Retention(true, true, false, null));
  }

  @Test
  void readsReverseImageSearchSources() throws Exception {
    Detection d = detection(Payloads.IMAGE_REVERSE_SEARCH);

    assertThat(d.image().reverseSearchSources()).containsExactly(
        new Detection.ReverseSearchSource("https://example-stock-site.com/ai-generated-images/",
            "example-stock-site.com", "Labelled as a premium AI-generated image.", "known_fake",
            1.0),
        new Detection.ReverseSearchSource("https://another-stock-site.com/search/ai-art",
            "another-stock-site.com", "Near-identical variations labelled AI generated.",
            "known_fake", 0.9));
  }

  @Test
  void readsTheVideosVerdictWordPosteriorTreeviewAndTheAudioCertainty() throws Exception {
    Detection d = detection("""
        {"item": {"uuid": "v", "status": "completed", "media_type": "video",
                  "metrics": {"label": "fake", "score": ["0.9"], "aggregated_score": "0.9",
                              "certainty": "0.75"},
                  "video_metrics": {"label": "Fake", "score": 0.95, "certainty": 0.93,
                    "posterior": "0.97", "treeview": "https://example.com/tree.html",
                    "children": [{"type": "VideoResult", "conclusion": "Fake", "score": 0.99,
                                  "children": []}]}}}
        """);

    assertThat(d.video().conclusion()).isEqualTo("Fake");
    assertThat(d.video().posterior()).isEqualTo(0.97);
    assertThat(d.video().treeview()).isEqualTo("https://example.com/tree.html");
    assertThat(d.audio().certainty()).isEqualTo(0.75);
  }

  @Test
  void takesTheDurationFromMetricsWhenTheItemHasNone() throws Exception {
    Detection d = detection("""
        {"item": {"uuid": "l", "status": "completed", "media_type": "audio",
                  "metrics": {"label": "real", "score": [0.1], "aggregated_score": 0.1,
                              "duration": 12.5}}}
        """);

    assertThat(d.durationSeconds()).isEqualTo(12.5);
  }

  @Test
  void readsListPage() throws Exception {
    DetectPage page = ResponseParser.page(json(Payloads.LIST));

    assertThat(page.page()).isEqualTo(1);
    assertThat(page.numPages()).isEqualTo(5);
    assertThat(page.pageSize()).isEqualTo(20);
    assertThat(page.totalCount()).isEqualTo(87);
    assertThat(page.items()).extracting(Detection::uuid).containsExactly("a1", "a2");
    assertThat(page.items().get(0).audio().chunkScores()).containsExactly(0.92, 0.88);
    assertThat(page.items().get(1).status()).isEqualTo(DetectStatus.FAILED);
    assertThat(page.items().get(1).errorMessage()).isEqualTo("Could not decode media");
  }

  @Test
  void readsSecureUploadToken() throws Exception {
    assertThat(ResponseParser.secureUpload(json(Payloads.SECURE_UPLOAD)).mediaToken())
        .isEqualTo("media-token-of-the-secure-upload");
    assertThat(ResponseParser.secureUpload(json("{\"item\": {\"token\": \"t2\"}}")).mediaToken())
        .isEqualTo("t2");
    assertThatThrownBy(() -> ResponseParser.secureUpload(json("{\"success\": true}")))
        .isInstanceOf(UnexpectedShapeException.class);
  }

  @Test
  void treatsUnreadableNumbersAsMissingRatherThanGuessing() throws Exception {
    Detection d = detection("""
        {"item": {"uuid": "x", "status": "completed", "media_type": "audio", "duration": "long",
                  "metrics": {"aggregated_score": "n/a", "score": ["0.5", "oops", true],
                              "consistency": 250, "label": "  FAKE "}}}
        """);

    assertThat(d.audio().aggregatedScore()).isNull();
    assertThat(d.audio().chunkScores()).isEqualTo(Arrays.asList(0.5, null, null));
    assertThat(d.audio().consistency()).as("neither a fraction nor a percentage").isNull();
    assertThat(d.audio().label()).isEqualTo("fake");
    assertThat(d.durationSeconds()).isNull();
  }

  @Test
  void acceptsAnItemWithoutEnvelope() throws Exception {
    Detection d = detection("{\"uuid\": \"bare\", \"status\": \"processing\", \"media_type\": \"IMAGE\"}");

    assertThat(d.uuid()).isEqualTo("bare");
    assertThat(d.status()).isEqualTo(DetectStatus.PROCESSING);
    assertThat(d.mediaType()).isEqualTo(MediaType.IMAGE);
  }

  @Test
  void refusesAnswerWithoutItem() {
    assertThatThrownBy(() -> detection("{\"success\": true, \"items\": []}"))
        .isInstanceOf(UnexpectedShapeException.class).hasMessageContaining("no detection 'item'");
  }
}
