package io.github.resemblegate.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every sentence {@link DecisionRules} can make is one readable sentence: at most
 * {@link DecisionRules#MAX_SENTENCE} characters, no parentheses inside parentheses, one full stop
 * at its end. Every mix of outcomes (none, one, several of each), every reaction, short and very
 * long paths, one or several thresholds, and short, long, nested and multi-sentence reasons.
 */
class DecisionSentencesTest {

  private static final List<String> PATHS = List.of("a.wav",
      "media/take (2).wav",
      "assets/" + "podcasts/season-two/episode-twelve/raw-takes/".repeat(6) + "interview.m4a");
  private static final List<String> REASONS = List.of(
      "the API could not analyse this file: unsupported codec",
      "the API was still processing it after 30 min; re-run to fetch the result, "
          + "nothing is uploaded twice, the journal keeps the submission, ".repeat(4),
      "the answer was lost (the list failed (HTTP 500)); re-run to resume",
      "The API refused the token (HTTP 401). Set the RESEMBLE_API_KEY environment variable.");
  private static final int[] COUNTS = {0, 1, 7};
  private static final List<Policy> POLICIES = policies();

  @Test
  void everySentenceIsOneShortSentenceWithoutNestedParentheses() {
    Set<String> seen = new HashSet<>();
    for (String path : PATHS) {
      for (String reason : REASONS) {
        for (boolean oneThreshold : new boolean[] {true, false}) {
          for (int flagged : COUNTS) {
            for (int warned : COUNTS) {
              for (int noSpeech : COUNTS) {
                for (int errors : COUNTS) {
                  if (errors == 0 && !reason.equals(REASONS.get(0))) {
                    continue; // the reason matters only to files that could not be judged
                  }
                  List<FileResult> files = files(path, reason, oneThreshold, flagged, warned,
                      noSpeech, errors);
                  for (Policy policy : POLICIES) {
                    String sentence = DecisionRules.decide(policy, files).sentence();
                    if (seen.add(sentence)) {
                      check(sentence);
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    seen.add(check(DecisionRules.overBudget(123_456, 234_567, 100_000).sentence()));
    for (String reason : REASONS) {
      seen.add(check(DecisionRules.incomplete(reason).sentence()));
    }
    seen.add(check(DecisionRules.emptyShard("12/16", 0, 999_999).sentence()));
    seen.add(check(DecisionRules.noMedia("/work/site").sentence()));
    seen.add(check(DecisionRules.noMedia("/home/ci/builds/" + "workspace/nested/".repeat(20))
        .sentence()));
    seen.add(check(DecisionRules.emptyShard("12/16", 99_999, 999_999).sentence()));
    seen.add(check(DecisionRules.dryRun(DecisionRules.decide(POLICIES.get(0),
        files("a.wav", "x", true, 0, 0, 0, 0)),
        new Spend(99_999, 499_000_000_000L, 5_999_999.0, 99_999), 2_000, 99_999)
        .sentence()));
    // Enough different sentences were made to say the loops reached every clause.
    assertThat(seen).hasSizeGreaterThan(1000);
    assertThat(seen).anyMatch(s -> s.contains("likely synthetic"))
        .anyMatch(s -> s.contains("possibly synthetic"))
        .anyMatch(s -> s.contains("had no speech to judge"))
        .anyMatch(s -> s.contains("could not be judged: "))
        .anyMatch(s -> s.contains("; the API could not analyse this file"))
        .anyMatch(s -> s.contains("; the API refused the token (HTTP 401)."))
        .anyMatch(s -> s.contains("; also "))
        .anyMatch(s -> s.contains(" checked: "));
  }

  @Test
  void largeCountsStillMakeOneShortSentence() {
    List<FileResult> files = new ArrayList<>();
    Outcome[] all = Outcome.values();
    for (int i = 0; i < 14_000; i++) {
      Outcome o = all[i % all.length];
      files.add(file(PATHS.get(2) + i, o, o == Outcome.PASSED ? 0.1 : 0.9, 0.555555,
          REASONS.get(1)));
    }
    for (Policy policy : POLICIES) {
      check(DecisionRules.decide(policy, files).sentence());
    }
  }

  private static String check(String sentence) {
    assertThat(SentenceFit.length(sentence)).as(sentence)
        .isLessThanOrEqualTo(DecisionRules.MAX_SENTENCE);
    assertThat(sentence).as("one sentence").endsWith(".").doesNotContain(". ", "\n");
    assertThat(Character.isUpperCase(sentence.charAt(0)) || Character.isDigit(sentence.charAt(0)))
        .as(sentence).isTrue();
    int depth = 0;
    int deepest = 0;
    for (char c : sentence.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      deepest = Math.max(deepest, depth);
    }
    assertThat(deepest).as("parentheses in: " + sentence).isLessThanOrEqualTo(1);
    assertThat(depth).as("parentheses in: " + sentence).isZero();
    return sentence;
  }

  private static List<Policy> policies() {
    List<Policy> policies = new ArrayList<>();
    for (Reaction flagged : Reaction.values()) {
      for (Reaction error : Reaction.values()) {
        for (Reaction noSpeech : Reaction.values()) {
          policies.add(new Policy(0.5, Map.of(), 0.3, flagged, error, noSpeech, null, null,
              List.of()));
        }
      }
    }
    return policies;
  }

  private static List<FileResult> files(String path, String reason, boolean oneThreshold,
      int flagged, int warned, int noSpeech, int errors) {
    List<FileResult> files = new ArrayList<>();
    add(files, path, Outcome.FLAGGED, flagged, 0.97, oneThreshold, reason);
    add(files, path, Outcome.WARNED, warned, 0.41, oneThreshold, reason);
    add(files, path, Outcome.NO_SPEECH, noSpeech, null, oneThreshold, reason);
    add(files, path, Outcome.ERROR, errors, null, oneThreshold, reason);
    add(files, path, Outcome.PASSED, 3, 0.1, oneThreshold, reason);
    add(files, path, Outcome.WAIVED, 1, 0.9, oneThreshold, reason);
    return files;
  }

  private static void add(List<FileResult> files, String path, Outcome outcome, int n,
      Double score, boolean oneThreshold, String reason) {
    for (int i = 0; i < n; i++) {
      double threshold = oneThreshold || i % 2 == 0 ? 0.5 : 0.4;
      // Errors may each have their own cause: the second and later ones end differently.
      String why = outcome == Outcome.ERROR && i > 0 ? reason + " " + i : reason;
      files.add(file(i == 0 ? path : path.replace(".", i + "."), outcome, score, threshold,
          why));
    }
  }

  private static FileResult file(String path, Outcome o, Double score, double threshold,
      String reason) {
    return new FileResult(path, "a".repeat(64), 1, MediaType.fromFileName(path), o, score,
        score == null ? null : "metrics.aggregated_score", null, threshold, null, null, null,
        null, reason, null, false, null);
  }
}
