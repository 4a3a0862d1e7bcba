package io.github.resemblegate.client.internal;

import static io.github.resemblegate.client.internal.JsonValues.field;
import static io.github.resemblegate.client.internal.JsonValues.fraction;
import static io.github.resemblegate.client.internal.JsonValues.integer;
import static io.github.resemblegate.client.internal.JsonValues.label;
import static io.github.resemblegate.client.internal.JsonValues.link;
import static io.github.resemblegate.client.internal.JsonValues.number;
import static io.github.resemblegate.client.internal.JsonValues.percentAsFraction;
import static io.github.resemblegate.client.internal.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.client.BatchStatus;
import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.AudioMetrics;
import io.github.resemblegate.client.Detection.ImageMetrics;
import io.github.resemblegate.client.Detection.TimedScore;
import io.github.resemblegate.client.Detection.VideoMetrics;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.SecureUpload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the API's JSON into the client's records, tolerating the variations the documentation and
 * the field show: numbers as strings, labels in any case, nulls in chunk scores, ids with or
 * without hyphens, percentages where fractions are expected, unknown fields.
 */
final class ResponseParser {

  private ResponseParser() {}

  static DetectBatch batch(JsonNode root, String knownUuid) throws UnexpectedShapeException {
    JsonNode item = item(root, "batch");
    String uuid = text(item, "uuid");
    if (uuid == null || uuid.isBlank()) {
      if (knownUuid == null) {
        throw new UnexpectedShapeException("the batch in the answer has no uuid");
      }
      uuid = knownUuid;
    }
    List<String> detectUuids = new ArrayList<>();
    JsonNode ids = field(item, "detect_uuids");
    if (ids != null && ids.isArray()) {
      for (JsonNode id : ids) {
        String value = id.isObject() ? text(id, "uuid") : text(id);
        if (value != null && !value.isBlank()) {
          detectUuids.add(value);
        }
      }
    }
    Integer total = integer(field(item, "total_files"));
    return new DetectBatch(
        uuid,
        BatchStatus.fromApi(text(item, "status")),
        total == null ? detectUuids.size() : total,
        orZero(integer(field(item, "completed_count"))),
        orZero(integer(field(item, "failed_count"))),
        text(item, "created_at"),
        detectUuids);
  }

  static Detection detection(JsonNode root, String knownUuid) throws UnexpectedShapeException {
    Detection detection = detectionItem(item(root, "detection"), knownUuid);
    if (detection.uuid() == null) {
      throw new UnexpectedShapeException("the detection in the answer has no uuid");
    }
    return detection;
  }

  static DetectPage page(JsonNode root) throws UnexpectedShapeException {
    JsonNode items = field(root, "items");
    if (items == null || !items.isArray()) {
      throw new UnexpectedShapeException("the answer has no 'items' list");
    }
    List<Detection> detections = new ArrayList<>();
    for (JsonNode item : items) {
      if (item.isObject()) {
        detections.add(detectionItem(item, null));
      }
    }
    return new DetectPage(
        orZero(integer(field(root, "page"))),
        orZero(integer(field(root, "num_pages"))),
        orZero(integer(field(root, "page_size"))),
        orZero(integer(field(root, "total_count"))),
        detections);
  }

  static SecureUpload secureUpload(JsonNode root) throws UnexpectedShapeException {
    for (JsonNode node : new JsonNode[] {root, field(root, "item")}) {
      for (String name : new String[] {"token", "media_token"}) {
        String token = text(node, name);
        if (token != null && !token.isBlank()) {
          return new SecureUpload(token.strip());
        }
      }
    }
    throw new UnexpectedShapeException("the answer has no media token");
  }

  private static JsonNode item(JsonNode root, String what) throws UnexpectedShapeException {
    JsonNode item = field(root, "item");
    if (item != null && item.isObject()) {
      return item;
    }
    if (root != null && root.isObject() && root.has("uuid")) {
      return root;
    }
    throw new UnexpectedShapeException("the answer has no " + what + " 'item'");
  }

  private static Detection detectionItem(JsonNode item, String knownUuid) {
    String uuid = text(item, "uuid");
    String url = link(field(item, "url"));
    return new Detection(
        uuid == null || uuid.isBlank() ? knownUuid : uuid,
        DetectStatus.fromApi(text(item, "status")),
        MediaType.fromApi(text(item, "media_type")),
        text(item, "filename"),
        text(item, "error_message"),
        number(item, "duration"),
        JsonValues.bool(field(item, "zero_retention_mode")),
        url != null ? url : link(field(item, "audio_url")),
        text(item, "created_at"),
        audio(nonEmpty(field(item, "metrics"))),
        image(nonEmpty(field(item, "image_metrics"))),
        video(nonEmpty(field(item, "video_metrics"))));
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
        link(field(m, "image")));
  }

  private static ImageMetrics image(JsonNode m) {
    if (m == null) {
      return null;
    }
    return new ImageMetrics(
        label(field(m, "label")),
        number(m, "score"),
        text(m, "type"),
        number(field(m, "ifl"), "score"),
        link(field(m, "image")));
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
    return new VideoMetrics(
        label != null ? label : label(field(m, "conclusion")),
        number(m, "score"),
        certainty != null ? certainty : percentAsFraction(field(m, "certainty (%)")),
        frames);
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

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
