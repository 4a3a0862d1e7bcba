package io.github.resemblegate.maven;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.narration.LineSink;
import io.github.resemblegate.gate.narration.Narrator;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's console lines ({@link Narrator}) in the Maven log: info, warnings and debug lines at
 * their Maven levels, progress at most one line every few seconds.
 */
final class MavenGateListener {

  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  private MavenGateListener() {}

  /** A listener for a run, with progress thinned to one line per interval. */
  static GateListener throttled(Log log, boolean dryRun) {
    return Narrator.throttled(sink(log), dryRun, PROGRESS_INTERVAL);
  }

  /** The Maven log as the narrator's sink. */
  static LineSink sink(Log log) {
    return new LineSink() {
      @Override
      public void info(String line) {
        log.info(line);
      }

      @Override
      public void warn(String line) {
        log.warn(line);
      }

      @Override
      public void debug(String line) {
        log.debug(line);
      }

      @Override
      public boolean debugEnabled() {
        return log.isDebugEnabled();
      }
    };
  }
}
