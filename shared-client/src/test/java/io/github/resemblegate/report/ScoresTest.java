package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void thresholdsHaveTwoDecimalsOrAsManyAsTheyNeed() {
    assertThat(Scores.threshold(0.5)).isEqualTo("0.50");
    assertThat(Scores.threshold(1)).isEqualTo("1.00");
    assertThat(Scores.threshold(0.555)).isEqualTo("0.555");
  }

  @Test
  void scoresNeverLookEqualToAThresholdTheyAreNot() {
    assertThat(Scores.score(0.4999, 0.5)).isEqualTo("0.4999");
    assertThat(Scores.score(0.50001, 0.5)).isEqualTo("0.50001");
    assertThat(Scores.score(0.5, 0.5)).isEqualTo("0.50");
    assertThat(Scores.score(0.5551, 0.555)).isEqualTo("0.5551");
    assertThat(Scores.score(0.97, 0.5)).isEqualTo("0.97");
    assertThat(Scores.score(null, 0.5)).isEqualTo("-");
  }

  @Test
  void bytesUseDecimalUnits() {
    assertThat(Scores.bytes(0)).isEqualTo("0 B");
    assertThat(Scores.bytes(48_213)).isEqualTo("48.2 kB");
    assertThat(Scores.bytes(999_999)).isEqualTo("1.0 MB");
    assertThat(Scores.bytes(500_000_000)).isEqualTo("500.0 MB");
  }
}
