package io.github.resemblegate.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides the overall status from the per-file outcomes and the policy's reactions, and words the
 * one-sentence message. Findings (FLAGGED, WARNED, and NO_SPEECH when its reaction is not IGNORE)
 * and errors are judged separately: a FAIL reaction makes the run FAILED, a WARN reaction
 * UNSTABLE. WARNED files make the run UNSTABLE unless {@code onFlagged} is IGNORE. When both
 * findings and errors would fail the run, the failure kind is FINDINGS.
 */
final class VerdictRules {

  private static final int LISTED = 5;

  /** Status, failure kind and message. */
  record Decision(VerdictStatus status, FailureKind kind, String message) {}

  private VerdictRules() {}

  static Decision decide(Policy policy, List<FileResult> files) {
    List<FileResult> flagged = with(files, Outcome.FLAGGED);
    List<FileResult> warned = with(files, Outcome.WARNED);
    List<FileResult> errors = with(files, Outcome.ERROR);
    List<FileResult> noSpeech = with(files, Outcome.NO_SPEECH);
    int total = files.size();

    boolean flaggedCount = !flagged.isEmpty() && policy.onFlagged() != Reaction.IGNORE;
    boolean warnedCount = !warned.isEmpty() && policy.onFlagged() != Reaction.IGNORE;
    boolean noSpeechCount = !noSpeech.isEmpty() && policy.onNoSpeech() != Reaction.IGNORE;
    boolean errorsCount = !errors.isEmpty() && policy.onError() != Reaction.IGNORE;

    boolean findingsFail = (flaggedCount && policy.onFlagged() == Reaction.FAIL)
        || (noSpeechCount && policy.onNoSpeech() == Reaction.FAIL);
    boolean errorsFail = errorsCount && policy.onError() == Reaction.FAIL;
    boolean findingsWarn = flaggedCount || warnedCount || noSpeechCount;

    List<String> findingClauses = new ArrayList<>();
    if (flaggedCount) {
      findingClauses.add(flaggedClause(flagged, total));
    }
    if (noSpeechCount) {
      findingClauses.add(count(noSpeech.size(), total) + " had no speech to judge ("
          + "onNoSpeech=" + policy.onNoSpeech() + "): " + list(noSpeech, FileResult::path));
    }
    if (warnedCount) {
      findingClauses.add(warnedClause(warned, total, policy));
    }
    String errorClause = errors.isEmpty() ? null : errorClause(errors, total);

    if (findingsFail || (!errorsFail && findingsWarn)) {
      String msg = String.join("; ", findingClauses);
      if (errorClause != null && errorsCount) {
        msg += "; also " + count(errors.size(), total) + " could not be checked";
      }
      return new Decision(findingsFail ? VerdictStatus.FAILED : VerdictStatus.UNSTABLE,
          FailureKind.FINDINGS, sentence(msg));
    }
    if (errorsFail || errorsCount) {
      return new Decision(errorsFail ? VerdictStatus.FAILED : VerdictStatus.UNSTABLE,
          FailureKind.ERRORS, sentence(errorClause));
    }
    return new Decision(VerdictStatus.PASSED, FailureKind.NONE, summary(policy, files));
  }

  private static String flaggedClause(List<FileResult> flagged, int total) {
    Set<Double> thresholds = new LinkedHashSet<>();
    flagged.forEach(f -> thresholds.add(f.threshold()));
    if (thresholds.size() == 1) {
      double t = thresholds.iterator().next();
      return count(flagged.size(), total) + " scored at or above the threshold " + fmt(t) + ": "
          + list(flagged, f -> f.path() + " (" + fmt(f.score()) + ")");
    }
    return count(flagged.size(), total) + " scored at or above their threshold: "
        + list(flagged, f -> f.path() + " (" + fmt(f.score()) + " >= " + fmt(f.threshold()) + ")");
  }

  private static String warnedClause(List<FileResult> warned, int total, Policy policy) {
    return count(warned.size(), total) + " scored in the warn band (at or above "
        + fmt(policy.warnThreshold()) + ", below the threshold): "
        + list(warned, f -> f.path() + " (" + precise(f.score(), f.threshold()) + ")");
  }

  private static String errorClause(List<FileResult> errors, int total) {
    String first = errors.get(0).reason() == null ? "unknown error" : errors.get(0).reason();
    long same = errors.stream().filter(e -> first.equals(e.reason())).count();
    String head = count(errors.size(), total) + " could not be checked";
    if (same == errors.size()) {
      return head + ": " + stripPeriod(first);
    }
    return head + "; the first of " + same + " with the same cause: " + stripPeriod(first)
        + " (and " + (errors.size() - same) + " with other causes, see the report)";
  }

  private static String summary(Policy policy, List<FileResult> files) {
    if (files.isEmpty()) {
      return "No files matched.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(files.size())
        .append(files.size() == 1 ? " file: " : " files: ");
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      long n = files.stream().filter(f -> f.outcome() == o).count();
      if (n > 0) {
        parts.add(n + " " + o.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    sb.append(String.join(", ", parts));
    long cached = files.stream().filter(FileResult::cached).count();
    if (cached > 0) {
      sb.append(" (").append(cached).append(" from the cache)");
    }
    sb.append("; threshold ").append(fmt(policy.threshold())).append('.');
    return sb.toString();
  }

  static List<FileResult> with(List<FileResult> files, Outcome o) {
    return files.stream().filter(f -> f.outcome() == o).toList();
  }

  private static String count(int n, int total) {
    return n + " of " + total + (total == 1 ? " file" : " files");
  }

  private static String list(List<FileResult> files, Function<FileResult, String> item) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < Math.min(LISTED, files.size()); i++) {
      items.add(item.apply(files.get(i)));
    }
    String s = String.join(", ", items);
    return files.size() > LISTED ? s + " and " + (files.size() - LISTED) + " more" : s;
  }

  /** A score with two decimals, e.g. {@code 0.97}. */
  static String fmt(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Two decimals unless that would print a score below the threshold as the threshold itself. */
  private static String precise(Double score, double threshold) {
    if (score == null) {
      return "n/a";
    }
    String two = fmt(score);
    return two.equals(fmt(threshold)) && score < threshold
        ? String.format(Locale.ROOT, "%.4f", score) : two;
  }

  private static String stripPeriod(String s) {
    String t = s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static String sentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return t;
    }
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return t.endsWith(".") ? t : t + ".";
  }
}
