package io.github.resemblegate.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision and the one sentence every front end prints for it. */
class DecisionRulesTest {

  private static FileResult file(String path, Outcome o, Double score, double threshold,
      String reason) {
    return new FileResult(path, "a".repeat(64), 1, MediaType.fromFileName(path), o, score,
        score == null ? null : "metrics.aggregated_score", null, threshold, null, null, null,
        null, reason, null, false, null);
  }

  private static List<FileResult> passed(int n) {
    List<FileResult> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(file("ok" + i + ".wav", Outcome.PASSED, 0.1, 0.5, null));
    }
    return list;
  }

  private static Policy policy(Reaction flagged, Reaction error, Reaction noSpeech) {
    return new Policy(0.5, Map.of(), 0.3, flagged, error, noSpeech, null, null, List.of());
  }

  private static final Policy DEFAULT = policy(null, null, null);

  @Test
  void aFlaggedFileIsLikelySyntheticWithItsScoreAgainstTheThreshold() {
    List<FileResult> files = new ArrayList<>(passed(1));
    files.add(0, file("src/main/media/fake-voice.wav", Outcome.FLAGGED, 0.97, 0.5, null));
    Decision d = DecisionRules.decide(DEFAULT, files);
    assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(d.failureKind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(d.sentence()).isEqualTo("1 of 2 files is likely synthetic:"
        + " src/main/media/fake-voice.wav scored 0.97, at or above the threshold 0.50.");
  }

  @Test
  void namesTheWorstOfSeveralFlaggedFilesAndCountsTheRest() {
    List<FileResult> files = new ArrayList<>(passed(12));
    files.add(0, file("img/fake.png", Outcome.FLAGGED, 0.91, 0.5, null));
    files.add(0, file("media/fake-intro.wav", Outcome.FLAGGED, 0.97, 0.5, null));
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("2 of 14 files are"
        + " likely synthetic, at or above the threshold 0.50; the highest is media/fake-intro.wav"
        + " at 0.97.");
  }

  @Test
  void saysTheWorstFilesThresholdWhenFilesHaveDifferentOnes() {
    List<FileResult> files = List.of(file("a.wav", Outcome.FLAGGED, 0.6, 0.5, null),
        file("b.png", Outcome.FLAGGED, 0.85, 0.8, null));
    assertThat(DecisionRules.decide(DEFAULT, files).sentence())
        .isEqualTo("2 of 2 files are likely synthetic, at or above their thresholds; the highest"
            + " is b.png at 0.85 against 0.80.");
  }

  @Test
  void neverPrintsAScoreBelowItsThresholdAsTheThreshold() {
    List<FileResult> files = List.of(file("a.wav", Outcome.FLAGGED, 0.5, 0.5, null),
        file("b.wav", Outcome.WARNED, 0.4999, 0.5, null));
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("1 of 2 files is"
        + " likely synthetic: a.wav scored 0.50, at or above the threshold 0.50; also 1 possibly"
        + " synthetic.");
    assertThat(DecisionRules.decide(policy(Reaction.WARN, null, null), files.subList(1, 2))
        .sentence()).isEqualTo("1 of 1 file is possibly synthetic: b.wav scored 0.4999, in the"
        + " warn band from 0.30 below the threshold 0.50.");
  }

  @Test
  void namesTheFirstFileThatCouldNotBeJudgedAndWhy() {
    List<FileResult> files = List.of(
        file("b.wav", Outcome.ERROR, null, 0.5, "the API was still processing it after 30 min"),
        file("a.mp3", Outcome.ERROR, null, 0.5, "the API was still processing it after 30 min"),
        file("c.wav", Outcome.PASSED, 0.1, 0.5, null));
    Decision d = DecisionRules.decide(DEFAULT, files);
    assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(d.failureKind()).isEqualTo(FailureKind.ERRORS);
    assertThat(d.sentence()).isEqualTo("2 of 3 files could not be judged: a.mp3 and 1 more;"
        + " the API was still processing it after 30 min.");
  }

  @Test
  void keepsTheFirstSentenceOfAReasonOfSeveral() {
    String why = "The API refused the token (HTTP 401). Set the RESEMBLE_API_KEY environment"
        + " variable.";
    List<FileResult> files = new ArrayList<>(passed(1));
    for (int i = 0; i < 7; i++) {
      files.add(file("m/" + i + ".wav", Outcome.ERROR, null, 0.5, why));
    }
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("7 of 8 files could"
        + " not be judged: m/0.wav and 6 more; the API refused the token (HTTP 401).");
  }

  @Test
  void namesTheFirstOfManyCausesAndCountsThem() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      files.add(file("m/" + i + ".wav", Outcome.ERROR, null, 0.5,
          i < 3 ? "the wallet is empty" : "not submitted: the wallet is empty"));
    }
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("8 of 8 files could"
        + " not be judged: m/0.wav and 7 more; first of 2 reasons: the wallet is empty.");
  }

  @Test
  void aReasonLosesAnAsideWithParenthesesInsideParentheses() {
    List<FileResult> files = List.of(file("a.wav", Outcome.ERROR, null, 0.5,
        "the answer was lost (the list failed (HTTP 500)); re-run to resume"));
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("1 of 1 file could not"
        + " be judged: a.wav; the answer was lost.");
  }

  @Test
  void aReasonWithParenthesesInsideParenthesesInItsMiddleIsLeftToTheSummary() {
    List<FileResult> files = List.of(file("a.wav", Outcome.ERROR, null, 0.5,
        "the list (page 2 (of 3)) failed"));
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("1 of 1 file could not"
        + " be judged: a.wav; the summary and the reports say why.");
  }

  @Test
  void aSentenceEndsOutsideParenthesesAndDropsItsAsideToFit() {
    String why = "The Resemble API rejected the API token with 401 Unauthorized (the API said:"
        + " Invalid or missing API token; send Authorization: Bearer <token>.). Check that the"
        + " token is current: create one at https://app.resemble.ai/hub/api.";
    List<FileResult> files = List.of(file("src/main/media/narration.wav", Outcome.ERROR, null,
        0.5, why));
    assertThat(DecisionRules.decide(DEFAULT, files).sentence()).isEqualTo("1 of 1 file could not"
        + " be judged: src/main/media/narration.wav; the Resemble API rejected the API token with"
        + " 401 Unauthorized.");
  }

  @Test
  void findingsBeatErrorsAsTheFailureKind() {
    List<FileResult> files = List.of(file("a.wav", Outcome.FLAGGED, 0.9, 0.5, null),
        file("b.wav", Outcome.ERROR, null, 0.5, "boom"));
    Decision d = DecisionRules.decide(DEFAULT, files);
    assertThat(d.failureKind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(d.sentence()).isEqualTo("1 of 2 files is likely synthetic: a.wav scored 0.90, at"
        + " or above the threshold 0.50; also 1 could not be judged.");
  }

  @ParameterizedTest(name = "flagged={0} error={1} noSpeech={2} -> {3} {4}")
  @CsvSource({
      "FAIL,   FAIL,   IGNORE, FAILED,   FINDINGS",
      "WARN,   FAIL,   IGNORE, FAILED,   ERRORS",
      "WARN,   WARN,   IGNORE, UNSTABLE, FINDINGS",
      "IGNORE, WARN,   IGNORE, UNSTABLE, ERRORS",
      "IGNORE, IGNORE, IGNORE, PASSED,   NONE",
      "IGNORE, IGNORE, FAIL,   FAILED,   FINDINGS",
      "IGNORE, IGNORE, WARN,   UNSTABLE, FINDINGS",
  })
  void mapsReactionsToTheVerdict(Reaction flagged, Reaction error, Reaction noSpeech,
      Verdict verdict, FailureKind kind) {
    List<FileResult> files = List.of(file("f.wav", Outcome.FLAGGED, 0.9, 0.5, null),
        file("e.wav", Outcome.ERROR, null, 0.5, "timed out"),
        file("n.wav", Outcome.NO_SPEECH, null, 0.5, "no speech found"),
        file("p.wav", Outcome.PASSED, 0.1, 0.5, null));
    Decision d = DecisionRules.decide(policy(flagged, error, noSpeech), files);
    assertThat(d.verdict()).isEqualTo(verdict);
    assertThat(d.failureKind()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "onNoSpeech={0} -> {1}")
  @CsvSource({"FAIL, FAILED", "WARN, UNSTABLE", "IGNORE, PASSED"})
  void noSpeechFollowsItsReaction(Reaction onNoSpeech, Verdict verdict) {
    List<FileResult> files = List.of(file("quiet.wav", Outcome.NO_SPEECH, null, 0.5, "x"),
        file("p.wav", Outcome.PASSED, 0.1, 0.5, null));
    Decision d = DecisionRules.decide(policy(null, null, onNoSpeech), files);
    assertThat(d.verdict()).isEqualTo(verdict);
    if (verdict != Verdict.PASSED) {
      assertThat(d.sentence()).isEqualTo("1 of 2 files had no speech to judge: quiet.wav.");
      assertThat(DecisionRules.decide(policy(null, null, onNoSpeech), List.of(files.get(0),
          file("still.wav", Outcome.NO_SPEECH, null, 0.5, "x"))).sentence())
          .isEqualTo("2 of 2 files had no speech to judge: quiet.wav and 1 more.");
    }
  }

  @Test
  void countsNoSpeechAfterFlaggedFilesAsMore() {
    List<FileResult> files = List.of(file("f.wav", Outcome.FLAGGED, 0.9, 0.5, null),
        file("quiet.wav", Outcome.NO_SPEECH, null, 0.5, "x"));
    assertThat(DecisionRules.decide(policy(null, null, Reaction.FAIL), files).sentence())
        .isEqualTo("1 of 2 files is likely synthetic: f.wav scored 0.90, at or above the"
            + " threshold 0.50; also 1 without speech.");
  }

  @Test
  void warnedFilesMakeTheRunUnstable() {
    List<FileResult> files = List.of(file("a.wav", Outcome.WARNED, 0.41, 0.5, null));
    Decision d = DecisionRules.decide(policy(Reaction.FAIL, null, null), files);
    assertThat(d.verdict()).isEqualTo(Verdict.UNSTABLE);
    assertThat(d.sentence()).isEqualTo("1 of 1 file is possibly synthetic: a.wav scored 0.41,"
        + " in the warn band from 0.30 below the threshold 0.50.");
  }

  @Test
  void aLongPathKeepsBothEndsSoTheSentenceStaysShort() {
    String deep = "assets/" + "season-one/episode-twelve/".repeat(8) + "interview.m4a";
    List<FileResult> files = List.of(file(deep, Outcome.FLAGGED, 0.93, 0.5, null));
    String sentence = DecisionRules.decide(DEFAULT, files).sentence();
    assertThat(sentence).isEqualTo("1 of 1 file is likely synthetic: "
        + PathFormat.shorten(deep, 60) + " scored 0.93, at or above the threshold 0.50.");
    assertThat(sentence).contains("assets/season-one/", "/interview.m4a");
  }

  @Test
  void summarisesAPassingRun() {
    List<FileResult> files = new ArrayList<>(passed(2));
    files.add(file("w.wav", Outcome.WAIVED, 0.9, 0.5, "waived"));
    Decision d = DecisionRules.decide(DEFAULT, files);
    assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(d.failureKind()).isEqualTo(FailureKind.NONE);
    assertThat(d.sentence()).isEqualTo("3 files checked: 2 likely genuine, 1 waived; threshold"
        + " 0.50.");
  }

  @Test
  void countsErrorsInPlainEnglishWhenTheyAreIgnored() {
    List<FileResult> files = new ArrayList<>(passed(1));
    files.add(file("a.wav", Outcome.ERROR, null, 0.5, "timed out"));
    files.add(file("b.wav", Outcome.ERROR, null, 0.5, "timed out"));
    Decision d = DecisionRules.decide(policy(null, Reaction.IGNORE, null), files);
    assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(d.sentence()).isEqualTo("3 files checked: 1 likely genuine, 2 could not be judged;"
        + " threshold 0.50.");
  }

  @ParameterizedTest(name = "onEmpty={0} -> {1} {2}")
  @CsvSource({"FAIL, FAILED, EMPTY", "WARN, UNSTABLE, EMPTY", "IGNORE, PASSED, NONE"})
  void anEmptyMatchFollowsOnEmptyWithItsOwnSentence(Reaction onEmpty, Verdict verdict,
      FailureKind kind) {
    Policy p = new Policy(0.5, Map.of(), null, null, null, null, onEmpty, null, List.of());
    Decision d = DecisionRules.empty(p, "No media files matched in /p.");
    assertThat(d).isEqualTo(new Decision(verdict, kind, "No media files matched in /p."));
  }

  @Test
  void aRunThatDidNotCompleteFailsWithWhyAsFarAsItFits() {
    assertThat(DecisionRules.incomplete("The API token is missing. Set RESEMBLE_API_KEY."))
        .isEqualTo(new Decision(Verdict.FAILED, FailureKind.ERRORS,
            "The run did not complete: the API token is missing."));
    assertThat(DecisionRules.incomplete("Interrupted").sentence())
        .isEqualTo("The run did not complete: Interrupted.");
    assertThat(DecisionRules.incomplete("x (y (z)) w").sentence())
        .isEqualTo("The run did not complete; the reports say why.");
    assertThat(DecisionRules.incomplete(null).sentence())
        .isEqualTo("The run did not complete; the reports say why.");
  }

  @Test
  void aRunOverBudgetFailsAndSaysWhatToChange() {
    assertThat(DecisionRules.overBudget(1200, 1500, 1000)).isEqualTo(new Decision(Verdict.FAILED,
        FailureKind.BUDGET, "This run would upload 1200 of the 1500 matched files, more than"
        + " maxFiles 1000 allows, so nothing was sent; raise maxFiles, 0 means no limit, or"
        + " narrow the includes."));
  }

  @Test
  void aPassingDryRunSaysWhatItWouldHaveSubmitted() {
    Decision passed = DecisionRules.decide(DEFAULT, passed(1));
    assertThat(DecisionRules.dryRun(passed, new Spend(3, 1200, 0, 0), 1, 1).sentence())
        .isEqualTo("Would send 3 files, 1.2 kB, in 1 batch and 1 single request; this dry run"
        + " sent and judged nothing.");
    assertThat(DecisionRules.dryRun(passed, new Spend(3, 1200, 270, 1), 1, 1).sentence())
        .isEqualTo("Would send 3 files, 1.2 kB, about 4.5 min of media, the length of 1 file"
        + " unknown, in 1 batch and 1 single request; this dry run sent and judged nothing.");
    Decision failed = DecisionRules.decide(DEFAULT,
        List.of(file("f.wav", Outcome.FLAGGED, 0.9, 0.5, null)));
    assertThat(DecisionRules.dryRun(failed, new Spend(3, 1200, 270, 0), 1, 1)).isEqualTo(failed);
  }
}
