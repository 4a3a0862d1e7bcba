package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** How the reports order and name outcomes: what needs a person's attention comes first. */
final class Outcomes {

  /** Report order: the files that break a build first, the quiet ones last. */
  static final Comparator<FileResult> ATTENTION_FIRST = Comparator
      .comparingInt((FileResult f) -> rank(f.outcome()))
      .thenComparing(f -> f.score() == null ? Double.NEGATIVE_INFINITY : f.score(),
          Comparator.reverseOrder())
      .thenComparing(FileResult::path);

  private Outcomes() {}

  static int rank(Outcome outcome) {
    return switch (outcome) {
      case FLAGGED -> 0;
      case ERROR -> 1;
      case WARNED -> 2;
      case NO_SPEECH -> 3;
      case WAIVED -> 4;
      case SKIPPED -> 5;
      case PASSED -> 6;
    };
  }

  /** Kebab-case id used in CSS classes and SARIF rule ids, e.g. {@code no-speech}. */
  static String id(Outcome outcome) {
    return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** True when NO_SPEECH files count against the verdict under this policy. */
  static boolean noSpeechMatters(Policy policy) {
    return policy != null && policy.onNoSpeech() != Reaction.IGNORE;
  }

  /**
   * The files a reader must look at, most serious first: flagged, errored, warned, and no-speech
   * files when the policy does not ignore them.
   */
  static List<FileResult> needingAttention(GateResult result) {
    boolean noSpeech = noSpeechMatters(result.policy());
    return result.files().stream()
        .filter(f -> switch (f.outcome()) {
          case FLAGGED, ERROR, WARNED -> true;
          case NO_SPEECH -> noSpeech;
          default -> false;
        })
        .sorted(ATTENTION_FIRST)
        .toList();
  }

  /** Outcomes in report order. */
  static List<Outcome> byRank() {
    return java.util.Arrays.stream(Outcome.values())
        .sorted(Comparator.comparingInt(Outcomes::rank)).toList();
  }

  /**
   * Every file in report order. A run's files come in path order, which is the order's last key:
   * then the order is a view over them, sorted by position (outcome and score read once), so a
   * million-file report does not hold a million results; any other list is sorted as a copy.
   */
  static List<FileResult> inReportOrder(GateResult result) {
    List<FileResult> files = result.files();
    int n = files.size();
    int[] ranks = new int[n];
    double[] scores = new double[n];
    String previous = null;
    for (int i = 0; i < n; i++) {
      FileResult f = files.get(i);
      if (previous != null && previous.compareTo(f.path()) > 0) {
        return files.stream().sorted(ATTENTION_FIRST).toList();
      }
      previous = f.path();
      ranks[i] = rank(f.outcome());
      scores[i] = f.score() == null ? Double.NEGATIVE_INFINITY : f.score();
    }
    int[] order = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> ranks[i])
            .thenComparing(i -> scores[i], Comparator.reverseOrder()))
        .mapToInt(Integer::intValue).toArray();
    return new AbstractList<>() {
      @Override
      public FileResult get(int i) {
        return files.get(order[i]);
      }

      @Override
      public int size() {
        return n;
      }
    };
  }

  /** {@code 1 file} / {@code 3 files}. */
  static String files(int n) {
    return n == 1 ? "1 file" : n + " files";
  }
}
