package io.github.resemblegate.gate.policy;

import io.github.resemblegate.gate.policy.SentenceFit.Clause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what a run does to the build from its files' outcomes and the policy's reactions, and
 * words the one sentence every front end prints. Findings (FLAGGED, WARNED, and NO_SPEECH when its
 * reaction is not IGNORE) and errors are judged apart: a FAIL reaction makes the run FAILED, a
 * WARN reaction UNSTABLE. WARNED files make the run UNSTABLE unless {@code onFlagged} is IGNORE.
 * When findings and errors would both fail the run, the failure kind is FINDINGS and the sentence
 * adds how many files could not be judged; when only the errors fail it, the kind is ERRORS.
 *
 * <p>A sentence is written for the person who reads the build's end: one sentence, at most
 * {@link #MAX_SENTENCE} characters, no parentheses inside parentheses. It names the worst file
 * and counts the rest; a long path keeps both ends, and a reason that would not fit (or would nest
 * parentheses, or is several sentences) is left to the console summary and the reports below it.
 */
public final class DecisionRules {

  /** The longest sentence; the console summary and the reports carry the details. */
  public static final int MAX_SENTENCE = 200;
  /** Files by score, highest first, then by path: the worst is named first. */
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
      List<String> also = new ArrayList<>();
      Clause head;
      if (flaggedCount) {
        head = flaggedClause(flagged, total);
      } else if (noSpeechCount) {
        head = noSpeechClause(noSpeech, total);
      } else {
        head = warnedClause(warned, total, policy);
      }
      if (flaggedCount && noSpeechCount) {
        also.add(Outcome.NO_SPEECH.count(noSpeech.size()));
      }
      if (head.kind() != Outcome.WARNED && warnedCount) {
        also.add(Outcome.WARNED.count(warned.size()));
      }
      if (errorsCount) {
        also.add(Outcome.ERROR.count(errors.size()));
      }
      int more = (flaggedCount && noSpeechCount ? noSpeech.size() : 0)
          + (head.kind() != Outcome.WARNED && warnedCount ? warned.size() : 0)
          + (errorsCount ? errors.size() : 0);
      return new Decision(findingsFail ? Verdict.FAILED : Verdict.UNSTABLE, FailureKind.FINDINGS,
          SentenceFit.fit(head, also(also), "; also " + more + " more files need a look"));
    }
    if (errorsCount) {
      return new Decision(errorsFail ? Verdict.FAILED : Verdict.UNSTABLE, FailureKind.ERRORS,
          errorsSentence(errors, total));
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
   * A run that stopped before its verdict (a setting to fix, no token, an interruption): FAILED,
   * with why as far as it fits in one sentence; the reports carry {@code why} whole.
   */
  public static Decision incomplete(String why) {
    String head = "The run did not complete: ";
    String reason = why == null ? "" : SentenceFit.asPart(why);
    for (String part : SentenceFit.shorterReasons(reason)) {
      String sentence = SentenceFit.sentence(head + part);
      if (!part.isBlank() && SentenceFit.readable(part)
          && SentenceFit.length(sentence) <= MAX_SENTENCE) {
        return new Decision(Verdict.FAILED, FailureKind.ERRORS, sentence);
      }
    }
    return new Decision(Verdict.FAILED, FailureKind.ERRORS,
        "The run did not complete; the reports say why.");
  }

  /**
   * The front end's default includes found no media file in {@code base}: the module ships none,
   * and the run passes quietly whatever {@code onEmpty} says, which is for includes a user typed.
   */
  public static Decision noMedia(String base) {
    return new Decision(Verdict.PASSED, FailureKind.NONE, "No media files in "
        + PathFormat.shorten(base, SentenceFit.MAX_PATH * 2) + " under the default includes;"
        + " nothing to check.");
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
        + " of the " + matched + " matched files, more than maxFiles " + maxFiles + " allows,"
        + " so nothing was sent; raise maxFiles, 0 means no limit, or narrow the includes.");
  }

  /**
   * A shard would upload more files than its share of {@code maxFiles} allows (the shards of a
   * run share one budget): nothing was submitted.
   */
  public static Decision overShardBudget(String shard, int uploads, int files, int share,
      int maxFiles) {
    return new Decision(Verdict.FAILED, FailureKind.BUDGET, "Shard " + shard + " would upload "
        + uploads + " of its " + files + " files, more than its share " + share + " of maxFiles "
        + maxFiles + " allows, so nothing was sent; raise maxFiles, 0 means no limit, or narrow"
        + " the includes.");
  }

  /**
   * A dry run that would pass says what it would have sent, and that it sent nothing; one that
   * would not pass keeps the judgement the cache gave.
   */
  public static Decision dryRun(Decision judged, Spend spend, int batches, int singles) {
    if (!judged.passed()) {
      return judged;
    }
    return new Decision(judged.verdict(), judged.failureKind(), "Would send " + spend.words()
        + ", in " + batches + (batches == 1 ? " batch" : " batches") + " and " + singles
        + " single " + (singles == 1 ? "request" : "requests")
        + "; this dry run sent and judged nothing.");
  }


  private static Clause flaggedClause(List<FileResult> flagged, int total) {
    List<FileResult> worst = flagged.stream().sorted(WORST_FIRST).toList();
    FileResult top = worst.get(0);
    String threshold = ScoreFormat.threshold(top.threshold());
    String score = ScoreFormat.score(top.score(), top.threshold());
    if (worst.size() == 1) {
      return new Clause(Outcome.FLAGGED, of(1, total) + " is likely synthetic: ", top,
          " scored " + score + ", at or above the threshold " + threshold,
          of(1, total) + " is likely synthetic, at or above the threshold " + threshold);
    }
    boolean one = worst.stream().map(f -> ScoreFormat.threshold(f.threshold())).distinct()
        .count() == 1;
    String head = of(worst.size(), total) + " are likely synthetic, at or above "
        + (one ? "the threshold " + threshold : "their thresholds");
    return new Clause(Outcome.FLAGGED, head + "; the highest is ", top,
        " at " + score + (one ? "" : " against " + threshold), head);
  }

  private static Clause warnedClause(List<FileResult> warned, int total, Policy policy) {
    List<FileResult> worst = warned.stream().sorted(WORST_FIRST).toList();
    FileResult top = worst.get(0);
    boolean one = worst.stream().map(f -> ScoreFormat.threshold(f.threshold())).distinct()
        .count() == 1;
    String band = "in the warn band"
        + (policy.warnThreshold() == null ? ""
            : " from " + ScoreFormat.threshold(policy.warnThreshold()))
        + " below " + (one ? "the threshold " + ScoreFormat.threshold(top.threshold())
            : "their thresholds");
    String score = ScoreFormat.score(top.score(), top.threshold());
    if (worst.size() == 1) {
      return new Clause(Outcome.WARNED, of(1, total) + " is possibly synthetic: ", top,
          " scored " + score + ", " + band, of(1, total) + " is possibly synthetic, " + band);
    }
    String head = of(worst.size(), total) + " are possibly synthetic, " + band;
    return new Clause(Outcome.WARNED, head + "; the highest is ", top, " at " + score, head);
  }

  private static Clause noSpeechClause(List<FileResult> noSpeech, int total) {
    List<FileResult> byPath = sorted(noSpeech);
    String head = of(byPath.size(), total) + " had no speech to judge";
    return new Clause(Outcome.NO_SPEECH, head + ": ", byPath.get(0), more(byPath.size()), head);
  }

  /**
   * The first file (in path order) and why: the reason whole when it is one short clause, else its
   * first sentence, its first clause, or that without its closing aside in parentheses, the
   * longest that fits; a cause shared by every error is said once, several causes are counted.
   */
  private static String errorsSentence(List<FileResult> errors, int total) {
    List<FileResult> byPath = sorted(errors);
    FileResult first = byPath.get(0);
    long causes = byPath.stream().map(SentenceFit::reason).distinct().count();
    String head = of(errors.size(), total) + " could not be judged";
    String why = causes == 1 ? "; " : "; first of " + causes + " reasons: ";
    String fallback = causes == 1 ? "; the summary and the reports say why"
        : "; the summary and the reports give the " + causes + " reasons";
    Clause clause = new Clause(Outcome.ERROR, head + ": ", first, more(errors.size()), head);
    for (String part : SentenceFit.shorterReasons(SentenceFit.reason(first))) {
      if (SentenceFit.readable(part)) {
        String withWhy = SentenceFit.bestFit(clause, why + part);
        if (withWhy != null) {
          return withWhy;
        }
      }
    }
    return SentenceFit.fit(clause, fallback, fallback);
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
    return files.size() + (files.size() == 1 ? " file" : " files") + " checked: "
        + String.join(", ", parts) + "; threshold " + ScoreFormat.threshold(policy.threshold())
        + ".";
  }

  private static List<FileResult> with(List<FileResult> files, Outcome o) {
    return files.stream().filter(f -> f.outcome() == o).toList();
  }

  private static List<FileResult> sorted(List<FileResult> files) {
    return files.stream().sorted(Comparator.comparing(FileResult::path)).toList();
  }

  private static String of(int n, int total) {
    return n + " of " + total + (total == 1 ? " file" : " files");
  }

  private static String more(int n) {
    return n > 1 ? " and " + (n - 1) + " more" : "";
  }

  /** {@code ; also 1 without speech and 2 could not be judged}, or nothing. */
  private static String also(List<String> parts) {
    if (parts.isEmpty()) {
      return "";
    }
    String last = parts.get(parts.size() - 1);
    return "; also " + (parts.size() == 1 ? last
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + last);
  }
}
