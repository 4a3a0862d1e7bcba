package io.github.resemblegate.report;

import io.github.resemblegate.gate.policy.ScoreFormat;

/** Sizes for people: {@code 512 B}, {@code 3.4 MB} (decimal units, as the API's limits are). */
final class Sizes {

  private Sizes() {}

  static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 999.95 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return ScoreFormat.fixed(value, 1) + " " + units[unit];
  }
}
