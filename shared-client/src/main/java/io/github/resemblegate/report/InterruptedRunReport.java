package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Leaves a fresh "did not complete" report when the JVM stops while a run is under way (Ctrl-C,
 * a CI job's abort): a shutdown hook writes it unless the run ended first. A front end arms it
 * around {@code Gate.run} and closes it before it writes the run's own reports, so a run that
 * finishes is never reported as interrupted.
 */
public final class InterruptedRunReport implements AutoCloseable {

  /** The sentence the report gives when the JVM stopped under the run. */
  public static final String WHY = "The run was stopped before it finished (Ctrl-C, or the job"
      + " was cancelled); run it again to resume: nothing sent is uploaded twice.";

  private final GateConfig.Reports reports;
  private final Consumer<String> warn;
  private final AtomicBoolean pending = new AtomicBoolean(true);
  private final Thread hook;

  private InterruptedRunReport(GateConfig.Reports reports, Consumer<String> warn) {
    this.reports = reports;
    this.warn = warn;
    this.hook = new Thread(this::runStopped, "resemble-gate-interrupted-report");
  }

  /** Arms the report for a run that writes {@code reports}; {@code warn} hears a failed write. */
  public static InterruptedRunReport arm(GateConfig.Reports reports, Consumer<String> warn) {
    InterruptedRunReport guard = new InterruptedRunReport(reports, warn);
    try {
      Runtime.getRuntime().addShutdownHook(guard.hook);
    } catch (IllegalStateException alreadyStopping) {
      guard.runStopped();
    }
    return guard;
  }

  /** The run ended, well or with its own sentence: no interrupted report any more. */
  @Override
  public void close() {
    if (pending.getAndSet(false)) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException stopping) {
        // The JVM is already stopping; the hook finds nothing pending and writes nothing.
      }
    }
  }

  /** What the hook does: writes the report if the run is still under way. */
  void runStopped() {
    if (!pending.getAndSet(false)) {
      return;
    }
    Reports.writeIncomplete(reports, WHY, null, warn);
  }
}
