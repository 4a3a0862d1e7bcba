package io.github.resemblegate.gate.narration;

import java.io.PrintStream;

/**
 * Where a front end's console lines go: Maven's {@code Log}, a Jenkins build log, a terminal.
 * The {@link Narrator} words the lines; the sink only decides how each level is shown.
 */
public interface LineSink {

  void info(String line);

  void warn(String line);

  void debug(String line);

  /** Whether debug lines are shown at all, so lines nobody sees are not built. */
  default boolean debugEnabled() {
    return true;
  }

  /**
   * Every info and warning line to {@code out}, each after {@code prefix}, warnings marked
   * {@code WARNING: }, as a build log shows them; debug lines are left out.
   */
  static LineSink printing(PrintStream out, String prefix) {
    return new LineSink() {
      @Override
      public void info(String line) {
        out.println(prefix + line);
      }

      @Override
      public void warn(String line) {
        out.println(prefix + "WARNING: " + line);
      }

      @Override
      public void debug(String line) {}

      @Override
      public boolean debugEnabled() {
        return false;
      }
    };
  }
}
