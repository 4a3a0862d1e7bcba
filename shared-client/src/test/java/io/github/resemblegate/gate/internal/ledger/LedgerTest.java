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

  @Test
  void findsEachOfManyContentsBySha256AndEachFileInPathOrder() {
    Ledger big = new Ledger();
    for (int i = 0; i < 20_000; i++) {
      big.add(String.format("f%05d.wav", i), i, 0, Sha256.ofText("c" + i));
    }
    big.add("z-copy.wav", 7, 0, Sha256.ofText("c7"));
    for (int i = 0; i < 20_000; i++) {
      Content c = big.content(Sha256.ofText("c" + i));
      assertThat(c.path()).isEqualTo(String.format("f%05d.wav", i));
      assertThat(c.sha256()).isEqualTo(Sha256.ofText("c" + i));
    }
    assertThat(big.contentCount()).isEqualTo(20_000);
    assertThat(big.lines()).hasSize(20_001);
    assertThat(big.lines().get(20_000).content().paths()).containsExactly("f00007.wav",
        "z-copy.wav");
    assertThat(big.content(Sha256.ofText("never added"))).isNull();
  }

  @Test
  void aNameThatIsNoSha256MatchesNoContent() {
    // A journal or an answer may name anything; it changes nothing and breaks nothing.
    ledger.failed("not-a-sha", Failed.of("refused", null, null));
    ledger.scored(A.toUpperCase(java.util.Locale.ROOT).replace('A', 'g'), analysis("d1"));
    assertThat(ledger.content("not-a-sha")).isNull();
    assertThat(ledger.fate("")).isNull();
    assertThat(heard).isEmpty();
    assertThat(ledger.fate(A)).isEqualTo(Fate.OPEN);
  }

  @Test
  void oncePlannedItCarriesWhatItBillsOnEveryPath() {
    Content a = ledger.content(A);
    assertThat(a.billable()).isNull();
    ledger.billable(a, java.time.Duration.ofMillis(1500));
    assertThat(ledger.lines().get(2).content().billable())
        .isEqualTo(new Content.Billable(1, java.time.Duration.ofMillis(1500)));
    ledger.billable(ledger.content(B), null);
    assertThat(ledger.content(B).billable()).isEqualTo(new Content.Billable(1, null));
  }

  @Test
  void noFateChangesOnceTheResultIsRead() {
    ledger.seal();
    ledger.scored(A, analysis("d1"));
    ledger.update(u -> u.skipped(B, "dry run"));
    assertThat(ledger.fate(A)).isEqualTo(Fate.OPEN);
    assertThat(ledger.fate(B)).isEqualTo(Fate.OPEN);
    assertThat(heard).isEmpty();
  }
}
