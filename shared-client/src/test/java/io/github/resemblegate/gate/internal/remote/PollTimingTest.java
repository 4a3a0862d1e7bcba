package io.github.resemblegate.gate.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollTimingTest {

  private static final long S = TimeUnit.SECONDS.toNanos(1);
  private final PollTiming timing = new PollTiming(2 * S, 12 * S);

  /** A batch of ten accepted at {@code acceptedNanos}, first paused for two seconds. */
  private static Awaited batch(long acceptedNanos) {
    Submission s = new Submission("i1", Instant.EPOCH, "key", Journal.BATCH,
        List.of(new Submission.Part("a.wav", "a".repeat(64), "a.wav", 1)), "b-1", List.of(),
        null);
    Awaited a = new Awaited(1, s, acceptedNanos + 2 * S, 2 * S);
    a.acceptedNanos = acceptedNanos;
    a.lastSeenNanos = acceptedNanos;
    return a;
  }

  @Test
  void firstAsksAfterTheConfiguredWaitWhileNothingWasSeenFinished() {
    assertThat(timing.firstPoll(100 * S)).isEqualTo(102 * S);
  }

  @Test
  void laterSubmissionsAreFirstAskedWhenOneLikeThemWasDone() {
    timing.finished(batch(0), 7 * S);
    timing.finished(batch(10 * S), 15 * S);

    assertThat(timing.firstPoll(100 * S)).isEqualTo(105 * S);
  }

  @Test
  void aRunningBatchIsAskedAgainWhenItsProgressSaysItWillBeDone() {
    Awaited b = batch(0);
    timing.notYet(b, 2 * S, 8, 10);
    // Eight detections in two seconds: the last two need half a second more, not two.
    assertThat(b.nextPollNanos).isEqualTo(2 * S + S / 2);
  }

  @Test
  void progressNeverMakesTheWaitLongerThanThePause() {
    Awaited b = batch(0);
    timing.notYet(b, 2 * S, 1, 10);
    assertThat(b.nextPollNanos).isEqualTo(4 * S);
  }

  @Test
  void withoutProgressThePauseGrowsByHalfUpToTheLongest() {
    Awaited b = batch(0);
    long now = 2 * S;
    List<Long> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      timing.notYet(b, now, 0, 10);
      waits.add((b.nextPollNanos - now) / (S / 1000));
      now = b.nextPollNanos;
    }
    assertThat(waits).containsExactly(2000L, 3000L, 4500L, 6750L, 10125L, 12000L, 12000L);
  }
}
