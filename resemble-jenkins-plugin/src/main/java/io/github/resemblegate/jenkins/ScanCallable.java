package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.narration.LineSink;
import io.github.resemblegate.gate.narration.Narrator;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The scan, run on the agent that holds the workspace: reads the step's words there with the
 * core's settings reader, runs the gate with the core's console lines (the Maven goal prints the
 * same), writes the reports into the workspace and returns the result as the core's JSON report.
 * Carries the token as a field (the remoting channel is encrypted); {@link #toString()} omits it.
 * The core keeps the token and the proxy password out of every line and message it makes.
 */
final class ScanCallable extends MasterToSlaveFileCallable<ScanOutcome> {
  private static final long serialVersionUID = 2L;

  /** At most one progress line this often: a build log is read by people. */
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private final StepWords words;
  private final String token;
  private final ProxySettings proxy;
  private final TaskListener listener;
  private final GateEngine engine;

  ScanCallable(StepWords words, String token, ProxySettings proxy, TaskListener listener,
      GateEngine engine) {
    this.words = words;
    this.token = token;
    this.proxy = proxy;
    this.listener = listener;
    this.engine = engine;
  }

  @Override
  public ScanOutcome invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    LineSink console = LineSink.printing(listener.getLogger(), DetectRun.PREFIX);
    try {
      GateConfig config = words.read(workspace.toPath(), token, proxy, console::warn);
      GateResult result = engine.run(config, Narrator.throttled(console, config.dryRun(),
          PROGRESS_INTERVAL));
      ConsoleSummary.lines(result).forEach(console::info);
      List<String> written = writeReports(result, config.reports(), console);
      String reportsDir = config.scan().baseDirectory().relativize(config.reports().directory())
          .toString().replace('\\', '/');
      return ScanOutcome.of(result, reportsDir, written);
    } catch (GateException e) {
      if (Thread.interrupted() || e.getCause() instanceof InterruptedException) {
        // Aborted: Jenkins makes the build ABORTED only for an InterruptedException.
        throw new InterruptedException(e.getMessage());
      }
      // A setting to fix, or a token to give: one sentence, no stack trace.
      throw new AbortException(e.getMessage());
    } catch (AbortException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ScanFailure.of(e);
    }
  }

  /** Writes the chosen reports and names each as the Maven goal does; returns their names. */
  static List<String> writeReports(GateResult result, GateConfig.Reports reports,
      LineSink console) throws AbortException {
    List<String> names = new ArrayList<>();
    if (reports.formats().isEmpty()) {
      return names;
    }
    try {
      for (Path p : Reports.write(result, reports)) {
        console.info("Report: " + p);
        names.add(reports.directory().relativize(p).toString());
      }
    } catch (IOException e) {
      throw new AbortException("The reports could not be written to " + reports.directory()
          + " (" + e.getMessage() + "); check that the folder is writable or change"
          + " reportsDirectory.");
    }
    return names;
  }

  @Override
  public String toString() {
    return "ScanCallable[" + words + ", token=" + (token == null ? "none" : "****")
        + ", proxy=" + (proxy == null ? "none" : proxy) + "]";
  }
}
