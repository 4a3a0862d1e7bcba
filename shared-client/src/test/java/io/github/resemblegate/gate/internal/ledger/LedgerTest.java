package io.github.resemblegate.gate.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One fate per content, and which change of fate counts. */
class LedgerTest {

  private static final String A = Sha256.ofText("a");
  private static final String B = Sha256.ofText("b");

  private final Ledger ledger = new Ledger();
  private final List<List<Ledger.Change>> heard = new ArrayList<>();

  LedgerTest() {
    ledger.add("media/a.wav", 1, 0, A);
    ledger.add("media/b.wav", 1, 0, B);
    ledger.add("copy/a.wav", 1, 0, A);
    ledger.skip("media/empty.wav", 0, "empty file");
    ledger.observe(heard::add);
  }

  private static Analysis analysis(String id) {
    return new Analysis(id, null, MediaType.AUDIO, new ScoreReading.Scored(0.1, "score"), null,
        null, null, List.of(), null, List.of());
  }

  @Test
  void keepsOneContentPerShaWithEveryPathInPathOrder() {
    assertThat(ledger.contents()).extracting(Content::paths)
        .containsExactly(List.of("media/a.wav", "copy/a.wav"), List.of("media/b.wav"));
    assertThat(ledger.lines()).extracting(Ledger.Line::path).containsExactly("media/a.wav",
        "media/b.wav", "copy/a.wav", "media/empty.wav");
    assertThat(ledger.lines().get(2).content().paths()).hasSize(2);
    assertThat(ledger.skippedFiles()).isEqualTo(1);
    assertThat(ledger.fate(A)).isEqualTo(Fate.OPEN);
  }

  @Test
  void theFirstFailureCountsAndAResultCountsOverIt() {
    ledger.failed(A, Failed.pending("timed out", "d1", null));
    ledger.failed(A, Failed.of("later", null, null));
    assertThat(ledger.fate(A)).isEqualTo(Failed.pending("timed out", "d1", null));
    ledger.scored(A, analysis("d1"));
    assertThat(ledger.fate(A)).isEqualTo(new Fate.Scored(analysis("d1"), false));
    ledger.failed(A, Failed.of("too late", null, null));
    assertThat(ledger.fate(A)).isInstanceOf(Fate.Scored.class);
  }

  @Test
  void aContentWhoseFileChangedDuringItsUploadKeepsThatFailure() {
    ledger.scored(A, analysis("d1"));
    Failed changed = new Failed("changed while it was being uploaded", null, "b1",
        Failed.Kind.TAINTED);
    ledger.failed(A, changed);
    ledger.scored(A, analysis("d2"));
    assertThat(ledger.fate(A)).isEqualTo(changed);
  }

  @Test
  void onlyAnOpenContentIsSkippedOrSubmitted() {
    ledger.update(u -> u.fromCache(A, analysis("cached")));
    ledger.update(u -> {
      u.skipped(A, "over budget");
      u.skipped(B, "over budget");
      u.submitted(A, new Fate.Submitted("i1", null));
    });
    assertThat(ledger.fate(A)).isEqualTo(new Fate.Scored(analysis("cached"), true));
    assertThat(ledger.fate(B)).isEqualTo(new Fate.Skipped("over budget"));
  }

  @Test
  void observersHearWhatOneUpdateChangedTogetherAndNothingThatDidNotCount() {
    ledger.update(u -> {
      u.scored(A, analysis("d1"));
      u.failed(B, Failed.of("refused", null, null));
      u.failed(Sha256.ofText("not matched here"), Failed.of("x", null, null));
    });
    ledger.failed(A, Failed.of("ignored", null, null));
    assertThat(heard).singleElement().satisfies(changes -> assertThat(changes)
        .extracting(c -> c.content().sha256()).containsExactly(A, B));
  }

  @Test
  void settledMeansScoredOrFailedWithNothingPending() {
    assertThat(new Fate.Scored(analysis("d"), false).settled()).isTrue();
    assertThat(Failed.of("refused", null, null).settled()).isTrue();
    assertThat(Failed.pending("timed out", null, null).settled()).isFalse();
    assertThat(new Fate.Submitted("i", "b").settled()).isFalse();
    assertThat(Fate.OPEN.settled()).isFalse();
  }
}
