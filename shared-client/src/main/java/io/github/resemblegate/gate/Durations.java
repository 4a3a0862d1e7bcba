package io.github.resemblegate.gate;

import java.time.Duration;

/** Short human durations for messages: {@code 250ms}, {@code 45s}, {@code 1m12s}, {@code 2h5m}. */
final class Durations {

  private Durations() {}

  static String format(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 1000) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s < 60) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 60) {
      return m + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
    long h = m / 60;
    return h + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
  }
}
