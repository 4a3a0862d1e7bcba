package io.github.resemblegate.gate.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CostWordsTest {

  @Test
  void saysTheProjectedCostTheBalanceAndHowManyFiles() {
    assertThat(CostWords.of("{\"projected_cost\":120.0,\"wallet_balance\":\"60.50\","
        + "\"files\":[{\"estimated_cost\":60},{\"estimated_cost\":60}]}", 2))
        .isEqualTo(" Projected cost 120, wallet balance 60.5, for 2 files.");
  }

  @Test
  void detailsOfAnotherShapeAreNotShown() {
    assertThat(CostWords.of("{\"total\":5}", 3)).isNull();
    assertThat(CostWords.of("[1, 2]", 3)).isNull();
    assertThat(CostWords.of(null, 3)).isNull();
  }

  @Test
  void detailsCutShortAreReadAsFarAsTheyGo() {
    assertThat(CostWords.of("{\"projected_cost\":120,\"files\":[{\"est…", 50))
        .isEqualTo(" Projected cost 120, for 50 files.");
  }
}
