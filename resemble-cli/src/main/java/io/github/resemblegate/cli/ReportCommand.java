package io.github.resemblegate.cli;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.report.JsonReportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code report REPORT.json}: a finished run's reports again, judged again under a new policy. */
@Command(name = "report", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    versionProvider = ResembleGateCli.Version.class, sortOptions = true,
    abbreviateSynopsis = true, header = "Writes a run's reports again, under a new policy if asked.",
    description = {"Writes the reports of a finished run again from its resemble-report.json,"
        + " in every format or those --formats names. With policy options (--threshold,"
        + " --warn-threshold, --on-flagged, --waivers-file, ...) it judges the run again under"
        + " them, from the scores the report holds, and decides the job as that run would have;"
        + " options left out keep the report's own. Calls no API."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:the run passes, or passes with warnings, under the policy",
        "1:the run fails the gate under the policy",
        "2:the report cannot be read, or a policy option is wrong",
        "3:files could not be checked by the API, or the reports could not be written"},
    footerHeading = "%nExamples:%n", footer = {
        "  resemble-gate report resemble-reports/resemble-report.json --formats html",
        "  resemble-gate report merged/ --threshold 0.8 --on-flagged WARN",
        "  resemble-gate report old-run.json --waivers-file waivers.yaml --reports-dir rejudged"})
final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "REPORT.json", arity = "1", description = "A resemble-report.json,"
      + " or the folder that holds one.")
  String input;

  private final Shell shell;
  private SettingOptions settings;

  private ReportCommand(Shell shell) {
    this.shell = shell;
  }

  static CommandLine commandLine(Shell shell) {
    ReportCommand command = new ReportCommand(shell);
    CommandLine cl = new CommandLine(command);
    List<Setting> options = new ArrayList<>(SettingOptions.POLICY);
    options.addAll(SettingOptions.OUTPUT);
    command.settings = SettingOptions.addTo(cl.getCommandSpec(), options);
    return cl;
  }

  @Override
  public Integer call() {
    CliConsole console = new CliConsole(shell, false);
    GateConfig config;
    GateResult again;
    try {
      Path file = shell.workingDirectory().resolve(input).toAbsolutePath().normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve(ReportFormat.JSON.fileName());
      }
      GateResult done = JsonReportReader.read(file);
      // The report's own policy, in words, with the user's words over it: a new waiver file
      // replaces the waivers the run had.
      RawSettings raw = settings.into(RawSettings.of(done.policy(),
          !settings.given(Setting.WAIVERS_FILE)));
      config = ResultOutput.settings(shell, raw, console);
      again = Gate.rejudge(done, config.policy(), Clock.systemUTC());
    } catch (GateException | IOException e) {
      console.problem(e.getMessage());
      return ExitCode.USAGE;
    }
    return ResultOutput.deliver(again, config.reports(), console);
  }
}
