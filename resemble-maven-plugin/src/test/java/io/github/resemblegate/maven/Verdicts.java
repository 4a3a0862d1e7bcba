package io.github.resemblegate.maven;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.FailureKind;
import io.github.resemblegate.gate.FileResult;
import io.github.resemblegate.gate.Outcome;
import io.github.resemblegate.gate.Policy;
import io.github.resemblegate.gate.RunInfo;
import io.github.resemblegate.gate.Totals;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.gate.VerdictStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds verdicts the way the gate reports them, for tests of what the plugin does with them. */
final class Verdicts {

  private Verdicts() {}

  static FileResult file(String path, Outcome outcome, Double score) {
    return new FileResult(path, "sha-" + path, 1000, MediaType.fromFileName(path), outcome, score,
        "metrics.aggregated_score", null, 0.5, List.of(), null, "d-" + path, "b-1",
        outcome == Outcome.ERROR ? "the API answered 503" : null, null, false, null);
  }

  static Verdict verdict(Policy policy, VerdictStatus status, FailureKind kind, String message,
      FileResult... files) {
    RunInfo run = new RunInfo("test", Instant.EPOCH, Instant.EPOCH, "http://127.0.0.1/api/v2",
        "/tmp/base", false, Map.of(), List.of());
    Totals totals = Totals.countOutcomes(List.of(files), files.length, 0, files.length, 0, 1);
    return new Verdict(run, policy, List.of(files), totals, status, kind, message, List.of());
  }

  static Policy policy(io.github.resemblegate.gate.Reaction onFlagged,
      io.github.resemblegate.gate.Reaction onError) {
    return new Policy(0.5, Map.of(), null, onFlagged, onError, null, null, null, List.of());
  }
}
