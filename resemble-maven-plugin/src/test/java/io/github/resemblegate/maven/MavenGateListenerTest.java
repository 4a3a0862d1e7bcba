package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.Progress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MavenGateListenerTest {

  private final RecordingLog log = new RecordingLog();
  private final AtomicLong now = new AtomicLong();

  private MavenGateListener listener(boolean dryRun) {
    return new MavenGateListener(log, dryRun, now::get, Duration.ofSeconds(5));
  }

  private static Progress progress(int done, int total, int seconds) {
    return new Progress(1, 1, "batch-1", done, total, done, total, Duration.ofSeconds(seconds));
  }

  private void advanceSeconds(long s) {
    now.addAndGet(Duration.ofSeconds(s).toNanos());
  }

  @Test
  void logsAtMostOneProgressLinePerIntervalPlusTheLastOne() {
    MavenGateListener listener = listener(false);

    listener.progress(progress(0, 10, 0));
    advanceSeconds(1);
    listener.progress(progress(1, 10, 1));
    advanceSeconds(1);
    listener.progress(progress(2, 10, 2));
    advanceSeconds(4);
    listener.progress(progress(5, 10, 6));
    advanceSeconds(1);
    listener.progress(progress(10, 10, 7));

    assertThat(log.at("info")).containsExactly(
        "Waiting for Resemble: 0 of 10 detections finished (0m 00s).",
        "Waiting for Resemble: 5 of 10 detections finished (0m 06s).",
        "Waiting for Resemble: 10 of 10 detections finished (0m 07s).");
  }

  @Test
  void aDryRunListsWhatWouldBeUploaded() {
    Plan plan = new Plan(3, 3, 1,
        0, List.of(new Plan.PlannedBatch(1, List.of("media/a.wav", "media/b.png"), 2048)),
        List.of(), 2048);

    listener(true).planned(plan);

    assertThat(log.at("info")).containsExactly(
        "Dry run: would upload 2 distinct contents (2.0 KB) in 1 batch; 1 answered by the cache.",
        "  batch 1 (2.0 KB): media/a.wav, media/b.png");
  }

  @Test
  void aPlanAnsweredByTheCacheSaysNothingIsUploaded() {
    listener(false).planned(new Plan(4, 2, 2, 0, List.of(), List.of(), 0));

    assertThat(log.at("info")).containsExactly(
        "Nothing to upload: 2 of 2 distinct contents are answered by the cache.");
  }

  @Test
  void reportsSubmittedBatchesWithTheirIds() {
    listener(false).batchSubmitted(2, 3, "b-42", 50);

    assertThat(log.at("info")).containsExactly("Submitted batch 2/3 (50 files): b-42");
  }
}
