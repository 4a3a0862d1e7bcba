package io.github.resemblegate.report;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The inline SVG pictures of the HTML report: a score bar and a strip of scores over time. */
final class ScoreGraphics {

  static final int BAR_WIDTH = 120;
  static final int BAR_HEIGHT = 10;
  static final int STRIP_WIDTH = 220;
  static final int STRIP_HEIGHT = 26;
  /** Longer clips are shown as this many windows, each the highest score inside it. */
  static final int MAX_STRIP_CELLS = 110;

  private ScoreGraphics() {}

  /** A bar filled to the score with a marker at the threshold (and at the warn threshold). */
  static String scoreBar(FileResult file, Double warnThreshold) {
    if (file.score() == null || !Double.isFinite(file.score())) {
      return "";
    }
    double score = clamp(file.score());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"bar\" width=\"").append(BAR_WIDTH).append("\" height=\"")
        .append(BAR_HEIGHT + 4).append("\" viewBox=\"0 0 ").append(BAR_WIDTH).append(' ')
        .append(BAR_HEIGHT + 4).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(barTitle(file))).append("\">");
    svg.append("<title>").append(Html.escape(barTitle(file))).append("</title>");
    svg.append("<rect class=\"track\" x=\"0\" y=\"2\" width=\"").append(BAR_WIDTH)
        .append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"2\"/>");
    svg.append("<rect class=\"fill o-").append(Outcomes.id(file.outcome()))
        .append("\" x=\"0\" y=\"2\" width=\"").append(num(score * BAR_WIDTH))
        .append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"2\"/>");
    if (warnThreshold != null && warnThreshold < file.threshold()) {
      double x = marker(warnThreshold);
      svg.append("<line class=\"warn-mark\" x1=\"").append(num(x)).append("\" x2=\"")
          .append(num(x)).append("\" y1=\"0\" y2=\"").append(BAR_HEIGHT + 4).append("\"/>");
    }
    double x = marker(file.threshold());
    svg.append("<line class=\"threshold-mark\" x1=\"").append(num(x)).append("\" x2=\"")
        .append(num(x)).append("\" y1=\"0\" y2=\"").append(BAR_HEIGHT + 4).append("\"/>");
    svg.append("</svg>");
    return svg.toString();
  }

  private static String barTitle(FileResult file) {
    return "Score " + ScoreFormat.score(file.score(), file.threshold()) + ", threshold "
        + ScoreFormat.threshold(file.threshold());
  }

  /**
   * Scores over the clip, one column per chunk (audio) or frame (video), coloured against the
   * threshold; a chunk without a score is a gap. Below it, a time axis when the chunk length is
   * known, else a chunk count. The columns are three paths (one per colour) rather than one
   * element each, so a report of a thousand long clips stays small; the script shows each
   * column's time and score on hover from the {@code data-} attributes.
   */
  static String strip(FileResult file, Double warnThreshold) {
    List<Double> chunks = file.chunkScores();
    if (chunks.isEmpty()) {
      return "";
    }
    int per = (chunks.size() + MAX_STRIP_CELLS - 1) / MAX_STRIP_CELLS;
    List<Double> cells = per == 1 ? chunks : windows(chunks, per);
    double cellWidth = (double) STRIP_WIDTH / cells.size();
    double gap = cellWidth >= 4 ? 1 : 0;
    String unit = file.mediaType() == MediaType.VIDEO ? "frame" : "chunk";
    Double seconds = file.chunkSeconds() != null && file.chunkSeconds() > 0
        ? file.chunkSeconds() : null;

    StringBuilder hi = new StringBuilder();
    StringBuilder mid = new StringBuilder();
    StringBuilder lo = new StringBuilder();
    StringBuilder values = new StringBuilder();
    int peak = -1;
    for (int i = 0; i < cells.size(); i++) {
      Double score = cells.get(i);
      if (i > 0) {
        values.append(',');
      }
      if (score == null || !Double.isFinite(score)) {
        continue;
      }
      values.append(decimal(score, 4));
      if (peak < 0 || score > cells.get(peak)) {
        peak = i;
      }
      double height = Math.max(2, clamp(score) * (STRIP_HEIGHT - 2));
      StringBuilder band = score >= file.threshold() ? hi
          : warnThreshold != null && score >= warnThreshold ? mid : lo;
      double width = Math.max(0.5, cellWidth - gap);
      band.append('M').append(num1(i * cellWidth)).append(' ').append(num1(STRIP_HEIGHT - height))
          .append('h').append(num1(width)).append('v').append(num1(height))
          .append('h').append(num1(-width)).append('z');
    }

    long nulls = chunks.stream().filter(c -> c == null || !Double.isFinite(c)).count();
    StringBuilder label = new StringBuilder().append(chunks.size()).append(' ').append(unit)
        .append(" scores");
    if (peak >= 0) {
      label.append(", highest ").append(ScoreFormat.score(cells.get(peak), file.threshold()))
          .append(" at ").append(where(peak, per, chunks.size(), seconds, unit));
    }
    if (nulls > 0) {
      label.append(", ").append(nulls).append(" without a score");
    }
    if (per > 1) {
      label.append(", shown as ").append(cells.size()).append(" windows of ").append(per)
          .append(" (highest score in each)");
    }

    StringBuilder svg = new StringBuilder("<div class=\"strip\" data-cells=\"")
        .append(values).append("\" data-per=\"").append(per).append("\" data-total=\"")
        .append(chunks.size()).append("\" data-unit=\"").append(unit).append('"');
    if (seconds != null) {
      svg.append(" data-seconds=\"").append(seconds).append('"');
    }
    svg.append('>');
    svg.append("<svg width=\"").append(STRIP_WIDTH).append("\" height=\"").append(STRIP_HEIGHT)
        .append("\" viewBox=\"0 0 ").append(STRIP_WIDTH).append(' ').append(STRIP_HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(label.toString()))
        .append("\">");
    svg.append("<title>").append(Html.escape(label.toString())).append("</title>");
    svg.append("<line class=\"baseline\" x1=\"0\" x2=\"").append(STRIP_WIDTH).append("\" y1=\"")
        .append(STRIP_HEIGHT - 0.5).append("\" y2=\"").append(STRIP_HEIGHT - 0.5).append("\"/>");
    path(svg, "c-lo", lo);
    path(svg, "c-mid", mid);
    path(svg, "c-hi", hi);
    double y = STRIP_HEIGHT - clamp(file.threshold()) * (STRIP_HEIGHT - 2);
    svg.append("<line class=\"threshold-line\" x1=\"0\" x2=\"").append(STRIP_WIDTH)
        .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
    svg.append("</svg>");
    svg.append("<div class=\"axis\"><span>").append(seconds == null ? unit + " 1" : "0 s")
        .append("</span><span>")
        .append(seconds == null ? chunks.size() + " " + unit + (chunks.size() == 1 ? "" : "s")
            : duration(chunks.size() * seconds))
        .append("</span></div></div>");
    return svg.toString();
  }

  private static void path(StringBuilder svg, String cssClass, StringBuilder d) {
    if (d.length() > 0) {
      svg.append("<path class=\"").append(cssClass).append("\" d=\"").append(d).append("\"/>");
    }
  }

  /** Where column {@code cell} lies: {@code 8–10 s}, {@code 1:04–1:06}, {@code chunk 5}. */
  static String where(int cell, int per, int total, Double seconds, String unit) {
    int first = cell * per;
    int last = Math.min(total, first + per) - 1;
    if (seconds != null) {
      double from = first * seconds;
      double to = (last + 1) * seconds;
      return to < 60 ? plain(from) + "–" + plain(to) + " s" : duration(from) + "–" + duration(to);
    }
    return first == last ? unit + " " + (first + 1)
        : unit + "s " + (first + 1) + "–" + (last + 1);
  }

  private static String plain(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds)
        : String.format(Locale.ROOT, "%.1f", seconds);
  }

  /** The highest score in each window of {@code per} chunks; null when none has a score. */
  static List<Double> windows(List<Double> chunks, int per) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i += per) {
      Double max = null;
      for (int j = i; j < Math.min(chunks.size(), i + per); j++) {
        Double c = chunks.get(j);
        if (c != null && Double.isFinite(c) && (max == null || c > max)) {
          max = c;
        }
      }
      out.add(max);
    }
    return out;
  }

  /** {@code 8 s}, {@code 1:04}, {@code 1:02:03}; fractions of a second when chunks are short. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return plain(seconds) + " s";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static double marker(double threshold) {
    return Math.min(BAR_WIDTH - 1, Math.max(1, clamp(threshold) * BAR_WIDTH));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static String num1(double v) {
    return decimal(v, 1);
  }

  private static String num(double v) {
    return decimal(v, 2);
  }

  /**
   * {@code v} rounded to at most {@code places} decimals, trailing zeros dropped. A thousand long
   * clips need a few hundred thousand of these; String.format would take most of a second.
   */
  static String decimal(double v, int places) {
    long scale = places == 1 ? 10 : places == 2 ? 100 : places == 3 ? 1000 : 10_000;
    long scaled = Math.round(Math.abs(v) * scale);
    StringBuilder out = new StringBuilder(12);
    if (v < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(scaled / scale);
    long fraction = scaled % scale;
    if (fraction != 0) {
      StringBuilder digits = new StringBuilder(Long.toString(fraction + scale)).deleteCharAt(0);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.toString();
  }
}
