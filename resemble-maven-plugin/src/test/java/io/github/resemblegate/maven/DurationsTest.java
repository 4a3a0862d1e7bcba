package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsTheShortFormsAndIso() {
    assertThat(Durations.parse("500ms", "t")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("90s", "t")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("90", "t")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse(" 30m ", "t")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1H", "t")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("PT1M30S", "t")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void anythingElseNamesTheParameterAndTheForms() {
    assertThatThrownBy(() -> Durations.parse("1.5m", "readTimeout"))
        .hasMessage("readTimeout must be a duration such as 500ms, 90s, 30m or 1h, not '1.5m'.");
    assertThatThrownBy(() -> Durations.parse(null, "timeout"))
        .hasMessage("timeout must be a duration such as 500ms, 90s, 30m or 1h, not 'null'.");
  }
}
