package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.settings.Durations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's effective settings as display strings, for {@code RunInfo.options()} and the reports.
 * Never the token; a callback URL is only said to be set, since it may carry a secret.
 */
final class EffectiveSettings {

  private EffectiveSettings() {}

  /** The effective settings as display strings; never the token. */
  static Map<String, String> describe(GateConfig config) {
    Map<String, String> o = new LinkedHashMap<>();
    Policy p = config.policy();
    o.put("includes", String.join(", ", config.scan().includes()));
    o.put("excludes", String.join(", ", config.scan().excludes()));
    o.put("defaultExcludes", Boolean.toString(config.scan().defaultExcludes()));
    o.put("threshold", Double.toString(p.threshold()));
    p.thresholds().forEach((t, v) -> o.put("threshold." + t.id(), Double.toString(v)));
    if (p.warnThreshold() != null) {
      o.put("warnThreshold", Double.toString(p.warnThreshold()));
    }
    o.put("onFlagged", p.onFlagged().name());
    o.put("onError", p.onError().name());
    o.put("onNoSpeech", p.onNoSpeech().name());
    o.put("onEmpty", p.onEmpty().name());
    o.put("videoScoring", p.videoScoring().name());
    o.put("waivers", Integer.toString(p.waivers().size()));
    o.put("maxFilesPerBatch", Integer.toString(config.api().limits().maxFilesPerBatch()));
    o.put("maxBytesPerBatch", Long.toString(config.api().limits().maxBytesPerBatch()));
    o.put("concurrency", Integer.toString(config.api().limits().concurrency()));
    o.put("intakeMode", config.api().intakeMode().name());
    o.put("timeout", Durations.format(config.budget().timeout()));
    o.put("retryBudget", Durations.format(config.api().limits().retryBudget()));
    o.put("maxRetries", Integer.toString(config.api().limits().maxRetries()));
    o.put("maxFiles", Integer.toString(config.budget().maxFiles()));
    o.put("maxBytes", Long.toString(config.budget().maxBytes()));
    o.put("maxMediaMinutes", Long.toString(config.budget().maxMediaMinutes()));
    o.put("archives", Boolean.toString(config.scan().archives()));
    o.put("refresh", Boolean.toString(config.cache().refresh()));
    o.put("cacheDirectory", !config.cache().enabled() ? "(disabled)"
        : config.cache().directory().toString());
    BatchOptions b = config.api().options();
    putIfSet(o, "frame_length", b.frameLength());
    putIfSet(o, "start_region", b.startRegion());
    putIfSet(o, "end_region", b.endRegion());
    putIfSet(o, "max_video_secs", b.maxVideoSecs());
    putIfSet(o, "use_llm", b.useLlm());
    putIfSet(o, "intelligence", b.intelligence());
    putIfSet(o, "search_identity", b.searchIdentity());
    putIfSet(o, "audio_source_tracing", b.audioSourceTracing());
    putIfSet(o, "visualize", b.visualize());
    putIfSet(o, "zero_retention_mode", b.zeroRetentionMode());
    if (b.callbackUrl() != null) {
      o.put("callback_url", "(set)");
    }
    DetectOptions single = config.api().singleOptions();
    putIfSet(o, "model_types", single.modelTypes());
    putIfSet(o, "use_reverse_search", single.useReverseSearch());
    putIfSet(o, "use_ood_detector", single.useOodDetector());
    putIfSet(o, "max_video_fps", single.maxVideoFps());
    return o;
  }

  private static void putIfSet(Map<String, String> o, String name, Object value) {
    if (value != null) {
      o.put(name, value.toString());
    }
  }
}
