package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void bytesUseDecimalUnits() {
    assertThat(Sizes.bytes(0)).isEqualTo("0 B");
    assertThat(Sizes.bytes(48_213)).isEqualTo("48.2 kB");
    assertThat(Sizes.bytes(999_999)).isEqualTo("1.0 MB");
    assertThat(Sizes.bytes(500_000_000)).isEqualTo("500.0 MB");
  }
}
