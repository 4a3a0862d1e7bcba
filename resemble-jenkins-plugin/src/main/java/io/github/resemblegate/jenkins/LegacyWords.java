package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.settings.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * How earlier versions of the step wrote some settings, turned into the words of the settings
 * catalogue: saved jobs and Pipeline scripts keep working, and the form shows the current words.
 */
final class LegacyWords {

  private LegacyWords() {}

  /**
   * A reaction as the catalogue writes it: Jenkins' FAILURE and UNSTABLE become FAIL and WARN,
   * blank becomes null (the default); anything else is kept, upper-cased, for the reader to judge.
   */
  static String reaction(String word) {
    if (Text.isBlank(word)) {
      return null;
    }
    String w = word.strip().toUpperCase(Locale.ROOT);
    return switch (w) {
      case "FAILURE" -> "FAIL";
      case "UNSTABLE" -> "WARN";
      default -> w;
    };
  }

  /** {@code timeoutMinutes} as a duration word: 30 is {@code 30m}. */
  static String minutes(Integer minutes) {
    return minutes == null ? null : minutes + "m";
  }

  /** {@code retryBudgetSeconds} as a duration word: 120 is {@code 2m}, 90 is {@code 90s}. */
  static String seconds(Integer seconds) {
    if (seconds == null) {
      return null;
    }
    return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** A duration word in whole minutes, for the old {@code timeoutMinutes}; else null. */
  static Integer wholeMinutes(String word) {
    return whole(word, Duration.ofMinutes(1));
  }

  /** A duration word in whole seconds, for the old {@code retryBudgetSeconds}; else null. */
  static Integer wholeSeconds(String word) {
    return whole(word, Duration.ofSeconds(1));
  }

  private static Integer whole(String word, Duration unit) {
    Duration d = Text.isBlank(word) ? null : Durations.parse(word.strip());
    if (d == null || d.toMillis() % unit.toMillis() != 0) {
      return null;
    }
    long n = d.toMillis() / unit.toMillis();
    return n > Integer.MAX_VALUE ? null : Integer.valueOf((int) n);
  }
}
