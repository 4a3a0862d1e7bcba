package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upload bandwidth limit: reading waits until the bytes so far could have come at the rate. */
class ThrottledInputStreamTest {

  /** A clock that moves only when slept on. */
  private static final class FakeClock {
    long nanos;
    final List<Long> sleeps = new ArrayList<>();

    void sleep(long wait) {
      sleeps.add(wait);
      nanos += wait;
    }
  }

  @Test
  void readingThreeSecondsWorthAtTheRateWaitsThreeSecondsInTenthSlices() throws Exception {
    FakeClock clock = new FakeClock();
    InputStream in = new ThrottledInputStream(new ByteArrayInputStream(new byte[3_000]), 1_000,
        () -> clock.nanos, clock::sleep);

    byte[] buffer = new byte[8192];
    List<Integer> reads = new ArrayList<>();
    for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
      reads.add(n);
    }

    assertThat(reads).as("a tenth of a second's worth at a time").allMatch(n -> n == 100)
        .hasSize(30);
    assertThat(clock.nanos).isEqualTo(3_000_000_000L);
    assertThat(clock.sleeps).allMatch(wait -> wait == 100_000_000L);
  }

  @Test
  void aReaderSlowerThanTheLimitWaitsOnlyForItsFirstSlice() throws Exception {
    FakeClock clock = new FakeClock();
    InputStream in = new ThrottledInputStream(new ByteArrayInputStream(new byte[1_000]), 1_000,
        () -> clock.nanos, clock::sleep);

    byte[] buffer = new byte[100];
    while (in.read(buffer, 0, buffer.length) > 0) {
      clock.nanos += 200_000_000L; // the reader itself takes longer than the limit asks
    }

    assertThat(clock.sleeps).containsExactly(100_000_000L);
  }
}
