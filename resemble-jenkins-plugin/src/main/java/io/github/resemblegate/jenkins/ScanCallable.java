package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.narration.LineSink;
import io.github.resemblegate.gate.narration.Narrator;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
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
  /** Why the controller stops this run before it starts, or null. */
  private String refusal;

  ScanCallable(StepWords words, String token, ProxySettings proxy, TaskListener listener,
      GateEngine engine) {
    this.words = words;
    this.token = token;
    this.proxy = proxy;
    this.listener = listener;
    this.engine = engine;
  }

  /**
   * Stops the run before the scan, with its reports saying why: a problem the controller found,
   * such as a credential that does not exist.
   */
  ScanCallable refusing(String why) {
    this.refusal = why;
    return this;
  }

  @Override
  public ScanOutcome invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    LineSink console = LineSink.printing(listener.getLogger(), DetectRun.PREFIX);
    Path base = workspace.toPath().toAbsolutePath().normalize();
    GateConfig config = null;
    try {
      config = words.read(base, token, proxy, console::warn);
      if (refusal != null) {
        return stop(base, config, refusal, false, List.of(), console);
      }
      GateResult result = engine.run(config, Narrator.throttled(console, config.dryRun(),
          PROGRESS_INTERVAL));
      ConsoleSummary.lines(result).forEach(console::info);
      List<String> written = writeReports(result, config.reports(), console);
      return ScanOutcome.of(result, relative(base, config.reports().directory()), written);
    } catch (GateException e) {
      // Aborted: the flag is cleared first, or writing the reports would fail on it.
      boolean interrupted = Thread.interrupted() || e.getCause() instanceof InterruptedException;
      // A setting to fix, a token to give, an API out of reach: one sentence, no stack trace.
      return stop(base, config, refusal != null ? refusal : e.getMessage(), interrupted,
          e.matchedFiles(), console);
    } catch (AbortException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      ScanFailure failure = ScanFailure.of(e);
      writeIncomplete(config != null ? config.reports() : reportsOnly(base),
          failure.getMessage(), List.of(), console);
      throw failure;
    }
  }

  /**
   * A run that stops before its verdict leaves no report of an earlier run behind for a later
   * step (junit, recordIssues, archiveArtifacts) to publish: the core rewrites each one to say
   * this run did not complete and why, and the controller keeps them as it keeps a verdict's.
   *
   * @param config the run's settings, or null when they could not be read
   */
  private ScanOutcome stop(Path base, GateConfig config, String why, boolean interrupted,
      List<String> matchedFiles, LineSink console) throws IOException {
    GateConfig.Reports reports = config != null ? config.reports() : reportsOnly(base);
    return ScanOutcome.incomplete(why, interrupted, matchedFiles,
        relative(base, reports.directory()), writeIncomplete(reports, why, matchedFiles, console));
  }


  /** Writes the reports of a run that did not complete; returns their names. */
  static List<String> writeIncomplete(GateConfig.Reports reports, String why,
      List<String> matchedFiles, LineSink console) {
    List<String> names = new ArrayList<>();
    try {
      for (Path p : Reports.writeIncomplete(reports.directory(), reports.formats(), why,
          matchedFiles)) {
        console.info("Report: " + p);
        names.add(reports.directory().relativize(p).toString());
      }
    } catch (IOException e) {
      console.warn("The reports could not be written to " + reports.directory() + " ("
          + e.getMessage() + "); reports of an earlier run may still be there.");
    }
    return names;
  }

  /**
   * Where the reports go when the step's settings could not be read: the step's own reports
   * words alone, or when those are what is wrong, the default folder and every format.
   */
  private GateConfig.Reports reportsOnly(Path base) {
    try {
      return StepWords.reader(base).defaultIncludes(List.of("**/*")).read(new RawSettings()
          .set(Setting.REPORTS_DIRECTORY, words.word(Setting.REPORTS_DIRECTORY))
          .set(Setting.FORMATS, words.word(Setting.FORMATS)), w -> { }).reports();
    } catch (GateException e) {
      return StepWords.reader(base).defaultIncludes(List.of("**/*")).read(new RawSettings(),
          w -> { }).reports();
    }
  }

  /** {@code dir} relative to the workspace, with {@code /} whatever the agent's system. */
  static String relative(Path base, Path dir) {
    return base.relativize(dir).toString().replace('\\', '/');
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
