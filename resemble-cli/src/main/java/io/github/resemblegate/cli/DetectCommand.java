package io.github.resemblegate.cli;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import io.github.resemblegate.report.InterruptedRunReport;
import io.github.resemblegate.report.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code detect [PATH...]}: checks the media under the PATHs and decides the job's result. */
@Command(name = "detect", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    versionProvider = ResembleGateCli.Version.class, sortOptions = true,
    abbreviateSynopsis = true, header = "Checks media files and passes, warns or fails the job.",
    description = {"Checks the audio, image and video files under the PATHs (default: the current"
        + " folder) with the Resemble Detect API and passes, warns or fails the job by the"
        + " policy. Reports go to ./resemble-reports. The API token comes from the"
        + " RESEMBLE_API_KEY environment variable or --api-key-file, never from an argument."},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:the gate passed, or passed with warnings (WARN reactions)",
        "1:the gate failed the run: flagged files, over --max-files, or --on-empty FAIL",
        "2:a usage or configuration error; the sentence says what to change",
        "3:the API or the environment failed: files could not be checked, or a folder could"
            + " not be written"},
    footerHeading = "%nExamples:%n", footer = {
        "  resemble-gate detect media/ --threshold 0.6 --on-flagged WARN",
        "  resemble-gate detect --includes '**/*.wav,**/*.mp4' --excludes 'drafts/**'",
        "  resemble-gate detect --dry-run .           # what would be uploaded; no token needed",
        "  resemble-gate detect --shard 2/4 .         # one of four CI jobs; then: merge",
        "  CI_NODE_INDEX=2 CI_NODE_TOTAL=4 resemble-gate detect   # GitLab parallel: 4"})
final class DetectCommand implements Callable<Integer> {

  /** Where a token may come from, said when none was given. */
  static final String TOKEN_ADVICE = "Set the RESEMBLE_API_KEY environment variable, or give"
      + " --api-key-file with a file that holds it.";

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders or quoted"
      + " patterns (media/**/*.wav) to check, inside the current folder. Default: all of it.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--api-key-file", paramLabel = "<path>", description = "A file holding the"
      + " API token, instead of the RESEMBLE_API_KEY environment variable.")
  Path apiKeyFile;

  /** Refused: a token on the command line shows in process lists and CI logs. */
  @Option(names = {"--api-key", "--token"}, hidden = true)
  String tokenArgument;

  @Option(names = "--debug", description = "Also print every request and file's outcome.")
  boolean debug;

  private final Shell shell;
  private SettingOptions settings;

  private DetectCommand(Shell shell) {
    this.shell = shell;
  }

  /** The command with one option per setting of the catalogue. */
  static CommandLine commandLine(Shell shell) {
    DetectCommand command = new DetectCommand(shell);
    CommandLine cl = new CommandLine(command);
    command.settings = SettingOptions.addTo(cl.getCommandSpec(), Arrays.asList(Setting.values()));
    return cl;
  }

  @Override
  public Integer call() {
    CliConsole console = new CliConsole(shell, debug);
    if (tokenArgument != null) {
      return stopped("The API token is not taken from an argument, where process lists and CI"
          + " logs would show it; " + Character.toLowerCase(TOKEN_ADVICE.charAt(0))
          + TOKEN_ADVICE.substring(1), console);
    }
    GateConfig config;
    try {
      config = reader().read(raw(), console::warn);
    } catch (GateException e) {
      return stopped(e.getMessage(), console);
    }
    GateResult result;
    InterruptedRunReport interrupted = InterruptedRunReport.arm(config.reports(), console::warn);
    try {
      result = Gate.run(config, console.narrator(config.dryRun()));
    } catch (GateException e) {
      interrupted.close();
      console.problem(e.getMessage());
      // Every file the run matched before it stopped is listed, not judged.
      Reports.writeIncomplete(config.reports(), e.getMessage(), e.matchedFiles(), console::warn);
      return ExitCode.of(e);
    } finally {
      interrupted.close();
    }
    return ResultOutput.deliver(result, config.reports(), console);
  }

  /**
   * A configuration error: said once, and the reports folder gets fresh reports saying the run
   * did not complete, where and in the formats the options name when those can be read.
   */
  private int stopped(String why, CliConsole console) {
    console.problem(why);
    Reports.writeIncomplete(ResultOutput.reportsOrDefault(shell, settings), why, null,
        console::warn);
    return ExitCode.USAGE;
  }

  private SettingsReader reader() {
    Path here = shell.workingDirectory();
    boolean shardFromCi = !settings.given(Setting.SHARD) && ciShard() != null;
    return SettingsReader.forBase(here)
        .defaultReportsDirectory(here.resolve(SettingOptions.DEFAULT_REPORTS_DIRECTORY))
        .userAgent("cli")
        .token(token(), apiKeyFile == null ? "the RESEMBLE_API_KEY environment variable"
            : "the file " + apiKeyFile, TOKEN_ADVICE)
        .spelling(s -> s == Setting.SHARD && shardFromCi ? "CI_NODE_INDEX/CI_NODE_TOTAL"
            : SettingOptions.spelling(s));
  }

  /** The user's words: the options, the PATHs as include patterns, the CI's shard. */
  private RawSettings raw() {
    RawSettings raw = settings.into(new RawSettings());
    List<String> includes = new ArrayList<>(PathPatterns.of(paths, shell.workingDirectory()));
    includes.addAll(raw.items(Setting.INCLUDES));
    raw.set(Setting.INCLUDES, includes);
    if (!settings.given(Setting.SHARD)) {
      raw.set(Setting.SHARD, ciShard());
    }
    return raw;
  }

  /** GitLab's parallel jobs say which they are: CI_NODE_INDEX of CI_NODE_TOTAL. */
  private String ciShard() {
    String index = shell.env("CI_NODE_INDEX");
    String total = shell.env("CI_NODE_TOTAL");
    return index == null || total == null ? null : index + "/" + total;
  }

  /** The token from the file or the environment; null when neither gives one. */
  private String token() {
    if (apiKeyFile == null) {
      return shell.env("RESEMBLE_API_KEY");
    }
    Path file = shell.workingDirectory().resolve(apiKeyFile);
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.isEmpty()) {
        throw new GateException("The file " + file + " that --api-key-file names is empty; put"
            + " the API token in it.");
      }
      return token;
    } catch (IOException e) {
      throw new GateException("The file " + file + " that --api-key-file names cannot be read ("
          + e.getClass().getSimpleName() + "); check the path and its permissions.");
    }
  }
}
