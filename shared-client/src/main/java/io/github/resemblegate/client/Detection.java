package io.github.resemblegate.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One detection result ({@code GET /detect/{uuid}}, a list item, or a create answer), parsed
 * tolerantly: numbers may arrive as strings, labels in any case, chunk scores with nulls, old and
 * new field names. Inline {@code data:} heatmaps are dropped while parsing.
 *
 * @param status as the API reported it, or resolved from the other fields when it sent none
 * @param mediaType the API's {@code media_type}; UNKNOWN when it sent none (see
 *     {@link #mediaTypeOr})
 * @param findings what the API found beside the score: intelligence, audio source tracing
 */
public record Detection(
    String uuid,
    DetectStatus status,
    MediaType mediaType,
    String filename,
    String errorMessage,
    Double durationSeconds,
    Retention retention,
    String url,
    String createdAt,
    AudioMetrics audio,
    ImageMetrics image,
    VideoMetrics video,
    Findings findings) {

  public Detection {
    retention = retention == null ? Retention.NONE : retention;
    findings = findings == null ? Findings.NONE : findings;
  }

  /** A result without retention details or findings, as tests and simple callers build one. */
  public Detection(String uuid, DetectStatus status, MediaType mediaType, String filename,
      String errorMessage, Double durationSeconds, boolean zeroRetention, String url,
      String createdAt, AudioMetrics audio, ImageMetrics image, VideoMetrics video) {
    this(uuid, status, mediaType, filename, errorMessage, durationSeconds,
        zeroRetention ? new Retention(true, false, false, null) : Retention.NONE, url, createdAt,
        audio, image, video, Findings.NONE);
  }

  /** Whether the media was sent in zero-retention mode (older name: privacy mode). */
  public boolean zeroRetention() {
    return retention.zeroRetention();
  }

  /**
   * The zero-retention lifecycle: {@code zero_retention_mode} (or its older name
   * {@code privacy_mode}), {@code media_redacted}, {@code media_deleted} and
   * {@code file_deleted_at}.
   */
  public record Retention(boolean zeroRetention, boolean mediaRedacted, boolean mediaDeleted,
      String fileDeletedAt) {

    /** Media kept as usual. */
    public static final Retention NONE = new Retention(false, false, false, null);
  }

  /** What the API found beside the score, each null when not asked for or not returned. */
  public record Findings(Intelligence intelligence, SourceTracing sourceTracing) {

    /** Nothing beside the score. */
    public static final Findings NONE = new Findings(null, null);
  }

  /**
   * The multimodal intelligence report. The API sends its {@code description} either as text or
   * as a structured object; {@code description} holds the text form, {@code details} every field
   * of the structured form (nested ones as {@code fraud.type}), in the API's order.
   */
  public record Intelligence(String uuid, String description, Map<String, String> details,
      String createdAt) {

    public Intelligence {
      details = details == null ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The description as one line: the text form, else the structured fields joined. */
    public String summary() {
      if (description != null && !description.isBlank()) {
        return description.strip();
      }
      List<String> parts = new ArrayList<>();
      details.forEach((key, value) -> parts.add(key + ": " + value));
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
  }

  /**
   * Audio source tracing: which generator produced the audio ({@code resemble_ai},
   * {@code elevenlabs}, ...) or {@code real}; returned only for audio labelled fake.
   */
  public record SourceTracing(String label, String errorMessage) {}

  /**
   * Audio {@code metrics}: also the audio track of a video.
   *
   * @param certainty the older {@code metrics.certainty}, as a fraction, or null
   */
  public record AudioMetrics(
      String label,
      Double aggregatedScore,
      List<Double> chunkScores,
      Double consistency,
      String heatmapUrl,
      Double certainty) {

    public AudioMetrics {
      // Chunk scores keep their nulls (a trailing partial frame), so List.copyOf cannot be used.
      chunkScores = chunkScores == null ? List.of()
          : Collections.unmodifiableList(new ArrayList<>(chunkScores));
    }

    /** Audio metrics without the older {@code certainty}. */
    public AudioMetrics(String label, Double aggregatedScore, List<Double> chunkScores,
        Double consistency, String heatmapUrl) {
      this(label, aggregatedScore, chunkScores, consistency, heatmapUrl, null);
    }
  }

  /**
   * Image {@code image_metrics}.
   *
   * @param reverseSearchSources web pages showing the image, with the API's verdict on each (only
   *     when reverse search was asked for)
   */
  public record ImageMetrics(String label, Double score, String type, Double iflScore,
      String heatmapUrl, List<ReverseSearchSource> reverseSearchSources) {

    public ImageMetrics {
      reverseSearchSources = reverseSearchSources == null ? List.of()
          : List.copyOf(reverseSearchSources);
    }

    /** Image metrics without reverse search sources. */
    public ImageMetrics(String label, Double score, String type, Double iflScore,
        String heatmapUrl) {
      this(label, score, type, iflScore, heatmapUrl, List.of());
    }
  }

  /** One {@code reverse_image_search_sources} entry, e.g. verdict {@code known_fake}. */
  public record ReverseSearchSource(String url, String title, String reason, String verdict,
      Double similarity) {}

  /**
   * Video {@code video_metrics}: the visual track; {@code frames} are per-frame scores by
   * timestamp.
   *
   * @param conclusion the API's verdict word for the whole video ({@code Fake}, {@code Real}), from
   *     the top level or the first {@code VideoResult} node, as sent
   * @param posterior the older {@code posterior}, or null
   * @param treeview the {@code treeview} visualisation as sent (a URL or text), or null
   */
  public record VideoMetrics(String label, Double score, Double certainty, List<TimedScore> frames,
      String conclusion, Double posterior, String treeview) {

    public VideoMetrics {
      frames = frames == null ? List.of() : List.copyOf(frames);
    }

    /** Video metrics without the verdict word, posterior and treeview. */
    public VideoMetrics(String label, Double score, Double certainty, List<TimedScore> frames) {
      this(label, score, certainty, frames, null, null, null);
    }
  }

  /** A score at a point in the media, in seconds. */
  public record TimedScore(double seconds, double score) {}

  /**
   * The media type of this file, decided once: the API's {@code media_type}, else
   * {@code fileType} (what the file's own name or content says). Use it for both the score and
   * the report, so the two never disagree.
   */
  public MediaType mediaTypeOr(MediaType fileType) {
    if (mediaType != null && mediaType != MediaType.UNKNOWN) {
      return mediaType;
    }
    return fileType == null ? MediaType.UNKNOWN : fileType;
  }

  /**
   * This file's deepfake score read as {@code type}: audio {@code metrics.aggregated_score},
   * image {@code image_metrics.score}, video {@code video_metrics.score} (the visual track; see
   * {@link #audioTrackScore()} for the audio track).
   */
  public ScoreReading score(MediaType type) {
    return ScoreFields.of(this, type);
  }

  /** The label of the metrics {@code type} reads, lower-cased ({@code fake}, {@code real}), or null. */
  public String label(MediaType type) {
    return ScoreFields.label(this, type);
  }

  /**
   * The score as the result's own {@code media_type} says; when the API sent none, as the metrics
   * present imply. Prefer {@link #score(MediaType)} with {@link #mediaTypeOr}: a result without
   * {@code media_type} may carry several metric blocks.
   */
  public ScoreReading score() {
    return ScoreFields.of(this, ScoreFields.impliedType(this));
  }

  /** For a video, the score of its audio track ({@code metrics.aggregated_score}); Unscored when absent. */
  public ScoreReading audioTrackScore() {
    return ScoreFields.audioTrack(this);
  }

  /** The label as {@link #score()} reads it. */
  public String label() {
    return ScoreFields.label(this, ScoreFields.impliedType(this));
  }
}
