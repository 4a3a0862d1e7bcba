package io.github.resemblegate.cli;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import io.github.resemblegate.report.Reports;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** How the commands end with a result: the summary, the reports, the exit status. */
final class ResultOutput {

  private ResultOutput() {}

  /**
   * The settings of a command that writes reports of a finished run, read by the one reader:
   * where the reports go and which, and the policy words {@code raw} holds.
   */
  static GateConfig settings(Shell shell, RawSettings raw, CliConsole console) {
    Path here = shell.workingDirectory();
    return SettingsReader.forBase(here)
        .defaultReportsDirectory(here.resolve(SettingOptions.DEFAULT_REPORTS_DIRECTORY))
        .spelling(SettingOptions::spelling)
        .read(raw, console::warn);
  }

  /**
   * Where a run whose settings could not be read writes its reports: the folder and formats the
   * options name when those can be read, else the default folder and every format.
   */
  static GateConfig.Reports reportsOrDefault(Shell shell, SettingOptions options) {
    Path here = shell.workingDirectory();
    RawSettings raw = options.into(new RawSettings());
    Path directory = here.resolve(SettingOptions.DEFAULT_REPORTS_DIRECTORY);
    Set<ReportFormat> formats = EnumSet.allOf(ReportFormat.class);
    try {
      directory = raw.word(Setting.REPORTS_DIRECTORY).map(here::resolve).orElse(directory);
    } catch (InvalidPathException e) {
      // The folder option itself is what is wrong: the default folder gets the reports.
    }
    try {
      formats = raw.word(Setting.FORMATS).map(ReportFormat::parse).orElse(formats);
    } catch (IllegalArgumentException e) {
      // The formats option itself is what is wrong: every format says the run did not complete.
    }
    return new GateConfig.Reports(directory, formats);
  }

  /** Prints the summary, writes the reports, and returns the run's exit status. */
  static int deliver(GateResult result, GateConfig.Reports reports, CliConsole console) {
    console.summary(result);
    try {
      for (Path file : Reports.write(result, reports)) {
        console.result("Report: " + file);
      }
    } catch (IOException e) {
      console.problem("Could not write the reports to " + reports.directory() + " (" + e
          + "); check that the folder can be written, or choose another with --reports-dir.");
      return ExitCode.API_OR_ENVIRONMENT;
    }
    return ExitCode.of(result.decision());
  }
}
