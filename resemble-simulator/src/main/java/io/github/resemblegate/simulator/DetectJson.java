package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Renders detects and batches as the API does, including its loose JSON types. The same field can
 * be a string in one endpoint and a number in another, as the official docs disagree; each {@link
 * Shape} fixes one choice, so a given request always gets the same shape (see the README table).
 */
final class DetectJson {

  /** Which response a detect appears in; each has its own choice of loose types. */
  enum Shape {
    /** {@code POST /detect} without {@code Prefer: wait}: the short create item. */
    CREATED,
    /** {@code GET /detect/{uuid}}. */
    SINGLE,
    /** An item of {@code GET /detect}. */
    LIST,
    /** {@code POST /detect} with {@code Prefer: wait}. */
    SYNC
  }

  private final String mediaBaseUrl;
  private final MetricsJson metrics;

  /** @param mediaBaseUrl where media URLs point, e.g. {@code http://127.0.0.1:8089} (not served) */
  DetectJson(String mediaBaseUrl) {
    this.mediaBaseUrl = mediaBaseUrl;
    this.metrics = new MetricsJson(mediaBaseUrl);
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

  /** The detect as {@code shape} shows it, less the fields its rule leaves out. */
  ObjectNode item(DetectRecord detect, Instant now, Shape shape) {
    ObjectNode item = fullItem(detect, now, shape);
    item.remove(detect.rule().answer().omitted());
    return item;
  }

  private ObjectNode fullItem(DetectRecord detect, Instant now, Shape shape) {
    ObjectNode item = LooseJson.object();
    item.put("uuid", detect.uuid());
    boolean zeroRetention = detect.settings().zeroRetention();
    boolean done = detect.doneAt(now);
    String updatedAt = time(done ? detect.completesAt() : detect.createdAt());
    if (shape == Shape.CREATED) {
      // The page's example has no status; the OpenAPI schema and the overview list one. A rule
      // can leave it out to give the example's reading.
      item.put("status", "processing");
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
        item.set("metrics", metrics.audio(detect, shape));
        item.putNull("image_metrics");
        item.putNull("video_metrics");
      }
      case IMAGE -> {
        item.putObject("metrics");
        item.set("image_metrics", metrics.image(detect, shape));
        item.putNull("video_metrics");
      }
      case VIDEO -> {
        item.set("metrics", metrics.audio(detect, shape));
        item.putNull("image_metrics");
        item.set("video_metrics", metrics.video(detect, shape));
      }
    }
  }

  private static void putDuration(ObjectNode item, DetectRecord detect, boolean completed, Shape shape) {
    if (!completed || detect.durationSeconds() == null) {
      item.putNull("duration");
      return;
    }
    double seconds = Math.round(detect.durationSeconds() * 100) / 100.0;
    MetricsJson.put(item, "duration", seconds, MetricsJson.asText(shape,
        MetricsJson.Number.DURATION, detect.rule().answer().numbers()));
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

  private static void putAudioSourceTracing(ObjectNode item, DetectRecord detect, boolean completed) {
    boolean audioTrack = detect.kind() != MediaKind.IMAGE;
    if (completed && audioTrack && detect.settings().audioSourceTracing()
        && "fake".equals(SimulatedAnalysis.audio(detect).label())) {
      ObjectNode tracing = item.putObject("audio_source_tracing");
      tracing.put("label", detect.rule().answer().sourceTracing());
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
    String verdict = detect.rule().effectiveLabel();
    if (detect.rule().answer().intelligence() == ScoringRule.IntelligenceForm.STRUCTURED) {
      intelligence.set("description", IntelligenceJson.structured(detect.kind(), verdict));
    } else {
      intelligence.put("description", "Simulated intelligence report: the "
          + detect.kind().apiName() + " was judged " + verdict + ".");
    }
    intelligence.put("created_at", time(detect.completesAt()));
    intelligence.put("detect_uuid", detect.uuid());
  }
}
