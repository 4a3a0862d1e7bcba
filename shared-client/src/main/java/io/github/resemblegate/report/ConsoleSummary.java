package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.util.ArrayList;
import java.util.List;

/** The text a front end prints after a run: flagged and errored files first, then the totals. */
public final class ConsoleSummary {

  /** Rows of the console table; the reports list every file. */
  static final int MAX_ROWS = 50;
  private static final int MAX_PATH_WIDTH = 60;
  private static final int MAX_REASON_WIDTH = 80;

  private ConsoleSummary() {}

  /** Aligned lines: a table of flagged/errored/warned files with scores, then totals and the verdict. */
  public static List<String> lines(GateResult result) {
    List<String> lines = new ArrayList<>();
    List<FileResult> attention = Outcomes.needingAttention(result);
    if (!attention.isEmpty()) {
      List<FileResult> rows = attention.subList(0, Math.min(MAX_ROWS, attention.size()));
      List<String[]> cells = new ArrayList<>();
      cells.add(new String[] {"FILE", "OUTCOME", "SCORE", "THRESHOLD", "REASON"});
      for (FileResult f : rows) {
        cells.add(new String[] {
            ellipsize(f.path(), MAX_PATH_WIDTH),
            f.outcome().name(),
            ScoreFormat.score(f.score(), f.threshold()),
            ScoreFormat.threshold(f.threshold()),
            ellipsize(reason(f), MAX_REASON_WIDTH)});
      }
      int[] width = new int[5];
      for (String[] row : cells) {
        for (int i = 0; i < row.length; i++) {
          width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
        }
      }
      for (String[] row : cells) {
        StringBuilder line = new StringBuilder("  ");
        line.append(padRight(row[0], width[0])).append("  ")
            .append(padRight(row[1], width[1])).append("  ")
            .append(padLeft(row[2], width[2])).append("  ")
            .append(padLeft(row[3], width[3]));
        if (!row[4].isEmpty()) {
          line.append("  ").append(row[4]);
        }
        lines.add(line.toString().stripTrailing());
      }
      if (attention.size() > rows.size()) {
        lines.add("  ... and " + (attention.size() - rows.size())
            + " more (resemble-report.html lists every file)");
      }
    }
    lines.add(totalsLine(result));
    for (String notice : result.notices()) {
      lines.add("Notice: " + notice);
    }
    String sentence = result.decision().sentence();
    lines.add("Verdict: " + result.decision().verdict().name()
        + (sentence.isBlank() ? "" : ". " + sentence));
    return lines;
  }

  private static String totalsLine(GateResult result) {
    Totals t = result.totals();
    StringBuilder s = new StringBuilder(Outcomes.files(t.files()));
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcomes.byRank()) {
      if (t.count(o) > 0) {
        parts.add(o.count(t.count(o)));
      }
    }
    if (!parts.isEmpty()) {
      s.append(": ").append(String.join(", ", parts));
    }
    s.append("; ").append(t.fromCache()).append(" from cache, ").append(t.uploaded())
        .append(" uploaded (").append(Sizes.bytes(t.bytesUploaded())).append(") in ")
        .append(t.batches()).append(t.batches() == 1 ? " batch" : " batches");
    if (result.run().dryRun()) {
      s.append("; dry run, nothing submitted");
    }
    return s.toString();
  }

  private static String reason(FileResult f) {
    String reason = switch (f.outcome()) {
      case FLAGGED, WARNED -> f.label() == null ? "" : "label " + f.label();
      case ERROR -> f.errorReason();
      default -> f.reason() == null ? "" : f.reason();
    };
    return reason.replace('\n', ' ').replace('\r', ' ').strip();
  }

  /** Keeps both ends of a long path, where the folder and the file name are. */
  static String ellipsize(String s, int max) {
    int length = s.codePointCount(0, s.length());
    if (length <= max) {
      return s;
    }
    int head = (max - 3) / 2;
    int tail = max - 3 - head;
    int headEnd = s.offsetByCodePoints(0, head);
    int tailStart = s.offsetByCodePoints(0, length - tail);
    return s.substring(0, headEnd) + "..." + s.substring(tailStart);
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.codePointCount(0, s.length())));
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - s.codePointCount(0, s.length()))) + s;
  }
}
