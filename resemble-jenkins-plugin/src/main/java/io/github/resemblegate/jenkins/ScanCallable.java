package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The scan, run on the agent that holds the workspace: reads the step's words there with the
 * core's settings reader, runs the gate, writes the reports into the workspace and returns the
 * result as the core's JSON report. Carries the token as a field (the remoting channel is
 * encrypted); {@link #toString()} omits it.
 */
final class ScanCallable extends MasterToSlaveFileCallable<ScanOutcome> {
  private static final long serialVersionUID = 2L;

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
    SecretMasker masker = new SecretMasker(token, proxy == null ? null : proxy.password());
    ConsoleProgress console = new ConsoleProgress(listener.getLogger(), masker, System::nanoTime,
        ConsoleProgress.DEFAULT_INTERVAL);
    try {
      GateConfig config = words.read(workspace.toPath(), token, proxy, console::warn);
      console.line("Checking " + String.join(", ", config.scan().includes()) + " in " + workspace
          + (config.dryRun() ? " (dry run: nothing is uploaded)" : "") + ".");
      GateResult result = engine.run(config, console);
      Path base = config.scan().baseDirectory();
      String reportsDir = base.relativize(config.reports().directory()).toString()
          .replace('\\', '/');
      List<String> written = writeReports(result, config.reports());
      for (String line : ConsoleSummary.lines(result)) {
        console.line(line);
      }
      if (!written.isEmpty()) {
        console.line("Reports: " + reportsDir + "/ (" + String.join(", ", written) + ").");
      }
      return new ScanOutcome(json(result), reportsDir.isEmpty() ? "." : reportsDir, written);
    } catch (GateException e) {
      if (Thread.interrupted() || e.getCause() instanceof InterruptedException) {
        // Aborted: Jenkins makes the build ABORTED only for an InterruptedException.
        throw new InterruptedException(masker.mask(e.getMessage()));
      }
      // A setting to fix, or a token to give: one sentence, no stack trace.
      throw new AbortException(masker.mask(e.getMessage()));
    } catch (AbortException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ScanFailure.of(e, masker);
    }
  }

  private static List<String> writeReports(GateResult result, GateConfig.Reports reports)
      throws AbortException {
    List<String> names = new ArrayList<>();
    if (reports.formats().isEmpty()) {
      return names;
    }
    try {
      for (Path p : Reports.write(result, reports)) {
        names.add(reports.directory().relativize(p).toString());
      }
    } catch (IOException e) {
      throw new AbortException("The reports could not be written to " + reports.directory()
          + " (" + e.getMessage() + "); check that the folder is writable or change"
          + " reportsDirectory.");
    }
    return names;
  }

  /** The result as the core's JSON report, written to a temporary folder and read back. */
  private static byte[] json(GateResult result) throws IOException {
    Path dir = Files.createTempDirectory("resemble-result");
    try {
      Path file = Reports.write(result, EnumSet.of(ReportFormat.JSON), dir).get(0);
      try {
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  @Override
  public String toString() {
    return "ScanCallable[" + words + ", token=" + (token == null ? "none" : SecretMasker.MASK)
        + ", proxy=" + (proxy == null ? "none" : proxy) + "]";
  }
}
