package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateListener.Progress;
import io.github.resemblegate.gate.policy.Outcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  private final TestBuilds.Console console = new TestBuilds.Console();
  private final AtomicLong now = new AtomicLong();
  private final ConsoleProgress progress = new ConsoleProgress(console.getLogger(),
      new SecretMasker("s3cret-token"), now::get, Duration.ofSeconds(10));

  private static Progress at(int done, int total) {
    return new Progress(1, 1, "b-1", done, total, done, total, Duration.ofSeconds(done));
  }

  @Test
  void progressIsThinnedToOneLinePerInterval() {
    progress.progress(at(1, 10));
    now.addAndGet(Duration.ofSeconds(3).toNanos());
    progress.progress(at(2, 10));
    now.addAndGet(Duration.ofSeconds(8).toNanos());
    progress.progress(at(3, 10));

    assertThat(console.text().lines().toList()).containsExactly(
        "[Resemble] 1/10 detections finished (1 s).",
        "[Resemble] 3/10 detections finished (3 s).");
  }

  @Test
  void theFinalProgressLineIsAlwaysPrinted() {
    progress.progress(at(9, 10));
    progress.progress(at(10, 10));

    assertThat(console.text()).contains("10/10 detections finished");
  }

  @Test
  void flaggedAndErroredFilesAreAnnouncedAsTheyAreJudged() {
    progress.fileJudged(Results.file("media/fake.wav", Outcome.FLAGGED, 0.97));
    progress.fileJudged(Results.file("media/ok.wav", Outcome.PASSED, 0.01));
    progress.fileJudged(Results.file("media/odd.png", Outcome.ERROR, null));

    assertThat(console.text().lines().toList()).containsExactly(
        "[Resemble] FLAGGED media/fake.wav score 0.97 >= 0.50",
        "[Resemble] ERROR media/odd.png: the API answered 500");
  }

  @Test
  void theTokenIsMaskedInEveryLine() {
    progress.info("using s3cret-token");
    progress.warn("s3cret-token rejected");

    assertThat(console.text()).doesNotContain("s3cret-token")
        .contains("using ****").contains("WARNING: **** rejected");
  }
}
