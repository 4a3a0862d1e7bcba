package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.BatchOptions;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link BatchOptions} as the API's field names, in a stable order, nulls left out. The batch
 * endpoint spells audio source tracing {@code audio_source_tracing_enabled}; single detect spells
 * it {@code audio_source_tracing}.
 */
final class OptionFields {

  private OptionFields() {}

  static Map<String, Object> forBatch(BatchOptions options) {
    return fields(options, "audio_source_tracing_enabled");
  }

  static Map<String, Object> forDetect(BatchOptions options) {
    return fields(options, "audio_source_tracing");
  }

  /** A multipart form value: booleans as {@code true}/{@code false}, numbers without a needless {@code .0}. */
  static String formValue(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static Map<String, Object> fields(BatchOptions o, String audioSourceTracingName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    put(fields, "callback_url", o.callbackUrl());
    put(fields, "intelligence", o.intelligence());
    put(fields, "search_identity", o.searchIdentity());
    put(fields, "visualize", o.visualize());
    put(fields, audioSourceTracingName, o.audioSourceTracing());
    put(fields, "frame_length", o.frameLength());
    put(fields, "start_region", finite("start_region", o.startRegion()));
    put(fields, "end_region", finite("end_region", o.endRegion()));
    put(fields, "max_video_secs", finite("max_video_secs", o.maxVideoSecs()));
    put(fields, "use_llm", o.useLlm());
    put(fields, "zero_retention_mode", o.zeroRetentionMode());
    return fields;
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
