package io.github.resemblegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line itself does: help, version, completion, usage mistakes. */
class CommandLineTest {

  @TempDir Path folder;

  private CliRun run(String... args) {
    return CliRun.in(folder, Map.of(), args);
  }

  @Test
  void everyCommandHasHelpWithExamplesAndExitCodes() {
    for (String command : new String[] {"detect", "merge", "report"}) {
      CliRun help = run(command, "--help");

      assertThat(help.exitCode).as(command).isZero();
      assertThat(help.out).as(command).contains("Usage: resemble-gate " + command)
          .contains("Examples:").contains("Exit codes:");
    }
  }

  @Test
  void detectsHelpListsEverySettingAsAKebabCaseOption() {
    // Descriptions wrap with the terminal's width: compare with the spaces made one.
    String help = run("detect", "--help").out.replaceAll("\\s+", " ");

    assertThat(help).contains("--api-url=<value>").contains("--threshold-audio=<value>")
        .contains("--on-flagged=<value>").contains("--max-files-per-batch=<value>")
        .contains("--reports-dir, --reports-directory=<path>").contains("--shard=<i/n>")
        .contains("Where the reports and the journal go. Default: resemble-reports in the"
            + " current folder.")
        .contains("--api-key-file=<path>").contains("Default: 0.5.")
        .doesNotContain("--api-key=");
  }

  @Test
  void versionIsTheProjectsVersion() {
    CliRun version = run("--version");

    assertThat(version.exitCode).isZero();
    assertThat(version.out.strip()).matches("resemble-gate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void anUnknownOptionIsAUsageErrorThatSaysWhereTheHelpIs() {
    CliRun run = run("detect", "--treshold", "0.5");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err).startsWith("Error: Unknown option: '--treshold'")
        .contains("Run 'resemble-gate detect --help' for the options and examples.");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = run();

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err).contains("Error: give a command: detect, merge or report.")
        .contains("Commands:").contains("detect").contains("generate-completion");
  }

  @Test
  void completionIsABashScriptForEveryCommand() {
    CliRun run = run("generate-completion");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("complete -F").contains("detect").contains("merge")
        .contains("--threshold");
  }

  @Test
  void colourOnlyForAPersonAtATerminalWhoDidNotSetNoColor() {
    assertThat(CliRun.in(folder, Map.of(), true, "detect", "--help").out).contains("\u001b[");
    assertThat(CliRun.in(folder, Map.of("NO_COLOR", "1"), true, "detect", "--help").out)
        .doesNotContain("\u001b[");
    assertThat(CliRun.in(folder, Map.of(), false, "detect", "--help").out)
        .doesNotContain("\u001b[");
  }
}
