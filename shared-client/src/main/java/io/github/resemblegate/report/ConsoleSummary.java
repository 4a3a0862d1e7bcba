package io.github.resemblegate.report;

import io.github.resemblegate.gate.FileResult;
import io.github.resemblegate.gate.Outcome;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.gate.Totals;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.gate.VerdictStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The text a front end prints after a run: flagged and errored files first, then the totals. */
public final class ConsoleSummary {

  /** Rows of the console table; the reports list every file. */
  static final int MAX_ROWS = 50;
  /** Files named in the one-sentence failure message. */
  static final int MAX_NAMED = 5;
  private static final int MAX_PATH_WIDTH = 60;
  private static final int MAX_REASON_WIDTH = 80;

  private ConsoleSummary() {}

  /** Aligned lines: a table of flagged/errored/warned files with scores, then totals and the verdict. */
  public static List<String> lines(Verdict verdict) {
    List<String> lines = new ArrayList<>();
    List<FileResult> attention = Outcomes.needingAttention(verdict);
    if (!attention.isEmpty()) {
      List<FileResult> rows = attention.subList(0, Math.min(MAX_ROWS, attention.size()));
      List<String[]> cells = new ArrayList<>();
      cells.add(new String[] {"FILE", "OUTCOME", "SCORE", "THRESHOLD", "REASON"});
      for (FileResult f : rows) {
        cells.add(new String[] {
            ellipsize(f.path(), MAX_PATH_WIDTH),
            f.outcome().name(),
            Scores.score(f.score(), f.threshold()),
            Scores.threshold(f.threshold()),
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
    lines.add(totalsLine(verdict));
    for (String notice : verdict.notices()) {
      lines.add("Notice: " + notice);
    }
    String message = verdict.status() == VerdictStatus.PASSED
        ? verdict.message() : failureMessage(verdict);
    lines.add("Verdict: " + verdict.status().name()
        + (message == null || message.isBlank() ? "" : ". " + message));
    return lines;
  }

  /**
   * The one-sentence failure message: names the flagged files, their scores and the threshold
   * (e.g. {@code 2 of 14 files scored at or above the threshold 0.50: media/fake-intro.wav (0.97),
   * ...}). For an error verdict it names the files that could not be checked and why; for an
   * empty match or an exceeded budget it is the verdict's own message.
   */
  public static String failureMessage(Verdict verdict) {
    String fallback = verdict.message() == null ? "" : verdict.message();
    return switch (verdict.failureKind()) {
      case FINDINGS -> {
        String findings = findings(verdict);
        yield findings == null ? fallback : findings;
      }
      case ERRORS -> {
        String errors = errors(verdict);
        yield errors == null ? fallback : errors;
      }
      case EMPTY, BUDGET, NONE -> fallback;
    };
  }

  private static String findings(Verdict verdict) {
    int total = verdict.totals().files();
    List<FileResult> flagged = sorted(verdict.filesWith(Outcome.FLAGGED));
    List<FileResult> silent = verdict.policy().onNoSpeech() == Reaction.IGNORE
        ? List.of() : sorted(verdict.filesWith(Outcome.NO_SPEECH));
    if (flagged.isEmpty() && silent.isEmpty()) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    if (!flagged.isEmpty()) {
      Set<String> thresholds = flagged.stream().map(f -> Scores.threshold(f.threshold()))
          .collect(Collectors.toCollection(LinkedHashSet::new));
      boolean one = thresholds.size() == 1;
      s.append(flagged.size()).append(" of ").append(Outcomes.files(total))
          .append(flagged.size() == 1 ? " scored" : " scored")
          .append(one ? " at or above the threshold " + thresholds.iterator().next()
              : " at or above their thresholds")
          .append(": ")
          .append(names(flagged, f -> f.path() + " (" + Scores.score(f.score(), f.threshold())
              + (one ? "" : " >= " + Scores.threshold(f.threshold())) + ")"));
    }
    if (!silent.isEmpty()) {
      s.append(flagged.isEmpty() ? silent.size() + " of " + Outcomes.files(total) : "; "
          + silent.size() + " more").append(" had no speech to judge: ")
          .append(names(silent, FileResult::path));
    }
    return s.append('.').toString();
  }

  private static String errors(Verdict verdict) {
    List<FileResult> errored = verdict.filesWith(Outcome.ERROR).stream()
        .sorted(java.util.Comparator.comparing(FileResult::path)).toList();
    if (errored.isEmpty()) {
      return null;
    }
    int total = verdict.totals().files();
    Set<String> reasons = errored.stream().map(ConsoleSummary::reason)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    String head = errored.size() + " of " + Outcomes.files(total) + " could not be checked";
    if (reasons.size() == 1 && errored.size() > 1) {
      String reason = reasons.iterator().next();
      return head + (reason.isEmpty() ? "" : " (" + reason + ")") + ": "
          + names(errored, FileResult::path) + ".";
    }
    return head + ": " + names(errored, f -> f.path()
        + (reason(f).isEmpty() ? "" : " (" + reason(f) + ")")) + ".";
  }

  private static List<FileResult> sorted(List<FileResult> files) {
    return files.stream().sorted(Outcomes.ATTENTION_FIRST).toList();
  }

  private static String names(List<FileResult> files,
      java.util.function.Function<FileResult, String> name) {
    String listed = files.stream().limit(MAX_NAMED).map(name).collect(Collectors.joining(", "));
    return files.size() > MAX_NAMED ? listed + ", and " + (files.size() - MAX_NAMED) + " more"
        : listed;
  }

  private static String totalsLine(Verdict verdict) {
    Totals t = verdict.totals();
    StringBuilder s = new StringBuilder(Outcomes.files(t.files()));
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcomes.byRank()) {
      if (t.count(o) > 0) {
        parts.add(Outcomes.count(o, t.count(o)));
      }
    }
    if (!parts.isEmpty()) {
      s.append(": ").append(String.join(", ", parts));
    }
    s.append("; ").append(t.fromCache()).append(" from cache, ").append(t.uploaded())
        .append(" uploaded (").append(Scores.bytes(t.bytesUploaded())).append(") in ")
        .append(t.batches()).append(t.batches() == 1 ? " batch" : " batches");
    if (verdict.run().dryRun()) {
      s.append("; dry run, nothing submitted");
    }
    return s.toString();
  }

  private static String reason(FileResult f) {
    String reason = switch (f.outcome()) {
      case FLAGGED, WARNED -> f.label() == null ? "" : "label " + f.label();
      case ERROR -> f.reason() == null || f.reason().isBlank() ? "the detection failed"
          : f.reason();
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
