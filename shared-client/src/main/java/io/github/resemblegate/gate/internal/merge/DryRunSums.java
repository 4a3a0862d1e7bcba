package io.github.resemblegate.gate.internal.merge;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Spend;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the shards of a dry run would have sent together, for the merged run's sentence. A dry run
 * keeps its plan only in its files' reasons ("would be submitted in batch 2/3", "on its own"), so
 * the sums are read from there: each content once, each shard's batches; the playing time from
 * the files' {@code playingSeconds} (unknown for a shard's report from before schema 1.3).
 */
final class DryRunSums {

  private static final String WOULD = "dry run: would be submitted ";
  private static final Pattern BATCH = Pattern.compile("^dry run: would be submitted in batch"
      + " \\d+/(\\d+)");

  private DryRunSums() {}

  /** The merged dry run's decision: the files' judgement, or what the shards would send. */
  static Decision decision(Policy policy, Collection<GateResult> shards, List<FileResult> files) {
    Map<String, FileResult> contents = new HashMap<>();
    int singles = 0;
    int batches = 0;
    for (GateResult shard : shards) {
      int shardBatches = 0;
      for (FileResult f : shard.files()) {
        String reason = f.reason() == null ? "" : f.reason();
        if (!reason.startsWith(WOULD) || f.sha256() == null
            || contents.putIfAbsent(f.sha256(), f) != null) {
          continue;
        }
        Matcher m = BATCH.matcher(reason);
        if (m.find()) {
          shardBatches = Math.max(shardBatches, Integer.parseInt(m.group(1)));
        } else {
          singles++;
        }
      }
      batches += shardBatches;
    }
    return DecisionRules.dryRun(DecisionRules.decide(policy, files),
        Spend.of(contents.values()), batches, singles);
  }
}
