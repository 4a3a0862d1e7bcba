package io.github.resemblegate.report;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** How the HTML report words times, durations, thresholds and missing values. */
final class HtmlFormat {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private HtmlFormat() {}

  static String thresholds(Policy policy) {
    StringBuilder s = new StringBuilder(ScoreFormat.threshold(policy.threshold()));
    for (Map.Entry<MediaType, Double> e : policy.thresholds().entrySet()) {
      s.append(", ").append(e.getKey().id()).append(' ').append(ScoreFormat.threshold(e.getValue()));
    }
    return s.toString();
  }

  static String took(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    return s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
        : (s / 3600) + " h " + ((s / 60) % 60) + " min";
  }

  static String orDash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }
}
