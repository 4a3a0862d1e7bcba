package io.github.resemblegate.maven;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds results the way the gate reports them, for tests of what the plugin does with them. */
final class GateResults {

  private GateResults() {}

  static FileResult file(String path, Outcome outcome, Double score) {
    return new FileResult(path, "sha-" + path, 1000, MediaType.fromFileName(path), outcome, score,
        "metrics.aggregated_score", null, 0.5, List.of(), null, "d-" + path, "b-1",
        outcome == Outcome.ERROR ? "the API answered 503" : null, null, false, null);
  }

  /** A result whose decision is the one the core's rules make for these files. */
  static GateResult decided(Policy policy, FileResult... files) {
    return result(policy, DecisionRules.decide(policy, List.of(files)), files);
  }

  static GateResult result(Policy policy, Decision decision, FileResult... files) {
    RunInfo run = new RunInfo("test", Instant.EPOCH, Instant.EPOCH, "http://127.0.0.1/api/v2",
        "/tmp/base", false, Map.of(), List.of());
    Totals totals = Totals.countOutcomes(List.of(files), files.length, 0, files.length, 0, 1);
    return new GateResult(run, policy, List.of(files), totals, decision, List.of());
  }

  static Policy policy(Reaction onFlagged, Reaction onError) {
    return new Policy(0.5, Map.of(), null, onFlagged, onError, null, null, null, List.of());
  }
}
