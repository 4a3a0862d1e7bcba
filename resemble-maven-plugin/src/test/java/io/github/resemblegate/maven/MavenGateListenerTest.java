package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.GateListener.Progress;
import io.github.resemblegate.gate.narration.Narrator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenGateListenerTest {

  private final RecordingLog log = new RecordingLog();

  /** The core's narrator writing to the Maven log, as a run's listener does, without thinning. */
  private GateListener listener(boolean dryRun) {
    return new Narrator(MavenGateListener.sink(log), dryRun);
  }

  private static Progress progress(int done, int total, int seconds) {
    return new Progress(1, 1, "batch-1", done, total, done, total, Duration.ofSeconds(seconds));
  }

  @Test
  void logsProgressWithElapsedTimeAndTheFinalCountOnce() {
    GateListener listener = listener(false);

    listener.progress(progress(0, 10, 0));
    listener.progress(progress(5, 10, 65));
    // The last batch and the whole run report "finished" together.
    listener.progress(progress(10, 10, 70));
    listener.progress(progress(10, 10, 70));

    assertThat(log.at("info")).containsExactly(
        "Waiting for Resemble: 0 of 10 detections finished (0m 00s).",
        "Waiting for Resemble: 5 of 10 detections finished (1m 05s).",
        "Waiting for Resemble: 10 of 10 detections finished (1m 10s).");
  }

  @Test
  void aRunsListenerThinsProgressLines() {
    GateListener listener = MavenGateListener.throttled(log, false);

    listener.progress(progress(0, 10, 0));
    listener.progress(progress(1, 10, 0));
    listener.progress(progress(2, 10, 0));

    assertThat(log.at("info")).containsExactly("Waiting for Resemble: 0 of 10 detections finished (0m 00s).");
  }

  @Test
  void requestsAreDebugLinesWithoutSecrets() {
    listener(false).request("POST", "/detect/batch");

    assertThat(log.at("debug")).containsExactly("Resemble API: POST /detect/batch");
  }

  @Test
  void aDryRunListsWhatWouldBeUploaded() {
    Plan plan = new Plan(3, 3, 1,
        0, List.of(new Plan.PlannedBatch(1, List.of("media/a.wav", "media/b.png"), 2048)),
        List.of(), 2048);

    listener(true).planned(plan);

    assertThat(log.at("info")).containsExactly(
        "Dry run: would upload 2 distinct contents (2.0 kB) in 1 batch; 1 answered by the cache.",
        "  batch 1 (2.0 kB): media/a.wav, media/b.png");
  }

  @Test
  void aPlanAnsweredByTheCacheSaysNothingIsUploaded() {
    listener(false).planned(new Plan(4, 2, 2, 0, List.of(), List.of(), 0));

    assertThat(log.at("info")).containsExactly(
        "Nothing new to upload: 2 of 2 distinct contents are answered by the cache.");
  }

  @Test
  void contentsAlreadyWithTheApiAreNotCalledCached() {
    listener(false).planned(new Plan(3, 3, 1, 0, List.of(), List.of(), 0));

    assertThat(log.at("info")).containsExactly("Nothing new to upload: 1 of 3 distinct contents"
        + " are answered by the cache; the other 2 are already with the API (an earlier"
        + " submission or another build).");
  }

  @Test
  void aScanThatMatchedNothingLeavesItToTheRunsLastSentence() {
    GateListener listener = listener(false);

    listener.scanned(0, 0);
    listener.planned(new Plan(0, 0, 0, 0, List.of(), List.of(), 0));

    assertThat(log.lines).isEmpty();
  }

  @Test
  void warningsAndDebugLinesKeepTheirMavenLevels() {
    GateListener listener = listener(false);

    listener.warn("careful");
    listener.debug("details");

    assertThat(log.at("warn")).containsExactly("careful");
    assertThat(log.at("debug")).containsExactly("details");
  }

  @Test
  void reportsSubmittedBatchesWithTheirIds() {
    listener(false).batchSubmitted(2, 3, "b-42", 50);

    assertThat(log.at("info")).containsExactly("Submitted batch 2/3 (50 files): b-42");
  }
}
