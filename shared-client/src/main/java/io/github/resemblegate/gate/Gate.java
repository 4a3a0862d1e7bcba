package io.github.resemblegate.gate;

/**
 * The one entry point both front ends call: scan, plan, submit, poll, judge. Configuration
 * problems throw {@link GateException} before anything is submitted; API problems become ERROR
 * outcomes in the returned verdict, so every matched file is always reported.
 */
public final class Gate {

  private Gate() {}

  /**
   * Runs the gate once. Blocks until every matched file has an outcome or the configured timeout
   * passes; an interrupted thread ends the run with a {@link GateException} and leaves the
   * journal so the next run resumes without uploading again.
   *
   * @param listener receives progress; may be null
   * @throws GateException for a configuration problem, with one sentence saying what to change
   */
  public static Verdict run(GateConfig config, GateListener listener) {
    return new GateRun(config, listener).run();
  }
}
