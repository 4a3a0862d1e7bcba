package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.AudioMetrics;
import io.github.resemblegate.client.Detection.ImageMetrics;
import io.github.resemblegate.client.Detection.VideoMetrics;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.Payloads;
import io.github.resemblegate.client.ScoreReading.NoSpeech;
import io.github.resemblegate.client.ScoreReading.Scored;
import io.github.resemblegate.client.ScoreReading.Unscored;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScoreTest {

  private static Detection parse(String json) throws Exception {
    return ResponseParser.detection(new ObjectMapper().readTree(json), null);
  }

  private static Detection of(MediaType type, DetectStatus status, AudioMetrics audio,
      ImageMetrics image, VideoMetrics video) {
    return new Detection("d1", status, type, "f", null, null, false, null, null, audio, image, video);
  }

  private static AudioMetrics audio(Double score) {
    return new AudioMetrics("fake", score, List.of(), null, null);
  }

  @Test
  void audioScoreIsTheAggregatedScore() throws Exception {
    Detection d = parse(Payloads.AUDIO_STRINGS);

    assertThat(d.score()).isEqualTo(new Scored(0.566, "metrics.aggregated_score"));
    assertThat(d.label()).isEqualTo("fake");
  }

  @Test
  void negativeAudioScoreMeansNoSpeech() throws Exception {
    Detection d = parse(Payloads.AUDIO_NO_SPEECH);

    assertThat(d.score()).isEqualTo(new NoSpeech("metrics.aggregated_score", -1.0));
  }

  @Test
  void imageScoreIsImageMetricsScoreWhetherNumberOrString() throws Exception {
    assertThat(parse(Payloads.IMAGE_NUMBER).score()).isEqualTo(new Scored(1.0, "image_metrics.score"));
    assertThat(parse(Payloads.IMAGE_STRING).score()).isEqualTo(new Scored(0.9, "image_metrics.score"));
    assertThat(parse(Payloads.IMAGE_STRING).label()).isEqualTo("fake");
  }

  @Test
  void videoScoreIsTheVisualTrackAndTheAudioTrackIsSeparate() throws Exception {
    Detection d = parse(Payloads.VIDEO_NUMBERS);

    assertThat(d.score()).isEqualTo(new Scored(0.95, "video_metrics.score"));
    assertThat(d.audioTrackScore()).isEqualTo(new Scored(0.15, "metrics.aggregated_score"));
    assertThat(d.label()).isEqualTo("fake");
  }

  @Test
  void videoWithoutAudioTrackHasUnscoredAudioTrack() throws Exception {
    Detection d = parse(Payloads.VIDEO_STRINGS);

    assertThat(d.score()).isEqualTo(new Scored(0.12, "video_metrics.score"));
    assertThat(d.audioTrackScore()).isInstanceOf(Unscored.class);
  }

  @Test
  void scoreAboveOneIsUnscoredNotClamped() {
    Detection d = of(MediaType.AUDIO, DetectStatus.COMPLETED, audio(1.7), null, null);

    assertThat(d.score()).isEqualTo(
        new Unscored("metrics.aggregated_score is 1.7, outside the range 0 to 1"));
  }

  @Test
  void negativeImageScoreIsUnscoredBecauseTheSentinelIsAudioOnly() {
    Detection d = of(MediaType.IMAGE, DetectStatus.COMPLETED, null,
        new ImageMetrics("real", -1.0, null, null, null), null);

    assertThat(d.score()).isInstanceOf(Unscored.class);
    assertThat(((Unscored) d.score()).reason()).contains("image_metrics.score is -1.0");
  }

  @Test
  void missingOrUnreadableScoreIsUnscoredWithTheField() throws Exception {
    Detection unreadable = parse("""
        {"item": {"uuid": "x", "status": "completed", "media_type": "audio",
                  "metrics": {"label": "fake", "aggregated_score": "high"}}}""");
    Detection noMetrics = parse("""
        {"item": {"uuid": "y", "status": "completed", "media_type": "image", "metrics": {}}}""");

    assertThat(unreadable.score()).isEqualTo(
        new Unscored("metrics.aggregated_score is missing or not a number"));
    assertThat(noMetrics.score()).isEqualTo(new Unscored("the image result has no image_metrics"));
    assertThat(noMetrics.label()).isNull();
  }

  @Test
  void failedOrRunningDetectionIsUnscoredEvenIfAScoreIsPresent() {
    Detection failed = new Detection("d", DetectStatus.FAILED, MediaType.AUDIO, "f",
        "Could not decode media", null, false, null, null, audio(0.9), null, null);
    Detection running = of(MediaType.AUDIO, DetectStatus.PROCESSING, audio(0.9), null, null);

    assertThat(failed.score()).isEqualTo(new Unscored("the detection failed: Could not decode media"));
    assertThat(running.score()).isEqualTo(new Unscored("the detection has not finished yet"));
  }

  @Test
  void unknownMediaTypeIsInferredFromTheMetricsPresent() {
    Detection d = of(MediaType.UNKNOWN, DetectStatus.COMPLETED, null,
        new ImageMetrics("Real", 0.2, null, null, null), null);

    assertThat(d.score()).isEqualTo(new Scored(0.2, "image_metrics.score"));
    assertThat(d.label()).isEqualTo("real");
    assertThat(of(MediaType.UNKNOWN, DetectStatus.COMPLETED, null, null, null).score())
        .isInstanceOf(Unscored.class);
  }

  @Test
  void aResultWithoutMediaTypeIsScoredAndLabelledAsTheTypeDecidedOnce() throws Exception {
    Detection d = parse("""
        {"item": {"uuid": "two", "status": "completed",
                  "metrics": {"label": "real", "score": ["0.1"], "aggregated_score": "0.1"},
                  "video_metrics": {"label": "Fake", "score": 0.9, "children": []}}}
        """);

    MediaType type = d.mediaTypeOr(MediaType.AUDIO);

    assertThat(type).isEqualTo(MediaType.AUDIO);
    assertThat(d.score(type)).isEqualTo(new Scored(0.1, "metrics.aggregated_score"));
    assertThat(d.label(type)).isEqualTo("real");
  }

  @Test
  void theApisMediaTypeWinsOverTheFilesOwn() throws Exception {
    Detection d = parse(Payloads.VIDEO_NUMBERS);

    assertThat(d.mediaTypeOr(MediaType.AUDIO)).isEqualTo(MediaType.VIDEO);
    assertThat(d.mediaTypeOr(null)).isEqualTo(MediaType.VIDEO);
  }
}
