package io.github.resemblegate.gate;

/**
 * The one entry point both front ends call: scan, plan, submit, poll, judge. Configuration
 * problems throw {@link GateException} before anything is submitted; API problems become ERROR
 * outcomes in the returned verdict, so every matched file is always reported.
 */
public final class Gate {

  private Gate() {}

  public static Verdict run(GateConfig config, GateListener listener) {
    throw new UnsupportedOperationException("implemented with the gate");
  }
}
