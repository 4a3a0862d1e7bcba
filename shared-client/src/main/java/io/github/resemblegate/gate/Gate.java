package io.github.resemblegate.gate;

import io.github.resemblegate.gate.internal.GateRun;

/**
 * The one entry point every front end calls: scan, plan, submit, poll, judge. What a run does and
 * where each step lives: {@code docs/architecture.md}.
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
}
