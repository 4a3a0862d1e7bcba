package io.github.resemblegate.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The analysis options of a batch or a detect, validated from its form fields or JSON. Booleans come
 * as {@code "true"}/{@code "false"} (also 1/0), numbers as text, as multipart clients send them.
 *
 * @param fields every recognised field as received, for tests to inspect
 */
record DetectSettings(
    boolean visualize,
    boolean intelligence,
    boolean zeroRetention,
    int frameLength,
    Double startRegion,
    Double endRegion,
    Double maxVideoSecs,
    boolean audioSourceTracing,
    boolean useOodDetector,
    boolean useReverseSearch,
    boolean searchIdentity,
    boolean useLlm,
    String callbackUrl,
    Map<String, String> fields) {

  static final int DEFAULT_FRAME_LENGTH = 2;

  private static final Set<String> BATCH_FIELDS =
      Set.of("callback_url", "intelligence", "search_identity", "visualize",
          "audio_source_tracing_enabled", "frame_length", "start_region", "end_region",
          "max_video_secs", "use_llm", "zero_retention_mode");

  private static final Set<String> DETECT_FIELDS =
      Set.of("callback_url", "visualize", "frame_length", "start_region", "end_region",
          "max_video_fps", "max_video_secs", "model_types", "intelligence", "audio_source_tracing",
          "use_reverse_search", "use_ood_detector", "zero_retention_mode", "pipeline");

  /** Reads the batch form fields; {@code visualize} defaults to true for batches. */
  static DetectSettings forBatch(Function<String, String> field) {
    return parse(field, BATCH_FIELDS, true, "audio_source_tracing_enabled");
  }

  /** Reads the fields of {@code POST /detect}; {@code visualize} defaults to false there. */
  static DetectSettings forDetect(Function<String, String> field) {
    return parse(field, DETECT_FIELDS, false, "audio_source_tracing");
  }

  private static DetectSettings parse(
      Function<String, String> field, Set<String> known, boolean visualizeDefault, String tracingField) {
    Map<String, String> received = new LinkedHashMap<>();
    for (String name : known.stream().sorted().toList()) {
      String value = field.apply(name);
      if (value != null) {
        received.put(name, value);
      }
    }
    int frameLength = DEFAULT_FRAME_LENGTH;
    String frame = received.get("frame_length");
    if (frame != null) {
      frameLength = parseFrameLength(frame);
    }
    Double start = number(received, "start_region");
    Double end = number(received, "end_region");
    if (start != null && start < 0) {
      throw ApiError.badRequest("start_region must be 0 or more seconds.");
    }
    if (start != null && end != null && end <= start) {
      throw ApiError.badRequest("end_region must be greater than start_region.");
    }
    Double maxVideoSecs = number(received, "max_video_secs");
    if (maxVideoSecs != null && maxVideoSecs <= 0) {
      throw ApiError.badRequest("max_video_secs must be greater than 0.");
    }
    number(received, "max_video_fps");
    String modelTypes = received.get("model_types");
    if (modelTypes != null && !Set.of("image", "talking_head").contains(modelTypes)) {
      throw ApiError.badRequest("model_types must be \"image\" or \"talking_head\".");
    }
    String callback = received.get("callback_url");
    if (callback != null && !callback.isEmpty()
        && !(callback.startsWith("https://") || callback.startsWith("http://"))) {
      throw ApiError.badRequest("callback_url must be an http(s) URL.");
    }
    return new DetectSettings(
        bool(received, "visualize", visualizeDefault),
        bool(received, "intelligence", false),
        bool(received, "zero_retention_mode", false),
        frameLength,
        start,
        end,
        maxVideoSecs,
        bool(received, tracingField, false),
        bool(received, "use_ood_detector", false),
        bool(received, "use_reverse_search", false),
        bool(received, "search_identity", false),
        bool(received, "use_llm", false),
        callback,
        Map.copyOf(received));
  }

  private static int parseFrameLength(String text) {
    try {
      double value = Double.parseDouble(text.trim());
      if (value == Math.rint(value) && value >= 1 && value <= 4) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiError.badRequest("frame_length must be a whole number of seconds from 1 to 4, not \"" + text + "\".");
  }

  private static boolean bool(Map<String, String> fields, String name, boolean fallback) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiError.badRequest(name + " must be true or false, not \"" + value + "\".");
    };
  }

  private static Double number(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiError.badRequest(name + " must be a number of seconds, not \"" + value + "\".");
  }
}
