package io.github.resemblegate.gate;

import io.github.resemblegate.gate.internal.GateRun;
import io.github.resemblegate.gate.internal.merge.Rejudging;
import io.github.resemblegate.gate.internal.merge.ShardMerge;
import io.github.resemblegate.gate.policy.Policy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The one entry point every front end calls: scan, plan, submit, poll, judge; and, without the
 * API, merge the shards of a run or judge a finished run again. What a run does and where each
 * step lives: {@code docs/architecture.md}.
 */
public final class Gate {

  private Gate() {}

  /**
   * Runs the gate once. Blocks until every matched file has an outcome or the configured timeout
   * passes. API problems become ERROR outcomes in the result, so every matched file is reported;
   * an interrupted thread ends the run with a {@link GateException} and leaves the journal, so
   * the next run resumes without uploading again.
   *
   * @param listener receives progress; may be null
   * @throws GateException for a problem the user must fix, with one sentence saying what
   */
  public static GateResult run(GateConfig config, GateListener listener) {
    return new GateRun(config, listener == null ? GateListener.NONE : listener).run();
  }

  /**
   * Joins the results of a sharded run's shards ({@code shard i/n}, each read back from its
   * {@code resemble-report.json}) into the result of one run: every file once, and the decision
   * a single run over all of them would make. Calls no API.
   *
   * @throws GateException with one sentence when they are not every shard of one run: a shard
   *     missing or given twice, a file in two shards, shards of different settings
   */
  public static GateResult merge(List<GateResult> shards) {
    return ShardMerge.merge(shards);
  }

  /**
   * A finished run judged again under another policy (thresholds, warn band, reactions,
   * waivers), from the scores its result holds; calls no API. Waivers count as of {@code clock}.
   *
   * @throws GateException when the policy needs the API: another videoScoring for a run that
   *     judged a video
   */
  public static GateResult rejudge(GateResult done, Policy policy, Clock clock) {
    return Rejudging.again(done, policy, LocalDate.now(clock));
  }
}
