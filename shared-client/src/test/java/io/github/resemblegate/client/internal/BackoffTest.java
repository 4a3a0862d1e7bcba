package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The waits between retries: exponential with jitter, or what {@code Retry-After} asks. */
class BackoffTest {

  @Test
  void jitterNeverShortensADelayBelowHalfItsStep() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), () -> 0.0);

    assertThat(backoff.delay(1, null)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.delay(3, null)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(30, null)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void readsRetryAfterForms() {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

    assertThat(RetryAfter.parse("120", now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isNull();
    assertThat(RetryAfter.parse("-5", now)).isNull();
    assertThat(RetryAfter.parse(null, now)).isNull();
  }
}
