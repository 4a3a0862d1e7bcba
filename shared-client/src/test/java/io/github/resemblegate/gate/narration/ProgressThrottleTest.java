package io.github.resemblegate.gate.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Progress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

  private static Progress p(int done, int total) {
    return new Progress(1, 2, "b1", done, total, done, total * 2, Duration.ZERO);
  }

  @Test
  void letsTheFirstEventThroughThenAtMostOnePerInterval() {
    AtomicLong now = new AtomicLong();
    ProgressThrottle t = new ProgressThrottle(Duration.ofSeconds(5), now::get);
    assertThat(t.admit(p(1, 50))).isTrue();
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(t.admit(p(2, 50))).isFalse();
    now.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(t.admit(p(3, 50))).isTrue();
    assertThat(t.admit(p(4, 50))).isFalse();
  }

  @Test
  void alwaysShowsABatchFinishing() {
    AtomicLong now = new AtomicLong();
    ProgressThrottle t = new ProgressThrottle(Duration.ofSeconds(5), now::get);
    t.admit(p(1, 50));
    assertThat(t.admit(p(50, 50))).isTrue();
  }

  @Test
  void wrappedListenerForwardsOtherEventsUntouched() {
    StringBuilder seen = new StringBuilder();
    GateListener wrapped = ProgressThrottle.wrap(new GateListener() {
      @Override
      public void info(String message) {
        seen.append(message);
      }

      @Override
      public void progress(Progress progress) {
        seen.append('p');
      }
    }, Duration.ofHours(1));
    wrapped.info("hello");
    wrapped.progress(p(1, 50));
    wrapped.progress(p(2, 50));
    assertThat(seen.toString()).isEqualTo("hellop");
  }
}
