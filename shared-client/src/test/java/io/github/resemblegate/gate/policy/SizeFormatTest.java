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

  @Test
  void playingTimesReadAsPeopleSayThemAndUnknownIsNeverZero() {
    assertThat(SizeFormat.playingTime(0.1, 0)).isEqualTo("about 0.1 s of media");
    assertThat(SizeFormat.playingTime(42.4, 0)).isEqualTo("about 42 s of media");
    assertThat(SizeFormat.playingTime(270, 0)).isEqualTo("about 4.5 min of media");
    assertThat(SizeFormat.playingTime(270, 2)).isEqualTo("about 4.5 min of media, the length of"
        + " 2 files unknown");
    assertThat(SizeFormat.playingTime(0, 1)).isEqualTo("the length of 1 file unknown");
    assertThat(SizeFormat.playingTime(0, 0)).isEmpty();
  }
}
