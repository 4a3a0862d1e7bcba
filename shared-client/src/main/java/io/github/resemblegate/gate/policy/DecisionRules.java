package io.github.resemblegate.gate.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what a run does to the build from its files' outcomes and the policy's reactions, and
 * words the one sentence every front end prints. Findings (FLAGGED, WARNED, and NO_SPEECH when its
 * reaction is not IGNORE) and errors are judged apart: a FAIL reaction makes the run FAILED, a
 * WARN reaction UNSTABLE. WARNED files make the run UNSTABLE unless {@code onFlagged} is IGNORE.
 * When findings and errors would both fail the run, the failure kind is FINDINGS and the sentence
 * adds how many files could not be checked; when only the errors fail it, the kind is ERRORS.
 */
public final class DecisionRules {

  /** Files named in a sentence; the reports list every file. */
  static final int MAX_NAMED = 5;

  /** Flagged files by score, highest first, then by path: the worst is named first. */
  private static final Comparator<FileResult> WORST_FIRST = Comparator
      .comparing((FileResult f) -> f.score() == null ? Double.NEGATIVE_INFINITY : f.score(),
          Comparator.reverseOrder())
      .thenComparing(FileResult::path);

  private DecisionRules() {}

  /** The decision for a run whose every matched file has its outcome. */
  public static Decision decide(Policy policy, List<FileResult> files) {
    List<FileResult> flagged = with(files, Outcome.FLAGGED);
    List<FileResult> warned = with(files, Outcome.WARNED);
    List<FileResult> errors = with(files, Outcome.ERROR);
    List<FileResult> noSpeech = with(files, Outcome.NO_SPEECH);
    int total = files.size();

    boolean flaggedCount = !flagged.isEmpty() && policy.onFlagged() != Reaction.IGNORE;
    boolean warnedCount = !warned.isEmpty() && policy.onFlagged() != Reaction.IGNORE;
    boolean noSpeechCount = !noSpeech.isEmpty() && policy.onNoSpeech() != Reaction.IGNORE;
    boolean errorsCount = !errors.isEmpty() && policy.onError() != Reaction.IGNORE;

    boolean findingsFail = flaggedCount && policy.onFlagged() == Reaction.FAIL
        || noSpeechCount && policy.onNoSpeech() == Reaction.FAIL;
    boolean errorsFail = errorsCount && policy.onError() == Reaction.FAIL;
    boolean findingsWarn = flaggedCount || warnedCount || noSpeechCount;

    if (findingsFail || !errorsFail && findingsWarn) {
      List<String> clauses = new ArrayList<>();
      if (flaggedCount) {
        clauses.add(flaggedClause(flagged, total));
      }
      if (noSpeechCount) {
        clauses.add((flaggedCount ? noSpeech.size() + " more" : count(noSpeech.size(), total))
            + " had no speech to judge: " + names(sorted(noSpeech), FileResult::path));
      }
      if (warnedCount) {
        clauses.add(warnedClause(warned, total, policy));
      }
      if (errorsCount) {
        clauses.add("also " + count(errors.size(), total) + " could not be checked");
      }
      return new Decision(findingsFail ? Verdict.FAILED : Verdict.UNSTABLE, FailureKind.FINDINGS,
          sentence(String.join("; ", clauses)));
    }
    if (errorsCount) {
      return new Decision(errorsFail ? Verdict.FAILED : Verdict.UNSTABLE, FailureKind.ERRORS,
          sentence(errorsClause(errors, total)));
    }
    return new Decision(Verdict.PASSED, FailureKind.NONE, summary(policy, files));
  }

  /** Nothing matched (or nothing matched could be checked): {@code onEmpty} decides. */
  public static Decision empty(Policy policy, String sentence) {
    return switch (policy.onEmpty()) {
      case FAIL -> new Decision(Verdict.FAILED, FailureKind.EMPTY, sentence);
      case WARN -> new Decision(Verdict.UNSTABLE, FailureKind.EMPTY, sentence);
      case IGNORE -> new Decision(Verdict.PASSED, FailureKind.NONE, sentence);
    };
  }

  /**
   * The front end's default includes found no media file in {@code base}: the module ships none,
   * and the run passes quietly whatever {@code onEmpty} says, which is for includes a user typed.
   */
  public static Decision noMedia(String base) {
    return new Decision(Verdict.PASSED, FailureKind.NONE, "No media files in " + base
        + " under the default includes; nothing to check.");
  }

  /**
   * A shard of a run holds no file it can check while other shards do: it passes, and the merge
   * of the shards decides the run.
   */
  public static Decision emptyShard(String shard, int files, int matched) {
    return new Decision(Verdict.PASSED, FailureKind.NONE, "Shard " + shard + (files == 0
        ? " has none of the " + matched + " matched files"
        : " has no file it can check: its " + files + " of the " + matched + " matched files are"
            + " skipped") + "; the other shards check the rest.");
  }

