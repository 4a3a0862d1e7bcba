package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Renders detects and batches as the API does, including its loose JSON types. The same field can
 * be a string in one endpoint and a number in another, as the official docs disagree; each {@link
 * Shape} fixes one choice, so a given request always gets the same shape (see the README table).
 */
final class DetectJson {

  /** Which response a detect appears in; each has its own choice of loose types. */
  enum Shape {
    /** {@code POST /detect} without {@code Prefer: wait}: the short create item, no status. */
    CREATED,
    /** {@code GET /detect/{uuid}}. */
    SINGLE,
    /** An item of {@code GET /detect}. */
    LIST,
    /** {@code POST /detect} with {@code Prefer: wait}. */
    SYNC
  }

  private final String mediaBaseUrl;

  /** @param mediaBaseUrl where media URLs point, e.g. {@code http://127.0.0.1:8089} (not served) */
  DetectJson(String mediaBaseUrl) {
    this.mediaBaseUrl = mediaBaseUrl;
  }

  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The batch as {@code POST /detect/batch} answers it: always processing, nothing counted yet. */
  ObjectNode createdBatch(BatchRecord batch) {
    return batchNode(batch, "processing", 0, 0);
  }

  ObjectNode batch(BatchRecord batch, List<DetectRecord> children, Instant now) {
    int completed = 0;
    int failed = 0;
    for (DetectRecord child : children) {
      switch (child.statusAt(now)) {
        case "completed" -> completed++;
        case "failed" -> failed++;
        default -> { }
      }
    }
    int total = children.size();
    String status;
    if (completed + failed < total) {
      status = "processing";
    } else if (failed == 0) {
      status = "completed";
    } else if (completed == 0) {
      status = "failed";
    } else {
      status = "partially_failed";
    }
    return batchNode(batch, status, completed, failed);
  }

  private static ObjectNode batchNode(BatchRecord batch, String status, int completed, int failed) {
    ObjectNode item = LooseJson.object();
    item.put("uuid", batch.uuid());
    item.put("status", status);
    item.put("total_files", batch.detectUuids().size());
    item.put("completed_count", completed);
    item.put("failed_count", failed);
    item.put("created_at", time(batch.createdAt()));
    ArrayNode ids = item.putArray("detect_uuids");
    batch.detectUuids().forEach(ids::add);
    return item;
  }

  ObjectNode item(DetectRecord detect, Instant now, Shape shape) {
    ObjectNode item = LooseJson.object();
    item.put("uuid", detect.uuid());
    boolean zeroRetention = detect.settings().zeroRetention();
    boolean done = detect.doneAt(now);
    String updatedAt = time(done ? detect.completesAt() : detect.createdAt());
    if (shape == Shape.CREATED) {
      item.putObject("metrics");
      item.put("created_at", time(detect.createdAt()));
      item.put("updated_at", updatedAt);
      item.put("media_type", detect.kind().apiName());
      item.putNull("intelligence");
      item.put("filename", detect.reportedFileName());
      putMediaUrls(item, detect);
      item.put("zero_retention_mode", zeroRetention);
      item.put("media_redacted", zeroRetention);
      item.put("media_deleted", false);
      item.putNull("file_deleted_at");
      return item;
    }

    String status = detect.statusAt(now);
    item.put("status", status);
    item.put("media_type", detect.kind().apiName());
    item.put("filename", detect.reportedFileName());
    if ("failed".equals(status)) {
      item.put("error_message", detect.rule().errorMessage());
    } else {
      item.putNull("error_message");
    }
    putDuration(item, detect, "completed".equals(status), shape);
    item.put("created_at", time(detect.createdAt()));
    item.put("updated_at", updatedAt);
    putMediaUrls(item, detect);
    item.put("zero_retention_mode", zeroRetention);
    item.put("media_redacted", zeroRetention);
    item.put("media_deleted", zeroRetention && done);
    if (zeroRetention && done) {
      item.put("file_deleted_at", time(detect.completesAt()));
    } else {
      item.putNull("file_deleted_at");
    }
    DetectSettings settings = detect.settings();
    item.put("visualize", settings.visualize());
    item.put("audio_source_tracing_enabled", settings.audioSourceTracing());
    item.put("use_ood_detector", settings.useOodDetector());
    ObjectNode extra = item.putObject("extra_params");
    extra.put("search_identity_requested", settings.searchIdentity());
    extra.put("use_reverse_search", settings.useReverseSearch());
    item.putNull("pipeline");

    switch (status) {
      case "processing" -> {
        item.putObject("metrics");
        item.putNull("image_metrics");
        item.putNull("video_metrics");
      }
      case "failed" -> {
        item.putNull("metrics");
        item.putNull("image_metrics");
        item.putNull("video_metrics");
      }
      default -> putResults(item, detect, shape);
    }
    putAudioSourceTracing(item, detect, "completed".equals(status));
    putIntelligence(item, detect, "completed".equals(status));
    return item;
  }

