package io.github.resemblegate.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One command line run in this JVM, in a folder and environment of the test's choosing. */
final class CliRun {

  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code args} in {@code folder} with {@code env}, not on a terminal. */
  static CliRun in(Path folder, Map<String, String> env, String... args) {
    return in(folder, env, false, args);
  }

  static CliRun in(Path folder, Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = new ResembleGateCli(new Shell(env, folder, o, e, terminal)).run(args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** An environment with the token and nothing else. */
  static Map<String, String> token(String token) {
    Map<String, String> env = new HashMap<>();
    env.put("RESEMBLE_API_KEY", token);
    return env;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
