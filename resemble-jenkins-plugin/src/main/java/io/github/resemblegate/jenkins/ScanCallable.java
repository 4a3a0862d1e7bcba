package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.ReportFormat;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * The scan, run on the agent that holds the workspace: builds the gate configuration there,
 * runs the gate, writes the reports into the workspace and returns a {@link ScanOutcome}.
 * Carries the token as a field (the remoting channel is encrypted); {@link #toString()} omits it.
 */
final class ScanCallable extends MasterToSlaveFileCallable<ScanOutcome> {
  private static final long serialVersionUID = 1L;

  private final ScanSettings settings;
  private final String token;
  private final ProxySettings proxy;
  private final TaskListener listener;
  private final GateEngine engine;

  ScanCallable(ScanSettings settings, String token, ProxySettings proxy, TaskListener listener,
      GateEngine engine) {
    this.settings = settings;
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
      Set<ReportFormat> formats = GateConfigs.formats(settings);
      GateConfig config = GateConfigs.build(settings, workspace.toPath(), token, proxy);
      console.line("Checking " + String.join(", ", config.includes()) + " in " + workspace
          + (config.dryRun() ? " (dry run: nothing is uploaded)" : "") + ".");
      Verdict verdict = engine.run(config, console);
      List<String> written = writeReports(verdict, formats, config.reportsDirectory());
      for (String line : ConsoleSummary.lines(verdict)) {
        console.line(line);
      }
      Path base = config.baseDirectory();
      String reportsDir = base.relativize(config.reportsDirectory()).toString().replace('\\', '/');
      if (!written.isEmpty()) {
        console.line("Reports: " + reportsDir + "/ (" + String.join(", ", written) + ").");
      }
      return new ScanOutcome(verdict, reportsDir, written);
    } catch (GateException e) {
      // A setting to fix: one sentence, no stack trace.
      throw new AbortException(masker.mask(e.getMessage()));
    } catch (AbortException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ScanFailure.of(e, masker);
    }
  }

  private static List<String> writeReports(Verdict verdict, Set<ReportFormat> formats, Path dir)
      throws IOException {
    List<String> names = new ArrayList<>();
    if (formats.isEmpty()) {
      return names;
    }
    try {
      for (Path p : Reports.write(verdict, formats, dir)) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      throw new AbortException("The reports could not be written to " + dir + " ("
          + e.getMessage() + "); check that the folder is writable or change reportsDir.");
    }
    return names;
  }

  @Override
  public String toString() {
    return "ScanCallable[" + settings + ", token=" + (token == null ? "none" : SecretMasker.MASK)
        + ", proxy=" + (proxy == null ? "none" : proxy) + "]";
  }
}
