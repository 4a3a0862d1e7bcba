package io.github.resemblegate.client;

import java.util.List;

/**
 * One detection result ({@code GET /detect/{uuid}}), parsed tolerantly: numbers may arrive as
 * strings, labels in any case, chunk scores with nulls. Inline {@code data:} heatmaps are dropped
 * while parsing.
 */
public record Detection(
    String uuid,
    DetectStatus status,
    MediaType mediaType,
    String filename,
    String errorMessage,
    Double durationSeconds,
    boolean zeroRetention,
    String url,
    String createdAt,
    AudioMetrics audio,
    ImageMetrics image,
    VideoMetrics video) {

  /** Audio {@code metrics}: also the audio track of a video. */
  public record AudioMetrics(
      String label,
      Double aggregatedScore,
      List<Double> chunkScores,
      Double consistency,
      String heatmapUrl) {

    public AudioMetrics {
      // Chunk scores keep their nulls (a trailing partial frame), so List.copyOf cannot be used.
      chunkScores = chunkScores == null ? List.of() : java.util.Collections.unmodifiableList(
          new java.util.ArrayList<>(chunkScores));
    }
  }

  /** Image {@code image_metrics}. */
  public record ImageMetrics(String label, Double score, String type, Double iflScore, String heatmapUrl) {}

  /** Video {@code video_metrics}: the visual track; {@code frames} are per-frame scores by timestamp. */
  public record VideoMetrics(String label, Double score, Double certainty, List<TimedScore> frames) {

    public VideoMetrics {
      frames = frames == null ? List.of() : List.copyOf(frames);
    }
  }

  /** A score at a point in the media, in seconds. */
  public record TimedScore(double seconds, double score) {}

  /**
   * This file's deepfake score and the field it came from: audio {@code metrics.aggregated_score},
   * image {@code image_metrics.score}, video {@code video_metrics.score} (the visual track; see
   * {@link #audioTrackScore()} for the audio track).
   */
  public ScoreReading score() {
    return ScoreFields.of(this);
  }

  /** For a video, the score of its audio track ({@code metrics.aggregated_score}); Unscored when absent. */
  public ScoreReading audioTrackScore() {
    return ScoreFields.audioTrack(this);
  }

  /** The label of the metrics the score came from, lower-cased ({@code fake}, {@code real}), or null. */
  public String label() {
    return ScoreFields.label(this);
  }
}
