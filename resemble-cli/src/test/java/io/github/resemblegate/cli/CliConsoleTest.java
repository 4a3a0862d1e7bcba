package io.github.resemblegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A live progress line at a terminal, plain lines in a CI log. */
class CliConsoleTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** The run's listener the CLI gives the gate: the narrator speaking into its console. */
  private GateListener console(boolean terminal) {
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new CliConsole(new Shell(Map.of(), Path.of("."), System.out, e, terminal), false)
        .narrator(false);
  }

  private static Progress progress(int done) {
    return new Progress(1, 1, "b-1", done, 10, done, 10, Duration.ofSeconds(65));
  }

  @Test
  void aTerminalGetsOneProgressLineThatRewritesItself() {
    GateListener c = console(true);
    c.progress(progress(3));
    c.progress(progress(4));
    c.info("Submitted.");

    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "\r\u001b[2KWaiting for Resemble: 3 of 10 detections finished (1m 05s)."
        + "\r\u001b[2KWaiting for Resemble: 4 of 10 detections finished (1m 05s).\n"
        + "Submitted.\n");
  }

  @Test
  void aCiLogGetsPlainLinesAndNoEscapes() {
    GateListener c = console(false);
    c.progress(progress(3));
    c.progress(progress(4));
    c.progress(progress(10));
    c.warn("careful");

    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "Waiting for Resemble: 3 of 10 detections finished (1m 05s).\n"
        + "Waiting for Resemble: 10 of 10 detections finished (1m 05s).\n"
        + "Warning: careful\n");
  }
}
