package io.github.resemblegate.cli;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code merge REPORT.json...|DIR}: the shards' reports joined into the verdict of one run. */
@Command(name = "merge", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    versionProvider = ResembleGateCli.Version.class, sortOptions = true,
    abbreviateSynopsis = true, header = "Joins the reports of a sharded run into one verdict.",
    description = {"Joins the resemble-report.json of every shard of a run (detect --shard i/n)"
        + " into one verdict and writes every report format of that one run, passing or failing"
        + " the job as a single run would. Refuses, with one sentence, a set that is not every"
        + " shard of one run: a shard missing or given twice, a file in two shards, shards run"
        + " with different settings. Calls no API."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:the merged run passed, or passed with warnings",
        "1:the merged run failed the gate",
        "2:the reports are not every shard of one run, or cannot be read",
        "3:files could not be checked by the API, or the reports could not be written"},
    footerHeading = "%nExamples:%n", footer = {
        "  resemble-gate merge shard-1/ shard-2/ shard-3/ shard-4/",
        "  resemble-gate merge downloaded-artifacts/     # every resemble-report.json under it",
        "  resemble-gate merge a.json b.json --reports-dir merged --formats sarif,md"})
final class MergeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "REPORT.json|DIR", arity = "1..*", description = "The shards'"
      + " resemble-report.json files, or folders holding them (searched below).")
  List<String> inputs = new ArrayList<>();

  private final Shell shell;
  private SettingOptions settings;

  private MergeCommand(Shell shell) {
    this.shell = shell;
  }

  static CommandLine commandLine(Shell shell) {
    MergeCommand command = new MergeCommand(shell);
    CommandLine cl = new CommandLine(command);
    command.settings = SettingOptions.addTo(cl.getCommandSpec(), SettingOptions.OUTPUT);
    return cl;
  }

  @Override
  public Integer call() {
    CliConsole console = new CliConsole(shell, false);
    GateConfig config;
    GateResult merged;
    try {
      config = ResultOutput.settings(shell, settings.into(new RawSettings()), console);
      List<GateResult> shards = new ArrayList<>();
      List<Path> given = inputs.stream().map(shell.workingDirectory()::resolve).toList();
      for (Path file : ReportFiles.find(given, config.reports().directory())) {
        shards.add(JsonReportReader.read(file));
      }
      console.info("Merging " + shards.size() + " shard report" + (shards.size() == 1 ? "" : "s")
          + ".");
      merged = Gate.merge(shards);
    } catch (GateException | IOException e) {
      console.problem(e.getMessage());
      return ExitCode.USAGE;
    }
    return ResultOutput.deliver(merged, config.reports(), console);
  }
}
