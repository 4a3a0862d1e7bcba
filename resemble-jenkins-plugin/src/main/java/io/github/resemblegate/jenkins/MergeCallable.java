package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.narration.LineSink;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.ReportFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The merge, run on the agent that holds the workspace: finds the shards' JSON reports there,
 * joins them with the core's merge, writes the merged reports into the workspace and returns a
 * {@link ScanOutcome}, as a scan does, for the controller to check the same way. Paths stay
 * inside the workspace.
 */
final class MergeCallable extends MasterToSlaveFileCallable<ScanOutcome> {
  private static final long serialVersionUID = 1L;

  private final String reports;
  private final String reportsDirectory;
  private final String formats;
  private final TaskListener listener;

  MergeCallable(String reports, String reportsDirectory, String formats, TaskListener listener) {
    this.reports = reports;
    this.reportsDirectory = reportsDirectory;
    this.formats = formats;
    this.listener = listener;
  }

  @Override
  public ScanOutcome invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    LineSink console = LineSink.printing(listener.getLogger(), DetectRun.PREFIX);
    Path base = workspace.toPath().toAbsolutePath().normalize();
    GateConfig config = null;
    try {
      // The step's own rules (paths kept in the workspace), with no files of its own to scan.
      config = StepWords.reader(base).defaultIncludes(List.of("**/*"))
          .read(new RawSettings()
          .set(Setting.REPORTS_DIRECTORY, reportsDirectory).set(Setting.FORMATS, formats),
          console::warn);
      List<GateResult> shards = new ArrayList<>();
      List<Path> given = new ArrayList<>();
      for (String name : RawSettings.split(reports)) {
        Path p = base.resolve(name).toAbsolutePath().normalize();
        if (!p.startsWith(base)) {
          throw new GateException("reports names " + name + ", which lies outside the"
              + " workspace; unstash the shards' reports into the workspace.");
        }
        given.add(p);
      }
      for (Path file : ReportFiles.find(given, config.reports().directory())) {
        console.info("Shard report: " + base.relativize(file));
        shards.add(JsonReportReader.read(file));
      }
      GateResult merged = Gate.merge(shards);
      ConsoleSummary.lines(merged).forEach(console::info);
      List<String> written = ScanCallable.writeReports(merged, config.reports(), console);
      return ScanOutcome.of(merged, ScanCallable.relative(base, config.reports().directory()),
          written);
    } catch (AbortException e) {
      throw e;
    } catch (GateException | IOException e) {
      if (config == null) {
        throw new AbortException(e.getMessage());
      }
      // As a scan that stops: no earlier merge's reports are left for a later step to publish.
      return ScanOutcome.incomplete(e.getMessage(), false, List.of(),
          ScanCallable.relative(base, config.reports().directory()),
          ScanCallable.writeIncomplete(config.reports(), e.getMessage(), List.of(), console));
    }
  }
}
