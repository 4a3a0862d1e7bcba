package io.github.resemblegate.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command runs in: its environment variables, the folder it was started in, its output
 * streams, and whether a person watches them on a terminal. Tests give their own.
 *
 * @param out results: the summary, the verdict, where the reports are
 * @param err what happens meanwhile: progress, warnings, the sentence of a problem
 * @param terminal a person watches: a live progress line and, unless NO_COLOR, colours
 */
record Shell(Map<String, String> env, Path workingDirectory, PrintStream out, PrintStream err,
    boolean terminal) {

  Shell {
    env = Map.copyOf(env);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The process's own: a terminal when there is a console and no CI says it runs the job. */
  static Shell system() {
    Map<String, String> env = System.getenv();
    boolean terminal = System.console() != null && !"dumb".equals(env.get("TERM"))
        && env.get("CI") == null;
    return new Shell(env, Path.of(""), System.out, System.err, terminal);
  }

  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Colours only for a person at a terminal who did not ask for none (no-color.org). */
  boolean colour() {
    return terminal && env("NO_COLOR") == null;
  }
}
