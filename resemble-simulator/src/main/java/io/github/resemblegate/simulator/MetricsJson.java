package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The metric blocks of a completed detect ({@code metrics}, {@code image_metrics},
 * {@code video_metrics}), each number written as the documentation shows it for the endpoint
 * (see {@link #asText}), unless the file's rule asks for strings or numbers throughout.
 */
final class MetricsJson {

  /** The numbers whose JSON type the documentation varies. */
  enum Number {
    CHUNK, AGGREGATE, CONSISTENCY, DURATION, IMAGE_SCORE, VIDEO_TOP, VIDEO_CHILD
  }

  private final String mediaBaseUrl;

  MetricsJson(String mediaBaseUrl) {
    this.mediaBaseUrl = mediaBaseUrl;
  }

  /**
   * Whether a number is written as text: {@code GET /detect/{uuid}} as its docs page shows
   * (strings but for the image score and the duration), the list as its page and schema show
   * (numbers), {@code POST /detect} with {@code Prefer: wait} as the create page shows (audio
   * strings, the duration a string, image and video numbers).
   */
  static boolean asText(DetectJson.Shape shape, Number number, ScoringRule.Numbers rule) {
    if (rule == ScoringRule.Numbers.STRINGS || rule == ScoringRule.Numbers.NUMBERS) {
      return rule == ScoringRule.Numbers.STRINGS;
    }
    return switch (shape) {
      case SINGLE -> number != Number.IMAGE_SCORE && number != Number.DURATION;
      case LIST, CREATED -> false;
      case SYNC -> number == Number.CHUNK || number == Number.AGGREGATE
          || number == Number.CONSISTENCY || number == Number.DURATION;
    };
  }

  ObjectNode audio(DetectRecord detect, DetectJson.Shape shape) {
    SimulatedAnalysis.Audio audio = SimulatedAnalysis.audio(detect);
    ScoringRule.Numbers style = detect.rule().answer().numbers();
    ObjectNode metrics = LooseJson.object();
    metrics.put("label", audio.label());
    ArrayNode scores = metrics.putArray("score");
    boolean chunkText = asText(shape, Number.CHUNK, style);
    for (Double chunk : audio.chunks()) {
      if (chunk == null) {
        scores.addNull();
      } else if (chunkText) {
        scores.add(LooseJson.decimalText(chunk));
      } else {
        scores.add(chunk);
      }
    }
    put(metrics, "consistency", audio.consistency(), asText(shape, Number.CONSISTENCY, style));
    put(metrics, "aggregated_score", audio.aggregated(), asText(shape, Number.AGGREGATE, style));
    metrics.set("image", heatmap(detect, "audio-heatmap.png"));
    if (shape == DetectJson.Shape.LIST && detect.durationSeconds() != null) {
      // The list page's example repeats the duration inside metrics.
      put(metrics, "duration", Math.round(detect.durationSeconds() * 100) / 100.0,
          asText(shape, Number.DURATION, style));
    }
    return metrics;
  }

  ObjectNode image(DetectRecord detect, DetectJson.Shape shape) {
    SimulatedAnalysis.Image image = SimulatedAnalysis.image(detect);
    boolean text = asText(shape, Number.IMAGE_SCORE, detect.rule().answer().numbers());
    ObjectNode metrics = LooseJson.object();
    metrics.put("type", "FinalResult");
    metrics.put("label", capitalized(image.label()));
    put(metrics, "score", image.score(), text);
    metrics.set("image", heatmap(detect, "visualization.png"));
    metrics.putArray("children");
    ObjectNode ifl = metrics.putObject("ifl");
    put(ifl, "score", image.score(), text);
    ifl.set("heatmap", heatmap(detect, "ifl-heatmap.png"));
    if (detect.settings().useReverseSearch()) {
      ArrayNode sources = metrics.putArray("reverse_image_search_sources");
      boolean fake = image.score() >= 0.5;
      ObjectNode source = sources.addObject();
      source.put("url", "https://images.example.com/found/" + detect.uuid());
      source.put("title", "images.example.com");
      source.put("reason", fake ? "The same image is listed as AI-generated."
          : "The same image appears in an archive older than any generator.");
      source.put("verdict", fake ? "known_fake" : "known_real");
      put(source, "similarity", 0.9, text);
    }
    return metrics;
  }

  ObjectNode video(DetectRecord detect, DetectJson.Shape shape) {
    SimulatedAnalysis.Video video = SimulatedAnalysis.video(detect);
    ScoringRule.Numbers style = detect.rule().answer().numbers();
    boolean topText = asText(shape, Number.VIDEO_TOP, style);
    boolean childText = asText(shape, Number.VIDEO_CHILD, style);
    String label = capitalized(video.label());
    ObjectNode metrics = LooseJson.object();
    metrics.put("label", label);
    put(metrics, "score", video.score(), topText);
    put(metrics, "certainty", video.certainty(), topText);
    metrics.set("treeview", heatmap(detect, "treeview.html"));
    ArrayNode children = metrics.putArray("children");
    ObjectNode wrapper = node("VideoResult", label, video.score(), video.certainty(), childText,
        shape);
    ArrayNode frames = wrapper.putArray("children");
    for (SimulatedAnalysis.Frame frame : video.frames()) {
      String conclusion = frame.score() >= 0.5 ? "Fake" : "Real";
      ObjectNode imageResult = node("ImageResult", conclusion, frame.score(), frame.certainty(),
          childText, shape);
      put(imageResult, "timestamp", frame.timestamp(), childText);
      imageResult.putArray("children").add(node("Segment", conclusion, frame.score(),
          frame.certainty(), childText, shape));
      frames.add(imageResult);
    }
    children.add(wrapper);
    return metrics;
  }

  private static ObjectNode node(String type, String conclusion, double score, double certainty,
      boolean text, DetectJson.Shape shape) {
    ObjectNode node = LooseJson.object();
    node.put("type", type);
    node.put("conclusion", conclusion);
    put(node, "score", score, text);
    put(node, "certainty", certainty, text);
    double percent = certainty * 100;
    // The OpenAPI copy shows "90%", the create page "90.0"; the list gets the former.
    node.put("certainty (%)", shape == DetectJson.Shape.LIST ? Math.round(percent) + "%"
        : String.format(Locale.ROOT, "%.1f", percent));
    return node;
  }

  static void put(ObjectNode node, String field, double value, boolean asText) {
    if (asText) {
      node.put(field, LooseJson.decimalText(value));
    } else {
      node.put(field, value);
    }
  }

  /** A visualization URL when asked for, "" when not, null under zero retention. */
  JsonNode heatmap(DetectRecord detect, String name) {
    if (detect.settings().zeroRetention()) {
      return NullNode.getInstance();
    }
    if (!detect.settings().visualize()) {
      return LooseJson.MAPPER.getNodeFactory().textNode("");
    }
    return LooseJson.MAPPER.getNodeFactory()
        .textNode(mediaBaseUrl + "/media/" + detect.uuid() + "/" + name);
  }

  static String capitalized(String label) {
    return label.isEmpty() ? label
        : Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
