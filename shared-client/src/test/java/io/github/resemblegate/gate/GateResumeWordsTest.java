package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.narration.LineSink;
import io.github.resemblegate.gate.narration.Narrator;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a resumed run says: its batches were submitted by an earlier run, never by this one. */
class GateResumeWordsTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;

  @Test
  void aResumedBatchIsToldAsWaitedForNeverAsSubmitted() {
    GateFixture fx = new GateFixture(SIM, root);
    fx.file("media/a.wav");
    fx.file("media/b.wav");
    fx.file("media/c.wav");
    assertThatThrownBy(() -> Gate.run(fx.config().build(), new GateListener() {
      @Override
      public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
        throw new IllegalStateException("killed");
      }
    })).hasMessage("killed");

    List<String> lines = new ArrayList<>();
    LineSink sink = new LineSink() {
      @Override
      public void info(String line) {
        lines.add(line);
      }

      @Override
      public void warn(String line) {
        lines.add("WARNING: " + line);
      }

      @Override
      public void debug(String line) {}
    };
    Gate.run(fx.config().build(), new Narrator(sink, false));

    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(lines).noneMatch(l -> l.startsWith("Submitted batch"));
    assertThat(lines).anyMatch(l -> l.startsWith("Nothing new to upload"));
    assertThat(lines).anyMatch(l -> l.matches("Resuming batch \\S+ \\(3 files\\) submitted earlier;"
        + " nothing is uploaded again\\."));
  }
}
