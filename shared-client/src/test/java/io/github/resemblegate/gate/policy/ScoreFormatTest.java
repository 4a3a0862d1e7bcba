package io.github.resemblegate.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreFormatTest {

  @Test
  void thresholdsHaveTwoDecimalsOrAsManyAsTheyNeed() {
    assertThat(ScoreFormat.threshold(0.5)).isEqualTo("0.50");
    assertThat(ScoreFormat.threshold(1)).isEqualTo("1.00");
    assertThat(ScoreFormat.threshold(0.555)).isEqualTo("0.555");
  }

  @Test
  void scoresNeverLookEqualToAThresholdTheyAreNot() {
    assertThat(ScoreFormat.score(0.4999, 0.5)).isEqualTo("0.4999");
    assertThat(ScoreFormat.score(0.50001, 0.5)).isEqualTo("0.50001");
    assertThat(ScoreFormat.score(0.5, 0.5)).isEqualTo("0.50");
    assertThat(ScoreFormat.score(0.5551, 0.555)).isEqualTo("0.5551");
    assertThat(ScoreFormat.score(0.97, 0.5)).isEqualTo("0.97");
    assertThat(ScoreFormat.score(null, 0.5)).isEqualTo("-");
  }
}
