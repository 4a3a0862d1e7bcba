package io.github.resemblegate.gate.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them and as messages print them: {@code 500ms}, {@code 90s},
 * {@code 30m}, {@code 1h} (a bare number is seconds), or ISO-8601 {@code PT30M}.
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private Durations() {}

  /** The duration {@code word} names, or null when it names none. */
  public static Duration parse(String word) {
    String v = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return null;
      }
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    }
    if (v.startsWith("p")) {
      try {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /** Short for messages: {@code 250ms}, {@code 45s}, {@code 1m12s}, {@code 2h5m}. */
  public static String format(Duration d) {
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
