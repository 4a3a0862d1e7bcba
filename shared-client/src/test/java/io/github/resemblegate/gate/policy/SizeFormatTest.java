package io.github.resemblegate.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeFormatTest {

  @Test
  void bytesUseDecimalUnits() {
    assertThat(SizeFormat.bytes(0)).isEqualTo("0 B");
    assertThat(SizeFormat.bytes(48_213)).isEqualTo("48.2 kB");
    assertThat(SizeFormat.bytes(999_999)).isEqualTo("1.0 MB");
    assertThat(SizeFormat.bytes(500_000_000)).isEqualTo("500.0 MB");
  }
}
