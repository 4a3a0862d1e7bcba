package io.github.resemblegate.maven;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the duration parameters: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 1h}, or ISO-8601 {@code PT30M}. */
final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private Durations() {}

  /**
   * Parses a duration; a bare number means seconds.
   *
   * @throws IllegalArgumentException with a sentence naming the parameter and the accepted forms
   */
  static Duration parse(String value, String parameter) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    }
    if (v.startsWith("pt") || v.startsWith("p")) {
      try {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // fall through to the one message below
      }
    }
    throw new IllegalArgumentException(parameter + " must be a duration such as 500ms, 90s, 30m or 1h, not '"
        + value + "'.");
  }
}
