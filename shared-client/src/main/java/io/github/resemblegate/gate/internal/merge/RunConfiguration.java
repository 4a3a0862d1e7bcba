package io.github.resemblegate.gate.internal.merge;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.Policy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings the shards of one run must share, as display strings ({@code RunInfo.configuration}):
 * those that decide which files a run covers, how they are judged, and what result the API gives.
 * A merge of shards that disagree on one of them would not be the verdict of one run. Settings of
 * one agent (folders, speed, retries) are left out; waivers are named by a count and a digest.
 */
public final class RunConfiguration {

  /**
   * What a shard's report written before a setting was listed means by its absence: a release
   * without the byte and minute budgets had none, and one that did not open zip archives listed
   * them unopened. Shards of one run are made by one release, but a merge must still read them.
   */
  private static final Map<String, String> BEFORE_IT_WAS_LISTED = Map.of("maxBytes", "0",
      "maxMediaMinutes", "0", "archives", "false");

  private RunConfiguration() {}

  /** The value of {@code key} a shard ran with, as its report says or as its absence means. */
  static String value(Map<String, String> configuration, String key) {
    String v = configuration.get(key);
    return v != null ? v : BEFORE_IT_WAS_LISTED.getOrDefault(key, "(not listed)");
  }

  /** The shared settings of a run about to start. */
  public static Map<String, String> of(GateConfig config) {
    Map<String, String> o = new LinkedHashMap<>();
    GateConfig.Scan scan = config.scan();
    o.put("includes", String.join(", ", scan.includes()));
    o.put("excludes", String.join(", ", scan.excludes()));
    o.put("defaultExcludes", Boolean.toString(scan.defaultExcludes()));
    o.put("shards", scan.shard() == null ? "1" : Integer.toString(scan.shard().total()));
    putPolicy(o, config.policy());
    o.put("maxFiles", Integer.toString(config.budget().maxFiles()));
    o.put("maxBytes", Long.toString(config.budget().maxBytes()));
    o.put("maxMediaMinutes", Long.toString(config.budget().maxMediaMinutes()));
    o.put("archives", Boolean.toString(config.scan().archives()));
    o.put("dryRun", Boolean.toString(config.dryRun()));
    o.put("analysis", ResultKey.of(config.api().url(), config.api().options(),
        config.api().singleOptions()).canonical());
    return o;
  }

  /** {@code configuration} with the policy's settings replaced: a run judged again under it. */
  public static Map<String, String> withPolicy(Map<String, String> configuration, Policy policy) {
    Map<String, String> o = new LinkedHashMap<>(configuration);
    o.keySet().removeIf(k -> k.startsWith("thresholds."));
    putPolicy(o, policy);
    return o;
  }

  private static void putPolicy(Map<String, String> o, Policy p) {
    o.put("threshold", Double.toString(p.threshold()));
    p.thresholds().forEach((t, v) -> o.put("thresholds." + t.id(), Double.toString(v)));
    o.put("warnThreshold", p.warnThreshold() == null ? "none" : p.warnThreshold().toString());
    o.put("onFlagged", p.onFlagged().name());
    o.put("onError", p.onError().name());
    o.put("onNoSpeech", p.onNoSpeech().name());
    o.put("onEmpty", p.onEmpty().name());
    o.put("videoScoring", p.videoScoring().name());
    StringBuilder waivers = new StringBuilder();
    p.waivers().forEach(w -> waivers.append(w.sha256()).append('|').append(w.path()).append('|')
        .append(w.reason()).append('|').append(w.until()).append('\n'));
    o.put("waivers", p.waivers().size() + (p.waivers().isEmpty() ? ""
        : " (digest " + Sha256.ofText(waivers.toString()).substring(0, 12) + ")"));
  }
}
