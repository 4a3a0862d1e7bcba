package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract suite, first half: every response body the documentation publishes, answered to
 * the real client, reads to the values the documentation means. The other half,
 * DocumentedExamplesShapeTest, holds the simulator to the same bodies.
 */
class DocumentedExamplesReadTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  @TempDir
  Path dir;

  private ResembleClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm, new FakeTime()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** Every request is answered with the example, as its documented status. */
  private DocumentedExample answerWith(String name) {
    DocumentedExample example = DocumentedExample.load(name);
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(example.status())
        .withHeader("Content-Type", "application/json").withBody(example.text())));
    return example;
  }

  private Detection completed(String name) {
    answerWith(name);
    DetectResult result = client.getResult("DETECTION_UUID");
    assertThat(result).isInstanceOf(DetectResult.Completed.class);
    return ((DetectResult.Completed) result).detection();
  }

  private Detection created(String name) {
    answerWith(name);
    return client.createDetect(new DetectRequest(
        new DetectRequest.Url("https://example.com/media.mp4"), null));
  }

  @Test
  void theGetExampleReadsAsAFakeAudioWithEveryBlockAndFinding() {
    Detection d = completed("get-completed.json");

    MediaType type = d.mediaTypeOr(MediaType.VIDEO);
    assertThat(type).as("the API's media_type wins").isEqualTo(MediaType.AUDIO);
    assertThat(d.score(type)).isEqualTo(new ScoreReading.Scored(0.566, "metrics.aggregated_score"));
    assertThat(d.label(type)).isEqualTo("fake");
    assertThat(d.audio().chunkScores()).containsExactly(0.9, 0.8, 0.7);
    assertThat(d.audio().consistency()).isEqualTo(0.85);
    assertThat(d.score(MediaType.IMAGE)).isEqualTo(new ScoreReading.Scored(1.0, "image_metrics.score"));
    assertThat(d.image().iflScore()).isEqualTo(1.0);
    assertThat(d.score(MediaType.VIDEO)).isEqualTo(new ScoreReading.Scored(0.9, "video_metrics.score"));
    assertThat(d.video().certainty()).isEqualTo(0.9);
    assertThat(d.video().conclusion()).isEqualTo("Fake");
    assertThat(d.video().frames()).containsExactly(new Detection.TimedScore(0.23, 0.9));
    assertThat(d.findings().sourceTracing()).isEqualTo(new Detection.SourceTracing("resemble_ai", null));
    assertThat(d.findings().intelligence().description())
        .isEqualTo("Adult male speaker with confident tone discussing...");
    assertThat(d.findings().intelligence().uuid()).isEqualTo("INTELLIGENCE_UUID");
    assertThat(d.durationSeconds()).isEqualTo(8.2);
    assertThat(d.filename()).isEqualTo("suspicious.wav");
    assertThat(d.url()).isEqualTo("https://storage.example.com/audio/suspicious.wav");
    assertThat(d.retention()).isEqualTo(Detection.Retention.NONE);
  }

  @Test
  void theZeroRetentionExampleReadsAsRedactedAndPurged() {
    Detection d = completed("get-zero-retention.json");

    assertThat(d.retention()).isEqualTo(new Detection.Retention(true, true, true,
        "2024-01-15T10:31:00Z"));
    assertThat(d.url()).isNull();
    assertThat(d.filename()).isEqualTo("redacted_abc123def4567890abcd1234.wav");
    assertThat(d.score(MediaType.AUDIO)).isEqualTo(new ScoreReading.Scored(0.566,
        "metrics.aggregated_score"));
  }

  @Test
  void theNotFoundExampleEndsTheFileWithTheApisWords() {
    answerWith("get-not-found.json");

    assertThat(client.getResult("DETECTION_UUID")).isEqualTo(new DetectResult.Failed(
        "DETECTION_UUID", "the API answered 404 Not Found for this file's result: Detect not found",
        "Detect not found", 404, false));
  }

  @Test
  void theListExampleReadsItsPageAndItsNumberTypedItem() {
    answerWith("list.json");

    DetectPage page = client.listDetects(1, 20);

    assertThat(List.of(page.page(), page.numPages(), page.pageSize(), page.totalCount()))
        .containsExactly(1, 5, 20, 87);
    Detection d = page.items().get(0);
    assertThat(DetectResult.of(d)).isInstanceOf(DetectResult.Completed.class);
    assertThat(d.score(d.mediaTypeOr(MediaType.UNKNOWN)))
        .isEqualTo(new ScoreReading.Scored(0.92, "metrics.aggregated_score"));
    assertThat(d.label(MediaType.AUDIO)).isEqualTo("real");
    assertThat(d.audio().chunkScores()).containsExactly(0.92, 0.88, 0.95);
    assertThat(d.audio().consistency()).isEqualTo(0.94);
    assertThat(d.durationSeconds()).isEqualTo(12.5);
    assertThat(d.filename()).isEqualTo("file.wav");
  }

  @Test
  void theAsyncCreateExampleHasNoStatusAndSaysSo() {
    Detection d = created("create-async.json");

    assertThat(d.uuid()).isEqualTo("DETECTION_UUID");
    assertThat(d.status()).isEqualTo(DetectStatus.MISSING);
    assertThat(d.mediaType()).isEqualTo(MediaType.AUDIO);
    assertThat(d.findings()).isEqualTo(Detection.Findings.NONE);
  }

  @Test
  void theSyncAudioExampleReadsItsStringScoresAndDuration() {
    Detection d = created("create-sync-audio.json");

    assertThat(d.status()).as("no status, but its scores prove it completed")
        .isEqualTo(DetectStatus.COMPLETED);
    assertThat(d.score(MediaType.AUDIO)).isEqualTo(new ScoreReading.Scored(0.80,
        "metrics.aggregated_score"));
    assertThat(d.durationSeconds()).isEqualTo(5.2);
    assertThat(d.findings().intelligence().summary())
        .isEqualTo("Adult male speaker with confident tone...");
  }

  @Test
  void theSyncImageExamplesReadTheScoreAndTheReverseSearchSources() {
    Detection plain = created("create-sync-image.json");
    assertThat(plain.score(plain.mediaTypeOr(MediaType.UNKNOWN)))
        .isEqualTo(new ScoreReading.Scored(1.0, "image_metrics.score"));
    assertThat(plain.label(MediaType.IMAGE)).isEqualTo("fake");
    assertThat(plain.image().reverseSearchSources()).isEmpty();

    Detection searched = created("create-sync-image-reverse-search.json");
    assertThat(searched.image().reverseSearchSources())
        .extracting(Detection.ReverseSearchSource::title, Detection.ReverseSearchSource::verdict,
            Detection.ReverseSearchSource::similarity)
        .containsExactly(tuple("example-stock-site.com", "known_fake", 1.0),
            tuple("another-stock-site.com", "known_fake", 0.9));
  }

  @Test
  void theSyncVideoExampleReadsBothTracksAndTheVerdictWords() {
    Detection d = created("create-sync-video.json");

    assertThat(d.score(MediaType.VIDEO)).isEqualTo(new ScoreReading.Scored(0.95, "video_metrics.score"));
    assertThat(d.video().certainty()).isEqualTo(0.93);
    assertThat(d.video().conclusion()).isEqualTo("Fake");
    assertThat(d.video().frames()).containsExactly(new Detection.TimedScore(0.23, 0.9));
    assertThat(d.audioTrackScore()).isEqualTo(new ScoreReading.Scored(0.80, "metrics.aggregated_score"));
    assertThat(d.durationSeconds()).isEqualTo(10.5);
  }

  @Test
  void theZeroRetentionCreateExampleReadsAsRedactedButNotYetPurged() {
    Detection d = created("create-zero-retention.json");

    assertThat(d.retention()).isEqualTo(new Detection.Retention(true, true, false, null));
    assertThat(d.filename()).isEqualTo("redacted_abc123def4567890abcd1234.mp3");
    assertThat(d.status()).isEqualTo(DetectStatus.COMPLETED);
  }

  @Test
  void theBatchExamplesReadTheirCountsAndIds() {
    answerWith("batch-created.json");
    DetectBatch created = client.createBatch(BatchRequest.of(
        List.of(TestClients.write(dir.resolve("a.wav"), "RIFF")), null, null));
    assertThat(created).isEqualTo(new DetectBatch("BATCH_UUID", BatchStatus.PROCESSING, 3, 0, 0,
        "2024-01-15T09:30:00Z", List.of("D1", "D2", "D3")));

    answerWith("batch-status.json");
    DetectBatch polled = client.getBatch("string");
    assertThat(List.of(polled.totalFiles(), polled.completedCount(), polled.failedCount()))
        .containsExactly(1, 1, 1);
    assertThat(polled.status()).isEqualTo(BatchStatus.PROCESSING);
  }

  @Test
  void everyDocumentedErrorShapeEndsTheFileWithItsWords() {
    answerWith("error.json");
    assertThat(client.getResult("d")).isEqualTo(new DetectResult.Failed("d",
        "the API answered 400 Bad Request for this file's result: Why the request failed",
        "Why the request failed", 400, false));

    answerWith("error-schema-error.json");
    assertThat(client.getResult("d")).isEqualTo(new DetectResult.Failed("d",
        "the API answered 500 Internal Server Error for this file's result: Error message",
        "Error message", 500, true));

    answerWith("error-schema-errors.json");
    assertThat(client.getResult("d")).isEqualTo(new DetectResult.Failed("d",
        "the API answered 422 Unprocessable Content for this file's result: file could not be"
            + " decoded", "file could not be decoded", 422, false));
  }
}
