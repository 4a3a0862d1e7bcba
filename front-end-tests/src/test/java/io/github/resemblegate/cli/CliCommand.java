package io.github.resemblegate.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line as front-end-tests drive it: its commands' options, and a run in a folder with
 * an environment, its output kept. Lives in the CLI's package only to reach its shell.
 */
public final class CliCommand {

  private final Path folder;
  private final Map<String, String> env;
  private String out = "";
  private String err = "";

  public CliCommand(Path folder, Map<String, String> env) {
    this.folder = folder;
    this.env = env;
  }

  /** A command's options and parameters, as picocli holds them. */
  public static CommandSpec spec(String command) {
    Shell shell = new Shell(Map.of(), Path.of("."), System.out, System.err, false);
    return new ResembleGateCli(shell).commandLine().getSubcommands().get(command)
        .getCommandSpec();
  }

  /** The option a setting is under: its name in kebab case. */
  public static String optionName(io.github.resemblegate.gate.settings.Setting s) {
    return SettingOptions.optionName(s);
  }

  /** Runs one command line; returns its exit status. */
  public int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = new ResembleGateCli(new Shell(env, folder,
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), false)).run(args);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  public String out() {
    return out;
  }

  public String err() {
    return err;
  }
}
