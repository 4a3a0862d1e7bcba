package io.github.resemblegate.report;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result a run that did not complete reports: no finish time (the mark {@link RunState}
 * reads), the default policy (the run's own may be what was wrong), every matched file not judged,
 * and why, whole, as its notice.
 */
final class Incomplete {

  /** Why each matched file has no verdict. */
  static final String NOT_JUDGED = "not judged: the run did not complete";

  private Incomplete() {}

  static GateResult result(String why, List<String> matchedFiles) {
    String reason = why == null || why.isBlank() ? "The run stopped without saying why." : why;
    Policy policy = Policy.DEFAULT;
    List<FileResult> files = new ArrayList<>();
    for (String path : matchedFiles == null ? List.<String>of() : matchedFiles) {
      MediaType type = MediaType.fromFileName(path);
      files.add(new FileResult(path, null, 0, type, Outcome.SKIPPED, null, null, null,
          policy.thresholds().getOrDefault(type, policy.threshold()), List.of(), null, null,
          null, NOT_JUDGED, null, false, null));
    }
    List<String> notices = new ArrayList<>();
    notices.add("Why the run stopped: " + reason.strip());
    if (files.isEmpty()) {
      notices.add("No file is listed: the run stopped before it knew which files match.");
    }
    RunInfo run = new RunInfo(ResembleClient.version(), Instant.now(), null, null, null, false,
        Map.of(), List.of());
    return new GateResult(run, policy, files, Totals.countOutcomes(files, 0, 0, 0, 0, 0),
        DecisionRules.incomplete(reason), notices);
  }
}