  private void putResults(ObjectNode item, DetectRecord detect, Shape shape) {
    switch (detect.kind()) {
      case AUDIO -> {
        item.set("metrics", audioMetrics(detect, shape));
        item.putNull("image_metrics");
        item.putNull("video_metrics");
      }
      case IMAGE -> {
        item.putObject("metrics");
        item.set("image_metrics", imageMetrics(detect, shape));
        item.putNull("video_metrics");
      }
      case VIDEO -> {
        item.set("metrics", audioMetrics(detect, shape));
        item.putNull("image_metrics");
        item.set("video_metrics", videoMetrics(detect, shape));
      }
    }
  }

  private ObjectNode audioMetrics(DetectRecord detect, Shape shape) {
    SimulatedAnalysis.Audio audio = SimulatedAnalysis.audio(detect);
    boolean strings = shape != Shape.LIST;
    ObjectNode metrics = LooseJson.object();
    metrics.put("label", audio.label());
    ArrayNode scores = metrics.putArray("score");
    for (Double chunk : audio.chunks()) {
      if (chunk == null) {
        scores.addNull();
      } else if (strings) {
        scores.add(LooseJson.decimalText(chunk));
      } else {
        scores.add(chunk);
      }
    }
    putLoose(metrics, "consistency", audio.consistency(), shape != Shape.LIST);
    putLoose(metrics, "aggregated_score", audio.aggregated(), shape == Shape.SINGLE);
    metrics.set("image", heatmap(detect, "audio-heatmap.png"));
    return metrics;
  }

  private ObjectNode imageMetrics(DetectRecord detect, Shape shape) {
    SimulatedAnalysis.Image image = SimulatedAnalysis.image(detect);
    ObjectNode metrics = LooseJson.object();
    metrics.put("type", "FinalResult");
    metrics.put("label", capitalized(image.label()));
    putLoose(metrics, "score", image.score(), shape == Shape.LIST);
    metrics.set("image", heatmap(detect, "visualization.png"));
    metrics.putArray("children");
    ObjectNode ifl = metrics.putObject("ifl");
    ifl.put("score", image.score());
    ifl.set("heatmap", heatmap(detect, "ifl-heatmap.png"));
    return metrics;
  }

  private ObjectNode videoMetrics(DetectRecord detect, Shape shape) {
    SimulatedAnalysis.Video video = SimulatedAnalysis.video(detect);
    boolean topStrings = shape == Shape.LIST;
    boolean childStrings = shape == Shape.SINGLE;
    String label = capitalized(video.label());
    ObjectNode metrics = LooseJson.object();
    metrics.put("label", label);
    putLoose(metrics, "score", video.score(), topStrings);
    putLoose(metrics, "certainty", video.certainty(), topStrings);
    metrics.set("treeview", heatmap(detect, "treeview.html"));
    ArrayNode children = metrics.putArray("children");
    ObjectNode wrapper = node("VideoResult", label, video.score(), video.certainty(), childStrings, shape);
    ArrayNode frames = wrapper.putArray("children");
    for (SimulatedAnalysis.Frame frame : video.frames()) {
      String conclusion = frame.score() >= 0.5 ? "Fake" : "Real";
      ObjectNode imageResult = node("ImageResult", conclusion, frame.score(), frame.certainty(), childStrings, shape);
      putLoose(imageResult, "timestamp", frame.timestamp(), childStrings);
      imageResult.putArray("children")
          .add(node("Segment", conclusion, frame.score(), frame.certainty(), childStrings, shape));
      frames.add(imageResult);
    }
    children.add(wrapper);
    return metrics;
  }

