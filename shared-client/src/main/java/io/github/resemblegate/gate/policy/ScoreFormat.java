package io.github.resemblegate.gate.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Scores and thresholds as people read them, in the decision sentence and in every report. A score
 * is printed with enough decimals that it never looks equal to its threshold when it is not: 0.4999
 * against 0.50 prints as {@code 0.4999}, not a misleading {@code 0.50}.
 */
public final class ScoreFormat {

  private static final int MIN_DECIMALS = 2;
  private static final int MAX_DECIMALS = 6;

  private ScoreFormat() {}

  /** At least two decimals, more when the threshold has them: {@code 0.50}, {@code 0.555}. */
  public static String threshold(double threshold) {
    BigDecimal exact = BigDecimal.valueOf(threshold).stripTrailingZeros();
    int decimals = Math.min(MAX_DECIMALS, Math.max(MIN_DECIMALS, exact.scale()));
    return fixed(threshold, decimals);
  }

  /** The score beside its threshold; {@code -} when there is none. */
  public static String score(Double score, double threshold) {
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
  public static String score(Double score) {
    return score == null || !Double.isFinite(score) ? "-" : fixed(score, MIN_DECIMALS);
  }

  /** {@code value} rounded half up to {@code decimals} places. */
  public static String fixed(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }
}