  /** More files would be uploaded than {@code maxFiles} allows: nothing was submitted. */
  public static Decision overBudget(int uploads, int matched, int maxFiles) {
    return new Decision(Verdict.FAILED, FailureKind.BUDGET, "This run would upload " + uploads
        + " files (of " + matched + " matched), more than the budget maxFiles " + maxFiles
        + ", so nothing was submitted; raise maxFiles (0 = no limit) or narrow the include"
        + " patterns.");
  }

  /** A dry run that would pass says what it would have submitted. */
  public static Decision dryRun(Decision judged, int files, long bytes, int batches, int singles) {
    if (!judged.passed()) {
      return judged;
    }
    return new Decision(judged.verdict(), judged.failureKind(), "Dry run: would submit " + files
        + " files (" + bytes + " bytes) in " + batches + (batches == 1 ? " batch" : " batches")
        + " and " + singles + " single " + (singles == 1 ? "request" : "requests") + "; "
        + judged.sentence());
  }

  private static String flaggedClause(List<FileResult> flagged, int total) {
    List<FileResult> worst = flagged.stream().sorted(WORST_FIRST).toList();
    Set<String> thresholds = worst.stream().map(f -> ScoreFormat.threshold(f.threshold()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    boolean one = thresholds.size() == 1;
    return count(flagged.size(), total) + " scored at or above "
        + (one ? "the threshold " + thresholds.iterator().next() : "their thresholds") + ": "
        + names(worst, f -> f.path() + " (" + ScoreFormat.score(f.score(), f.threshold())
            + (one ? "" : " >= " + ScoreFormat.threshold(f.threshold())) + ")");
  }

  private static String warnedClause(List<FileResult> warned, int total, Policy policy) {
    return count(warned.size(), total) + " scored in the warn band (at or above "
        + ScoreFormat.threshold(policy.warnThreshold()) + ", below the threshold): "
        + names(warned.stream().sorted(WORST_FIRST).toList(),
            f -> f.path() + " (" + ScoreFormat.score(f.score(), f.threshold()) + ")");
  }

  /**
   * One cause is said once; a few files are named with their own causes; many files with several
   * causes name the first cause and count the rest, so the sentence stays one line.
   */
  private static String errorsClause(List<FileResult> errors, int total) {
    List<FileResult> byPath = sorted(errors);
    Set<String> reasons = byPath.stream().map(DecisionRules::reason)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    String head = count(errors.size(), total) + " could not be checked";
    if (reasons.size() == 1 && errors.size() > 1) {
      return head + " (" + reasons.iterator().next() + "): " + names(byPath, FileResult::path);
    }
    if (reasons.size() == 1 || errors.size() <= MAX_NAMED) {
      return head + ": " + names(byPath, f -> f.path() + " (" + reason(f) + ")");
    }
    String first = reason(byPath.get(0));
    long same = byPath.stream().filter(f -> reason(f).equals(first)).count();
    return head + "; the first of " + same + " with the same cause: " + first + " (and "
        + (errors.size() - same) + " with other causes, see the report)";
  }

  private static String summary(Policy policy, List<FileResult> files) {
    if (files.isEmpty()) {
      return "No files matched.";
    }
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      long n = files.stream().filter(f -> f.outcome() == o).count();
      if (n > 0) {
        parts.add(o.count((int) n));
      }
    }
    long cached = files.stream().filter(FileResult::cached).count();
    return files.size() + (files.size() == 1 ? " file: " : " files: ") + String.join(", ", parts)
        + (cached > 0 ? " (" + cached + " from the cache)" : "") + "; threshold "
        + ScoreFormat.threshold(policy.threshold()) + ".";
  }

  private static String reason(FileResult f) {
    return f.errorReason().replace('\n', ' ').replace('\r', ' ').strip();
  }

  private static List<FileResult> with(List<FileResult> files, Outcome o) {
    return files.stream().filter(f -> f.outcome() == o).toList();
  }

  private static List<FileResult> sorted(List<FileResult> files) {
    return files.stream().sorted(Comparator.comparing(FileResult::path)).toList();
  }

  private static String count(int n, int total) {
    return n + " of " + total + (total == 1 ? " file" : " files");
  }

  private static String names(List<FileResult> files, Function<FileResult, String> name) {
    String listed = files.stream().limit(MAX_NAMED).map(name).collect(Collectors.joining(", "));
    return files.size() > MAX_NAMED ? listed + ", and " + (files.size() - MAX_NAMED) + " more"
        : listed;
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