  private static ObjectNode node(String type, String conclusion, double score, double certainty,
      boolean strings, Shape shape) {
    ObjectNode node = LooseJson.object();
    node.put("type", type);
    node.put("conclusion", conclusion);
    putLoose(node, "score", score, strings);
    putLoose(node, "certainty", certainty, strings);
    double percent = certainty * 100;
    node.put("certainty (%)",
        shape == Shape.LIST
            ? Math.round(percent) + "%"
            : String.format(Locale.ROOT, "%.1f", percent));
    return node;
  }

  private static void putLoose(ObjectNode node, String field, double value, boolean asString) {
    if (asString) {
      node.put(field, LooseJson.decimalText(value));
    } else {
      node.put(field, value);
    }
  }

  private static void putDuration(ObjectNode item, DetectRecord detect, boolean completed, Shape shape) {
    if (!completed || detect.durationSeconds() == null) {
      item.putNull("duration");
      return;
    }
    double seconds = Math.round(detect.durationSeconds() * 100) / 100.0;
    if (shape == Shape.SYNC) {
      item.put("duration", LooseJson.decimalText(seconds));
    } else {
      item.put("duration", seconds);
    }
  }

  private void putMediaUrls(ObjectNode item, DetectRecord detect) {
    if (detect.settings().zeroRetention()) {
      item.putNull("url");
      item.putNull("audio_url");
      return;
    }
    String url =
        detect.sourceUrl() != null
            ? detect.sourceUrl()
            : mediaBaseUrl + "/media/" + detect.uuid() + "/"
                + URLEncoder.encode(detect.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    item.put("url", url);
    item.put("audio_url", url);
  }

  /** A visualization URL when asked for, "" when not, null under zero retention. */
  private JsonNode heatmap(DetectRecord detect, String name) {
    if (detect.settings().zeroRetention()) {
      return NullNode.getInstance();
    }
    if (!detect.settings().visualize()) {
      return LooseJson.MAPPER.getNodeFactory().textNode("");
    }
    return LooseJson.MAPPER.getNodeFactory().textNode(mediaBaseUrl + "/media/" + detect.uuid() + "/" + name);
  }

  private static void putAudioSourceTracing(ObjectNode item, DetectRecord detect, boolean completed) {
    boolean audioTrack = detect.kind() != MediaKind.IMAGE;
    if (completed && audioTrack && detect.settings().audioSourceTracing()
        && "fake".equals(SimulatedAnalysis.audio(detect).label())) {
      ObjectNode tracing = item.putObject("audio_source_tracing");
      tracing.put("label", "resemble_ai");
      tracing.putNull("error_message");
    } else {
      item.putNull("audio_source_tracing");
    }
  }

  private static void putIntelligence(ObjectNode item, DetectRecord detect, boolean completed) {
    if (!completed || !detect.settings().intelligence()) {
      item.putNull("intelligence");
      return;
    }
    ObjectNode intelligence = item.putObject("intelligence");
    intelligence.put("uuid", UUID.nameUUIDFromBytes(detect.uuid().getBytes(StandardCharsets.UTF_8))
        .toString().replace("-", ""));
    intelligence.put("description",
        "Simulated intelligence report: the " + detect.kind().apiName() + " was judged "
            + detect.rule().effectiveLabel() + ".");
    intelligence.put("created_at", time(detect.completesAt()));
    intelligence.put("detect_uuid", detect.uuid());
  }

  private static String capitalized(String label) {
    return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
