package io.github.resemblegate.gate.internal.merge;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results of shards as their reports read back, for the merge and judging-again tests. */
final class ShardReports {

  static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");

  private ShardReports() {}

  /** A scored audio file; its hash is derived from its path. */
  static FileResult scored(String path, double score) {
    Outcome o = score >= 0.5 ? Outcome.FLAGGED : Outcome.PASSED;
    return new FileResult(path, Integer.toHexString(path.hashCode()) + "0".repeat(56), 1000,
        MediaType.AUDIO, o, score, "metrics.aggregated_score", score >= 0.5 ? "fake" : "real",
        0.5, List.of(), null, "d-" + path, "b-1", null, null, false, null);
  }

  static Map<String, String> configuration(String threshold) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("includes", "**/*");
    c.put("shards", "3");
    c.put("threshold", threshold);
    c.put("onFlagged", "FAIL");
    return c;
  }

  /** Shard {@code i/n} of a run that matched {@code matched} files, holding {@code files}. */
  static GateResult shard(int i, int n, int matched, List<FileResult> files) {
    return shard(i, n, matched, files, configuration("0.5"));
  }

  static GateResult shard(int i, int n, int matched, List<FileResult> files,
      Map<String, String> configuration) {
    RunInfo run = new RunInfo("0.1.0", STARTED.plusSeconds(i), STARTED.plusSeconds(60 + i),
        "https://app.resemble.ai/api/v2", "/agent-" + i + "/workspace", false, Map.of(),
        List.of("batch-" + i), new RunInfo.Sharding(new Shard(i, n), matched), configuration);
    return result(run, files);
  }

  /** A run of every matched file, no shard. */
  static GateResult whole(List<FileResult> files) {
    return result(new RunInfo("0.1.0", STARTED, STARTED.plusSeconds(60),
        "https://app.resemble.ai/api/v2", "/workspace", false, Map.of(), List.of("batch-0")),
        files);
  }

  private static GateResult result(RunInfo run, List<FileResult> files) {
    return new GateResult(run, Policy.DEFAULT, files, Totals.countOutcomes(files, files.size(),
        0, files.size(), 1000L * files.size(), 1), DecisionRules.decide(Policy.DEFAULT, files),
        List.of());
  }
}
