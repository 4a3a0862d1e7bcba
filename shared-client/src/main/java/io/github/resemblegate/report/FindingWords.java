package io.github.resemblegate.report;

import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.gate.policy.Findings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the API said beside a file's score, in the plain sentences every report uses: the HTML
 * and Markdown for people, the JUnit details, the SARIF and Code Quality messages. Each method
 * returns null when the API did not say that part. The API's own words (a generator's name, a
 * verdict word) are kept as sent; the caller escapes them for its format.
 */
final class FindingWords {

  /** More image sources than this are counted, not listed, outside the HTML. */
  static final int LISTED_SOURCES = 3;

  private FindingWords() {}

  /**
   * Every part the API said, one sentence each, in the order a content lead reads them; the
   * intelligence text cut after {@code maxIntelligence} characters (where a table cell must stay
   * short; the HTML and JSON reports have it whole).
   */
  static List<String> sentences(Findings f, int maxIntelligence) {
    List<String> lines = new ArrayList<>();
    String intelligence = intelligence(f);
    add(lines, intelligence == null || intelligence.length() <= maxIntelligence ? intelligence
        : intelligence.substring(0, maxIntelligence).stripTrailing() + "…");
    add(lines, voiceSource(f));
    add(lines, apiVerdict(f));
    add(lines, imageSources(f));
    add(lines, media(f));
    return lines;
  }

  /** The short ones that belong beside a finding's headline (no intelligence text, no list). */
  static List<String> headline(Findings f) {
    List<String> lines = new ArrayList<>();
    add(lines, voiceSource(f));
    add(lines, apiVerdict(f));
    if (!f.imageSources().isEmpty()) {
      add(lines, "Found online on " + pages(f.imageSources().size()) + ".");
    }
    return lines;
  }

  static String intelligence(Findings f) {
    return f.intelligence() == null ? null : "What the API found: " + f.intelligence();
  }

  static String voiceSource(Findings f) {
    if (f.sourceTracing() == null) {
      return null;
    }
    return f.sourceTracing().equalsIgnoreCase("real")
        ? "Source tracing found no voice generator: it reads as a real voice."
        : "Likely voice generator: " + f.sourceTracing() + ".";
  }

  /** The API's own verdict word and certainty: {@code The API's own verdict: Fake, 90% certain.} */
  static String apiVerdict(Findings f) {
    if (f.conclusion() != null) {
      return "The API's own verdict: " + f.conclusion()
          + (f.certainty() == null ? "" : ", " + percent(f.certainty()) + " certain") + ".";
    }
    return f.certainty() == null ? null
        : "The API is " + percent(f.certainty()) + " certain of its label.";
  }

  /** The pages a reverse image search found, the first few named. */
  static String imageSources(Findings f) {
    List<ReverseSearchSource> sources = f.imageSources();
    if (sources.isEmpty()) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (ReverseSearchSource s : sources.subList(0, Math.min(LISTED_SOURCES, sources.size()))) {
      named.add(source(s));
    }
    String more = sources.size() > LISTED_SOURCES
        ? "; and " + (sources.size() - LISTED_SOURCES) + " more" : "";
    return "Found online on " + pages(sources.size()) + ": " + String.join("; ", named) + more
        + ".";
  }

  /** One page: its title (else its address), then the API's verdict on it and the similarity. */
  static String source(ReverseSearchSource s) {
    String name = sourceName(s);
    String about = sourceVerdict(s);
    return about.isEmpty() ? name : name + " (" + about + ")";
  }

  /** The page's title, else its address. */
  static String sourceName(ReverseSearchSource s) {
    return s.title() != null && !s.title().isBlank() ? s.title().strip()
        : s.url() == null || s.url().isBlank() ? "a page without an address" : s.url().strip();
  }

  /** {@code known fake, 90% similar}; empty when the API said neither. */
  static String sourceVerdict(ReverseSearchSource s) {
    List<String> parts = new ArrayList<>();
    if (s.verdict() != null && !s.verdict().isBlank()) {
      parts.add(s.verdict().strip().replace('_', ' ').toLowerCase(Locale.ROOT));
    }
    if (s.similarity() != null && s.similarity() >= 0 && s.similarity() <= 1) {
      parts.add(percent(s.similarity()) + " similar");
    }
    return String.join(", ", parts);
  }

  /** What became of the uploaded media under zero retention. */
  static String media(Findings f) {
    Retention r = f.retention();
    if (r.mediaDeleted()) {
      return "Resemble deleted its copy of the media"
          + (r.fileDeletedAt() == null || r.fileDeletedAt().isBlank() ? ""
              : " at " + r.fileDeletedAt().strip()) + ".";
    }
    if (r.mediaRedacted()) {
      return "Resemble redacted its copy of the media.";
    }
    return r.zeroRetention() ? "Sent in zero-retention mode." : null;
  }

  /** {@code 0.904} → {@code 90%}. */
  static String percent(double fraction) {
    return BigDecimal.valueOf(fraction * 100).setScale(0, RoundingMode.HALF_UP).toPlainString()
        + "%";
  }

  private static String pages(int n) {
    return n == 1 ? "1 page" : n + " pages";
  }

  private static void add(List<String> lines, String line) {
    if (line != null) {
      lines.add(line);
    }
  }
}
