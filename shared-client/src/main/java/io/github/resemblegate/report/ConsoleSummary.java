package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.PathFormat;
import io.github.resemblegate.gate.policy.ScoreFormat;
import io.github.resemblegate.gate.policy.SizeFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a front end prints after a run, for the person who decides what ships: the files that
 * need a look (their verdict in words, the score against the threshold, why), the totals, what to
 * do next, and the verdict with the decision's sentence. The API's field names, ids and hashes are
 * in the reports, not here.
 */
public final class ConsoleSummary {

  /** Rows of the console table; the reports list every file. */
  static final int MAX_ROWS = 50;
  private static final int MAX_PATH_WIDTH = 60;
  /** The verdict line starts with this; front ends may log it at their own level. */
  public static final String VERDICT = "Verdict: ";

  private ConsoleSummary() {}

  /**
   * Aligned lines: a table of the files that need a look, the totals, notices, what to do next
   * (with the exact waiver entry to copy), and last {@code Verdict: <word>. <sentence>}.
   */
  public static List<String> lines(GateResult result) {
    List<String> lines = new ArrayList<>();
    List<FileResult> attention = Outcomes.needingAttention(result);
    if (!attention.isEmpty()) {
      List<FileResult> rows = attention.subList(0, Math.min(MAX_ROWS, attention.size()));
      List<String[]> cells = new ArrayList<>();
      cells.add(new String[] {"FILE", "VERDICT", "SCORE", "THRESHOLD", "WHY"});
      for (FileResult f : rows) {
        cells.add(new String[] {
            PathFormat.shorten(f.path(), MAX_PATH_WIDTH),
            f.outcome().label(),
            ScoreFormat.score(f.score(), f.threshold()),
            ScoreFormat.threshold(f.threshold()),
            reason(f, result.decision().sentence())});
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
    List<NextSteps.Step> steps = NextSteps.of(result);
    if (!steps.isEmpty()) {
      lines.add("What to do next:");
      for (NextSteps.Step step : steps) {
        lines.add("  - " + step.text());
        step.copy().forEach(copy -> lines.add("      " + copy));
      }
    }
    String sentence = result.decision().sentence();
    lines.add(VERDICT + RunState.of(result).word(result)
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
        .append(" uploaded (").append(SizeFormat.bytes(t.bytesUploaded())).append(") in ")
        .append(t.batches()).append(t.batches() == 1 ? " batch" : " batches");
    if (result.run().dryRun()) {
      s.append("; dry run, nothing sent");
    }
    return s.toString();
  }

  /**
   * Why a file needs a look beyond its verdict, whole: it is the last column, and the decision's
   * sentence may carry only its first part. The score says it for a flagged file; the verdict
   * line says it once when one cause stopped every file (a wrong token), not once per row.
   */
  private static String reason(FileResult f, String verdictSentence) {
    String reason = switch (f.outcome()) {
      case FLAGGED, WARNED -> "";
      case ERROR -> f.errorReason();
      default -> f.reason() == null ? "" : f.reason();
    };
    String oneLine = reason.replace('\n', ' ').replace('\r', ' ').strip();
    return verdictSentence != null && oneLine.equals(verdictSentence.strip()) ? "" : oneLine;
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.codePointCount(0, s.length())));
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - s.codePointCount(0, s.length()))) + s;
  }
}
