package io.github.resemblegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar resemble-gate.jar}: the gate from any shell or CI job, a thin front end over
 * the same core as the Maven goal and the Jenkins step. {@code detect} runs it, {@code merge}
 * joins the reports of a sharded run, {@code report} renders a report again, under another
 * policy if asked.
 */
@Command(name = "resemble-gate", mixinStandardHelpOptions = true,
    versionProvider = ResembleGateCli.Version.class, usageHelpAutoWidth = true,
    description = {"A media-authenticity gate over the Resemble AI Detect API: checks the audio,"
        + " image and video files a build ships and passes, warns or fails the job."},
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:the gate passed, or passed with warnings",
        "1:the gate failed the run",
        "2:a usage or configuration error",
        "3:the API or the environment failed"},
    footerHeading = "%nExamples:%n", footer = {
        "  export RESEMBLE_API_KEY=...",
        "  java -jar resemble-gate.jar detect media/",
        "  java -jar resemble-gate.jar detect --shard 2/4 --reports-dir shard-2 .",
        "  java -jar resemble-gate.jar merge shard-*/",
        "  java -jar resemble-gate.jar report resemble-reports/ --threshold 0.7",
        "  source <(java -jar resemble-gate.jar generate-completion)"})
public final class ResembleGateCli implements Callable<Integer> {

  private final Shell shell;

  @Spec
  private CommandSpec spec;

  ResembleGateCli(Shell shell) {
    this.shell = shell;
  }

  public static void main(String[] args) {
    System.exit(new ResembleGateCli(Shell.system()).run(args));
  }

  /** Runs one command line and returns the exit status ({@link ExitCode}). */
  int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command tree, wired to this shell's streams and colours. */
  CommandLine commandLine() {
    CommandLine root = new CommandLine(this);
    root.addSubcommand(DetectCommand.commandLine(shell));
    root.addSubcommand(MergeCommand.commandLine(shell));
    root.addSubcommand(ReportCommand.commandLine(shell));
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false)
        .header("Prints a bash/zsh completion script for resemble-gate.").description(
        "Prints a bash/zsh completion script: source <(java -jar resemble-gate.jar"
            + " generate-completion), with resemble-gate an alias or wrapper of that command.");
    root.addSubcommand("generate-completion", completion);
    root.setOut(new java.io.PrintWriter(shell.out(), true));
    root.setErr(new java.io.PrintWriter(shell.err(), true));
    root.setColorScheme(CommandLine.Help.defaultColorScheme(shell.colour() ? Ansi.ON
        : Ansi.OFF));
    root.setParameterExceptionHandler(this::usageProblem);
    root.setExecutionExceptionHandler((e, cl, parsed) -> {
      shell.err().println("Error: Resemble Gate stopped unexpectedly (" + e
          + "); run it again, and report this if it happens again.");
      return ExitCode.API_OR_ENVIRONMENT;
    });
    return root;
  }

  /** Without a command: the help, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(shell.err(), shell.colour() ? Ansi.ON : Ansi.OFF);
    shell.err().println("Error: give a command: detect, merge or report.");
    return ExitCode.USAGE;
  }

  /** A usage mistake: the sentence picocli words, once, and where the help is. */
  private int usageProblem(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    shell.err().println("Error: " + e.getMessage());
    shell.err().println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the"
        + " options and examples.");
    return ExitCode.USAGE;
  }

  /** The project version, from the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = ResembleGateCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"resemble-gate " + p.getProperty("version", "(development)")};
    }
  }
}
