package io.github.resemblegate.gate.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.GateListener.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NarratorTest {

  /** Keeps each line with its level. */
  private static final class Lines implements LineSink {
    final List<String> lines = new ArrayList<>();
    boolean debug = true;

    @Override
    public void info(String line) {
      lines.add("info " + line);
    }

    @Override
    public void warn(String line) {
      lines.add("warn " + line);
    }

    @Override
    public void debug(String line) {
      lines.add("debug " + line);
    }

    @Override
    public boolean debugEnabled() {
      return debug;
    }
  }

  private final Lines sink = new Lines();

  private static Progress progress(int done, int total, int seconds) {
    return new Progress(1, 1, "batch-1", done, total, done, total, Duration.ofSeconds(seconds));
  }

  @Test
  void wordsTheScanThePlanAndEachBatch() {
    Narrator n = new Narrator(sink, false);

    n.scanned(3, 3_500_000);
    n.planned(new Plan(3, 3, 1, 0, List.of(new Plan.PlannedBatch(1,
        List.of("a.wav", "b.wav"), 2_000_000)), List.of(), 2_000_000));
    n.batchSubmitted(1, 1, "b-1", 2);

    assertThat(sink.lines).containsExactly(
        "info Matched 3 media files (3.5 MB).",
        "info Uploading 2 distinct contents (2.0 MB) in 1 batch; 1 answered by the cache.",
        "info Submitted batch 1/1 (2 files): b-1");
  }

  @Test
  void thePlanLineSaysHowManyMinutesOfMediaItUploadsAndHowManyLengthsAreUnknown() {
    Narrator n = new Narrator(sink, false);

    n.planned(new Plan(3, 3, 0, 0, List.of(new Plan.PlannedBatch(1,
        List.of("a.wav", "b.wav", "c.mp4"), 2_000_000)), List.of(), 2_000_000, 270, 1));

    assertThat(sink.lines).containsExactly("info Uploading 3 distinct contents (2.0 MB, about"
        + " 4.5 min of media, the length of 1 file unknown) in 1 batch; 0 answered by the"
        + " cache.");
  }

  @Test
  void aThrottledNarratorPrintsTheFirstAndTheFinishingProgressLines() {
    GateListener n = Narrator.throttled(sink, false, Duration.ofHours(1));

    n.progress(progress(0, 10, 0));
    n.progress(progress(4, 10, 3));
    n.progress(progress(10, 10, 9));

    assertThat(sink.lines).containsExactly(
        "info Waiting for Resemble: 0 of 10 detections finished (0m 00s).",
        "info Waiting for Resemble: 10 of 10 detections finished (0m 09s).");
  }

  @Test
  void requestLinesAreDebugLines() {
    new Narrator(sink, false).request("GET", "/detect/batch/b-1");

    assertThat(sink.lines).containsExactly("debug Resemble API: GET /detect/batch/b-1");
  }

  @Test
  void aPrintingSinkMarksWarningsAndLeavesDebugLinesOut() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Narrator n = new Narrator(LineSink.printing(out, "[Resemble] "), false);

    n.info("one");
    n.warn("two");
    n.debug("three");

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "[Resemble] one", "[Resemble] WARNING: two");
  }
}
