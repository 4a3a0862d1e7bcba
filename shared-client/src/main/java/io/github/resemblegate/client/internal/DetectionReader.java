package io.github.resemblegate.client.internal;

import static io.github.resemblegate.client.internal.JsonValues.field;
import static io.github.resemblegate.client.internal.JsonValues.fraction;
import static io.github.resemblegate.client.internal.JsonValues.label;
import static io.github.resemblegate.client.internal.JsonValues.link;
import static io.github.resemblegate.client.internal.JsonValues.number;
import static io.github.resemblegate.client.internal.JsonValues.percentAsFraction;
import static io.github.resemblegate.client.internal.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.AudioMetrics;
import io.github.resemblegate.client.Detection.ImageMetrics;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.client.Detection.TimedScore;
import io.github.resemblegate.client.Detection.VideoMetrics;
import io.github.resemblegate.client.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one detection item, as {@code GET /detect/{uuid}}, the list and the create answers carry
 * it, into a {@link Detection}. A missing {@code status} is resolved from the other fields when
 * they prove how the detection ended: a score proves it completed, an {@code error_message}
 * without one that it failed.
 */
final class DetectionReader {

  private DetectionReader() {}

  static Detection read(JsonNode item, String knownUuid) {
    String uuid = text(item, "uuid");
    String url = link(field(item, "url"));
    AudioMetrics audio = audio(nonEmpty(field(item, "metrics")));
    ImageMetrics image = image(nonEmpty(field(item, "image_metrics")));
    VideoMetrics video = video(nonEmpty(field(item, "video_metrics")));
    String errorMessage = text(item, "error_message");
    return new Detection(
        uuid == null || uuid.isBlank() ? knownUuid : uuid,
        status(DetectStatus.fromApi(text(item, "status")), errorMessage, audio, image, video),
        MediaType.fromApi(text(item, "media_type")),
        text(item, "filename"),
        errorMessage,
        duration(item),
        retention(item),
        url != null ? url : link(field(item, "audio_url")),
        text(item, "created_at"),
        audio, image, video,
        FindingsReader.read(item));
  }

  private static DetectStatus status(DetectStatus given, String errorMessage, AudioMetrics audio,
      ImageMetrics image, VideoMetrics video) {
    if (given != DetectStatus.MISSING) {
      return given;
    }
    boolean scored = (audio != null && audio.aggregatedScore() != null)
        || (image != null && image.score() != null) || (video != null && video.score() != null);
    if (scored) {
      return DetectStatus.COMPLETED;
    }
    return errorMessage != null && !errorMessage.isBlank() ? DetectStatus.FAILED
        : DetectStatus.MISSING;
  }

  /** The media's seconds; the list page's example repeats it inside {@code metrics}. */
  private static Double duration(JsonNode item) {
    Double duration = number(item, "duration");
    return duration != null ? duration : number(field(item, "metrics"), "duration");
  }

  /** {@code privacy_mode} is the older name of {@code zero_retention_mode}; either counts. */
  private static Retention retention(JsonNode item) {
    boolean zeroRetention = JsonValues.bool(field(item, "zero_retention_mode"))
        || JsonValues.bool(field(item, "privacy_mode"));
    String deletedAt = text(item, "file_deleted_at");
    return new Retention(zeroRetention, JsonValues.bool(field(item, "media_redacted")),
        JsonValues.bool(field(item, "media_deleted")),
        deletedAt == null || deletedAt.isBlank() ? null : deletedAt.strip());
  }

  private static AudioMetrics audio(JsonNode m) {
    if (m == null) {
      return null;
    }
    List<Double> chunks = new ArrayList<>();
    JsonNode scores = field(m, "score");
    if (scores != null && scores.isArray()) {
      for (JsonNode score : scores) {
        chunks.add(number(score));
      }
    }
    return new AudioMetrics(
        label(field(m, "label")),
        number(m, "aggregated_score"),
        chunks,
        fraction(field(m, "consistency")),
        link(field(m, "image")),
        fraction(field(m, "certainty")));
  }

  private static ImageMetrics image(JsonNode m) {
    if (m == null) {
      return null;
    }
    List<ReverseSearchSource> sources = new ArrayList<>();
    JsonNode found = field(m, "reverse_image_search_sources");
    if (found != null && found.isArray()) {
      for (JsonNode s : found) {
        if (s.isObject()) {
          sources.add(new ReverseSearchSource(link(field(s, "url")), text(s, "title"),
              text(s, "reason"), text(s, "verdict"), number(s, "similarity")));
        }
      }
    }
    return new ImageMetrics(
        label(field(m, "label")),
        number(m, "score"),
        text(m, "type"),
        number(field(m, "ifl"), "score"),
        link(field(m, "image")),
        sources);
  }

  private static VideoMetrics video(JsonNode m) {
    if (m == null) {
      return null;
    }
    String label = label(field(m, "label"));
    Double certainty = fraction(field(m, "certainty"));
    List<TimedScore> frames = new ArrayList<>();
    collectFrames(field(m, "children"), frames);
    frames.sort(Comparator.comparingDouble(TimedScore::seconds));
    String conclusion = text(m, "conclusion");
    JsonNode children = field(m, "children");
    if (conclusion == null && children != null && children.isArray() && children.size() > 0) {
      conclusion = text(children.get(0), "conclusion");
    }
    return new VideoMetrics(
        label != null ? label : label(field(m, "conclusion")),
        number(m, "score"),
        certainty != null ? certainty : percentAsFraction(field(m, "certainty (%)")),
        frames,
        conclusion == null || conclusion.isBlank() ? null : conclusion.strip(),
        number(m, "posterior"),
        link(field(m, "treeview")));
  }

  /**
   * Per-frame scores are the deepest nodes of the {@code children} tree that carry a timestamp.
   * The node {@code type} names differ between pipelines, so they are not consulted.
   */
  private static boolean collectFrames(JsonNode children, List<TimedScore> frames) {
    boolean found = false;
    if (children == null || !children.isArray()) {
      return false;
    }
    for (JsonNode child : children) {
      if (!child.isObject()) {
        continue;
      }
      if (collectFrames(field(child, "children"), frames)) {
        found = true;
        continue;
      }
      Double seconds = number(child, "timestamp");
      Double score = number(child, "score");
      if (seconds != null && score != null && score >= 0 && score <= 1) {
        frames.add(new TimedScore(seconds, score));
        found = true;
      }
    }
    return found;
  }

  private static JsonNode nonEmpty(JsonNode node) {
    return node != null && node.isObject() && node.size() > 0 ? node : null;
  }
}
