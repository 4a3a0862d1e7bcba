package io.github.resemblegate.gate.internal.merge;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.internal.judge.Judge;
import io.github.resemblegate.gate.internal.judge.WaiverBook;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run's files judged again under a policy, without the API: each scored file against
 * the policy's thresholds, warn band and waivers, then the decision, as the run would have made
 * it. A decision the files do not make stays: a run over its budget, a shard with nothing to
 * check, and a dry run that would pass keep their own sentence.
 */
public final class Rejudging {

  private Rejudging() {}

  /**
   * {@code done} under {@code policy}, with waivers current on {@code today}.
   *
   * @throws GateException when the policy asks what only the API can answer: another videoScoring
   *     for a run that judged a video
   */
  public static GateResult again(GateResult done, Policy policy, LocalDate today) {
    if (policy.videoScoring() != done.policy().videoScoring() && done.files().stream()
        .anyMatch(f -> f.mediaType() == MediaType.VIDEO && f.score() != null)) {
      throw new GateException("videoScoring " + policy.videoScoring() + " cannot be applied to"
          + " this report, which keeps only the score " + done.policy().videoScoring()
          + " chose for each video; run detect again to change it.");
    }
    WaiverBook waivers = new WaiverBook(policy.waivers(), today);
    Judge judge = new Judge(policy, waivers);
    List<FileResult> files = new ArrayList<>(done.files().size());
    done.files().forEach(f -> files.add(judge.again(f)));
    Decision before = done.decision();
    boolean judgedByFiles = before.failureKind() != FailureKind.BUDGET && !nothingToCheck(done);
    Decision decision;
    if (before.failureKind() == FailureKind.BUDGET) {
      decision = before;
    } else if (!judgedByFiles) {
      decision = done.run().sharding() != null && before.passed() ? before
          : DecisionRules.empty(policy, before.sentence());
    } else {
      decision = DecisionRules.decide(policy, files);
      if (done.run().dryRun() && decision.passed()) {
        decision = before;
      }
    }
    Totals t = done.totals();
    RunInfo r = done.run();
    RunInfo run = new RunInfo(r.toolVersion(), r.startedAt(), r.finishedAt(), r.apiUrl(),
        r.baseDirectory(), r.dryRun(), r.options(), r.batchIds(), r.sharding(),
        RunConfiguration.withPolicy(r.configuration(), policy));
    return new GateResult(run, policy, files, Totals.countOutcomes(files, t.uniqueContents(),
        t.fromCache(), t.uploaded(), t.bytesUploaded(), t.batches()), decision,
        waivers.notices(judgedByFiles && !r.dryRun()));
  }

  /** No file of the run had content to check: each was skipped before it was hashed. */
  static boolean nothingToCheck(GateResult done) {
    return nothingToCheck(done.files());
  }

  static boolean nothingToCheck(List<FileResult> files) {
    return files.stream().allMatch(f -> f.sha256() == null && f.outcome() == Outcome.SKIPPED);
  }
}
