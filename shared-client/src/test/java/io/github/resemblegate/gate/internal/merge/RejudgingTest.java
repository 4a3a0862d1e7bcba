package io.github.resemblegate.gate.internal.merge;

import static io.github.resemblegate.gate.internal.merge.ShardReports.scored;
import static io.github.resemblegate.gate.internal.merge.ShardReports.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A finished run judged again under another policy, from the scores it holds. */
class RejudgingTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  private final GateResult done = whole(List.of(scored("a.wav", 0.1), scored("b.wav", 0.62),
      scored("c.wav", 0.97)));

  private static Policy policy(double threshold, Double warn, Reaction onFlagged,
      List<Waiver> waivers) {
    return new Policy(threshold, Map.of(), warn, onFlagged, null, null, null, null, waivers);
  }

  private static FileResult file(GateResult r, String path) {
    return r.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aHigherThresholdPassesWhatItNoLongerReaches() {
    GateResult again = Rejudging.again(done, policy(0.9, null, null, List.of()), TODAY);

    assertThat(file(again, "b.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(file(again, "b.wav").threshold()).isEqualTo(0.9);
    assertThat(file(again, "c.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(again.decision().sentence()).isEqualTo("1 of 3 files is likely synthetic: c.wav"
        + " scored 0.97, at or above the threshold 0.90.");
    assertThat(again.totals().count(Outcome.FLAGGED)).isEqualTo(1);
    assertThat(again.policy().threshold()).isEqualTo(0.9);
    assertThat(again.run().configuration()).containsEntry("threshold", "0.9");
  }

  @Test
  void aWarnBandAndWarnReactionMakeTheRunUnstable() {
    GateResult again = Rejudging.again(done, policy(0.99, 0.6, Reaction.WARN, List.of()), TODAY);

    assertThat(file(again, "b.wav").outcome()).isEqualTo(Outcome.WARNED);
    assertThat(file(again, "c.wav").outcome()).isEqualTo(Outcome.WARNED);
    assertThat(again.decision().verdict()).isEqualTo(Verdict.UNSTABLE);
  }

  @Test
  void aNewWaiverWaivesTheFileItNamesAndAnUnusedOneIsNoticed() {
    Waiver forC = new Waiver(null, "c.wav", "licensed synthetic voice", LocalDate.of(2027, 1, 1));
    Waiver unused = new Waiver(null, "zzz/**", "old", null);

    GateResult again = Rejudging.again(done, policy(0.5, null, null, List.of(forC, unused)),
        TODAY);

    assertThat(file(again, "c.wav").outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(file(again, "c.wav").reason()).isEqualTo("waived (flagged): licensed synthetic"
        + " voice (until 2027-01-01)");
    assertThat(file(again, "b.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(again.notices()).containsExactly("The waiver for path zzz/** (reason: old) waived"
        + " no file in this run; remove it if it is no longer needed.");
  }

  @Test
  void theSamePolicyGivesTheSameVerdict() {
    GateResult again = Rejudging.again(done, done.policy(), TODAY);

    assertThat(again.files()).isEqualTo(done.files());
    assertThat(again.decision()).isEqualTo(done.decision());
  }

  @Test
  void anotherVideoScoringIsRefusedForARunThatJudgedAVideo() {
    FileResult video = new FileResult("v.mp4", "f".repeat(64), 10, MediaType.VIDEO,
        Outcome.PASSED, 0.2, "visual", "real", 0.5, List.of(), null, null, null, null, null,
        false, null);
    GateResult withVideo = whole(List.of(video));
    Policy visualOnly = new Policy(0.5, Map.of(), null, null, null, null, null,
        VideoScoring.VISUAL_ONLY, List.of());

    assertThatThrownBy(() -> Rejudging.again(withVideo, visualOnly, TODAY))
        .isInstanceOf(GateException.class)
        .hasMessage("videoScoring VISUAL_ONLY cannot be applied to this report, which keeps only"
            + " the score MAX_OF_TRACKS chose for each video; run detect again to change it.");
  }
}
