package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.Defaults;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.ReportFiles;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Joins the reports of a sharded run ({@code -Dresemble.shard=i/n} on n agents) into the verdict
 * of one run and writes its reports, failing or passing the build as a single run would:
 * {@code mvn resemble:merge -Dresemble.shardReports=shards/}. Refuses, with one sentence, reports
 * that are not every shard of one run. Calls no API.
 */
@Mojo(name = "merge", threadSafe = true, requiresProject = false, aggregator = true)
public class MergeMojo extends AbstractMojo {

  /**
   * The shards' resemble-report.json files, or folders searched for them (comma-separated as a
   * property).
   */
  @Parameter(property = "resemble.shardReports",
      defaultValue = "${project.build.directory}/resemble-shards")
  List<File> shardReports;

  /** Where the merged run's reports are written. */
  @Parameter(property = "resemble.reportsDirectory",
      defaultValue = "${project.build.directory}/resemble")
  File reportsDirectory;

  /** Report formats, comma-separated: json, junit, sarif, html, md; all; or none. */
  @Parameter(property = "resemble.formats", defaultValue = Defaults.FORMATS)
  String formats;

  /** Skips the merge. */
  @Parameter(property = "resemble.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Resemble Gate merge is skipped (resemble.skip).");
      return;
    }
    Path base = new File(session.getExecutionRootDirectory()).toPath();
    GateResult merged;
    GateConfig.Reports output;
    try {
      output = SettingsReader.forBase(base).read(new RawSettings()
          .set(Setting.REPORTS_DIRECTORY, reportsDirectory)
          .set(Setting.FORMATS, formats), getLog()::warn).reports();
      List<GateResult> shards = new ArrayList<>();
      List<Path> given = shardReports == null ? List.of()
          : shardReports.stream().map(File::toPath).toList();
      for (Path file : ReportFiles.find(given, output.directory())) {
        getLog().info("Shard report: " + file);
        shards.add(JsonReportReader.read(file));
      }
      merged = Gate.merge(shards);
    } catch (GateException e) {
      throw MavenBuildResult.stopped(e, getLog());
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    AbstractDetectMojo.printSummary(merged, getLog());
    try {
      for (Path file : Reports.write(merged, output)) {
        getLog().info("Report: " + file);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Could not write the reports to " + output.directory()
          + ": " + e.getMessage(), e);
    }
    MavenBuildResult.enforce(merged, getLog());
  }
}
