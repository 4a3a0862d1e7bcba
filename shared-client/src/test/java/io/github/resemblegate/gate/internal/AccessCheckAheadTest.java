package io.github.resemblegate.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The access check made ahead on its own thread still stands in front of the first upload. */
class AccessCheckAheadTest {

  private final AtomicInteger checks = new AtomicInteger();

  @Test
  void whoeverUploadsMeetsWhatTheCheckAheadThrew() {
    AccessCheckAhead ahead = new AccessCheckAhead(() -> {
      checks.incrementAndGet();
      throw new IllegalStateException("the check failed in an unforeseen way");
    });

    ahead.start();

    assertThatThrownBy(ahead::await).isInstanceOf(IllegalStateException.class)
        .hasMessage("the check failed in an unforeseen way");
    assertThatThrownBy(ahead::await).isInstanceOf(IllegalStateException.class);
    assertThat(checks).hasValue(1);
  }

  @Test
  void startsTheCheckOnceAndLetsTheUploadGoOnceItPassed() {
    AccessCheckAhead ahead = new AccessCheckAhead(checks::incrementAndGet);

    ahead.start();
    ahead.start();
    ahead.await();

    assertThat(checks).hasValue(1);
  }

  @Test
  void aCheckNeverStartedIsNotWaitedFor() {
    AccessCheckAhead ahead = new AccessCheckAhead(checks::incrementAndGet);

    ahead.await();

    assertThat(checks).hasValue(0);
  }
}
