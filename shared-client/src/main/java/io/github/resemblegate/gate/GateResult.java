package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import java.util.List;

/**
 * What a run found: every matched file with its outcome, the totals, and the {@link Decision}
 * (what the run does to the build and the one sentence that says why). {@code notices} are
 * run-level warnings such as expired or unused waivers.
 */
public record GateResult(
    RunInfo run,
    Policy policy,
    List<FileResult> files,
    Totals totals,
    Decision decision,
    List<String> notices) {

  public GateResult {
    files = List.copyOf(files);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  /** Files with the given outcome, in report order. */
  public List<FileResult> filesWith(Outcome outcome) {
    return files.stream().filter(f -> f.outcome() == outcome).toList();
  }
}
