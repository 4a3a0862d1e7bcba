package io.github.resemblegate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats scores and thresholds for people. A score is printed with enough decimals that it never
 * looks equal to its threshold when it is not: 0.4999 against 0.50 prints as {@code 0.4999}, not
 * a misleading {@code 0.50}.
 */
final class Scores {

  private static final int MIN_DECIMALS = 2;
  private static final int MAX_DECIMALS = 6;

  private Scores() {}

  /** At least two decimals, more when the threshold has them: {@code 0.50}, {@code 0.555}. */
  static String threshold(double threshold) {
    BigDecimal exact = BigDecimal.valueOf(threshold).stripTrailingZeros();
    int decimals = Math.min(MAX_DECIMALS, Math.max(MIN_DECIMALS, exact.scale()));
    return fixed(threshold, decimals);
  }

  /** The score beside its threshold; {@code -} when there is none. */
  static String score(Double score, double threshold) {
    if (score == null || !Double.isFinite(score)) {
      return "-";
    }
    int decimals = Math.max(MIN_DECIMALS, threshold(threshold).length() - 2);
    String text = fixed(score, decimals);
    while (decimals < MAX_DECIMALS && score != threshold
        && text.equals(fixed(threshold, decimals))) {
      decimals++;
      text = fixed(score, decimals);
    }
    return text;
  }

  /** A score on its own (no threshold to compare with). */
  static String score(Double score) {
    return score == null || !Double.isFinite(score) ? "-" : fixed(score, MIN_DECIMALS);
  }

  static String fixed(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** Bytes for people: {@code 512 B}, {@code 3.4 MB} (decimal units, as the API's limits are). */
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
    return fixed(value, 1) + " " + units[unit];
  }
}
