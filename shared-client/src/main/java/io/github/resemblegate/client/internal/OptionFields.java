package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each endpoint's options as its documented field names, in a stable order, nulls left out. The
 * batch spells audio source tracing {@code audio_source_tracing_enabled}, the single endpoint
 * {@code audio_source_tracing}; {@code search_identity} and {@code use_llm} exist only for a
 * batch, {@code model_types}, {@code use_reverse_search}, {@code use_ood_detector} and
 * {@code max_video_fps} only for a single detect.
 */
final class OptionFields {

  private OptionFields() {}

  static Map<String, Object> forBatch(BatchOptions o) {
    Map<String, Object> fields = new LinkedHashMap<>();
    put(fields, "callback_url", o.callbackUrl());
    put(fields, "intelligence", o.intelligence());
    put(fields, "search_identity", o.searchIdentity());
    put(fields, "visualize", o.visualize());
    put(fields, "audio_source_tracing_enabled", o.audioSourceTracing());
    put(fields, "frame_length", o.frameLength());
    put(fields, "start_region", finite("start_region", o.startRegion()));
    put(fields, "end_region", finite("end_region", o.endRegion()));
    put(fields, "max_video_secs", finite("max_video_secs", o.maxVideoSecs()));
    put(fields, "use_llm", o.useLlm());
    put(fields, "zero_retention_mode", o.zeroRetentionMode());
    return fields;
  }

  static Map<String, Object> forDetect(DetectOptions o) {
    Map<String, Object> fields = new LinkedHashMap<>();
    put(fields, "callback_url", o.callbackUrl());
    put(fields, "intelligence", o.intelligence());
    put(fields, "visualize", o.visualize());
    put(fields, "audio_source_tracing", o.audioSourceTracing());
    put(fields, "frame_length", o.frameLength());
    put(fields, "start_region", finite("start_region", o.startRegion()));
    put(fields, "end_region", finite("end_region", o.endRegion()));
    put(fields, "max_video_secs", finite("max_video_secs", o.maxVideoSecs()));
    put(fields, "max_video_fps", o.maxVideoFps());
    put(fields, "model_types", o.modelTypes());
    put(fields, "use_reverse_search", o.useReverseSearch());
    put(fields, "use_ood_detector", o.useOodDetector());
    put(fields, "zero_retention_mode", o.zeroRetentionMode());
    return fields;
  }

  /** A multipart form value: booleans as {@code true}/{@code false}, numbers without a needless {@code .0}. */
  static String formValue(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static void put(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }

  private static Double finite(String name, Double value) {
    if (value != null && (value.isNaN() || value.isInfinite())) {
      throw new IllegalArgumentException(name + " must be a finite number of seconds, not " + value + ".");
    }
    return value;
  }
}
