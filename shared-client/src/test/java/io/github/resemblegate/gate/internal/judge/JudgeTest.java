package io.github.resemblegate.gate.internal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTest {

  private static final String SHA = "a".repeat(64);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static Policy policy(Double warn, VideoScoring video, List<Waiver> waivers) {
    return new Policy(0.5, Map.of(MediaType.IMAGE, 0.8), warn, null, null, null, null, video,
        waivers);
  }

  private static Analysis audio(double score, String label) {
    return new Analysis("d1", "b1", MediaType.AUDIO,
        new ScoreReading.Scored(score, "metrics.aggregated_score"), label, null, null,
        java.util.Arrays.asList(0.1, null, score), 2.0, List.of());
  }

  private static Analysis video(double visual, ScoreReading audioTrack) {
    return new Analysis("d2", "b1", MediaType.VIDEO,
        new ScoreReading.Scored(visual, "video_metrics.score"), "Real", audioTrack, "fake",
        List.of(0.7, 0.9), 2.0, List.of(0.1, 0.2));
  }

  private static Ledger.Line line(String path, long size) {
    return new Ledger.Line(path, size, new Content(SHA, size, List.of(path), 0), null);
  }

  private static FileResult judge(Policy p, String path, Analysis a) {
    return new Judge(p, new WaiverBook(p.waivers(), TODAY))
        .judge(line(path, 10), a, false);
  }

  @Test
  void flagsFileWhenScoreReachesThreshold() {
    FileResult r = judge(Policy.DEFAULT, "a.wav", audio(0.5, "fake"));
    assertThat(r.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(r.score()).isEqualTo(0.5);
    assertThat(r.threshold()).isEqualTo(0.5);
    assertThat(r.scoreField()).isEqualTo("metrics.aggregated_score");
    assertThat(r.chunkScores()).containsExactly(0.1, null, 0.5);
    assertThat(r.chunkSeconds()).isEqualTo(2.0);
    assertThat(r.detectId()).isEqualTo("d1");
    assertThat(r.batchId()).isEqualTo("b1");
  }

  @Test
  void passesAFakeLabelWhoseScoreIsBelowTheThresholdAndReportsTheLabel() {
    FileResult r = judge(Policy.DEFAULT, "a.wav", audio(0.49, "FAKE"));
    assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(r.label()).isEqualTo("fake");
  }

  @Test
  void warnsInsideTheWarnBand() {
    Policy p = policy(0.3, null, List.of());
    assertThat(judge(p, "a.wav", audio(0.3, "real")).outcome()).isEqualTo(Outcome.WARNED);
    assertThat(judge(p, "a.wav", audio(0.29, "real")).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(judge(p, "a.wav", audio(0.5, "real")).outcome()).isEqualTo(Outcome.FLAGGED);
  }

  @Test
  void appliesThePerMediaTypeThreshold() {
    Analysis image = new Analysis("d", null, MediaType.IMAGE,
        new ScoreReading.Scored(0.7, "image_metrics.score"), "Fake", null, null, null, null, null);
    FileResult r = judge(policy(null, null, List.of()), "a.png", image);
    assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(r.threshold()).isEqualTo(0.8);
  }

  @Test
  void judgesAVideoByTheHigherOfItsTracksAndNamesTheWinner() {
    FileResult r = judge(Policy.DEFAULT, "v.mp4",
        video(0.2, new ScoreReading.Scored(0.9, "metrics.aggregated_score")));
    assertThat(r.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(r.score()).isEqualTo(0.9);
    assertThat(r.scoreField()).isEqualTo("metrics.aggregated_score");
    assertThat(r.label()).isEqualTo("fake");
    assertThat(r.chunkScores()).containsExactly(0.7, 0.9);
  }

  @Test
  void judgesAVideoByItsVisualTrackWhenItIsHigherOrWhenConfigured() {
    FileResult higher = judge(Policy.DEFAULT, "v.mp4",
        video(0.6, new ScoreReading.Scored(0.4, "metrics.aggregated_score")));
    assertThat(higher.scoreField()).isEqualTo("video_metrics.score");
    assertThat(higher.chunkScores()).containsExactly(0.1, 0.2);
    assertThat(higher.chunkSeconds()).isNull();
    FileResult visualOnly = judge(policy(null, VideoScoring.VISUAL_ONLY, List.of()), "v.mp4",
        video(0.2, new ScoreReading.Scored(0.9, "metrics.aggregated_score")));
    assertThat(visualOnly.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(visualOnly.score()).isEqualTo(0.2);
  }

  @Test
  void aVideoWithoutSpeechIsJudgedByItsPicture() {
    FileResult r = judge(Policy.DEFAULT, "v.mp4",
        video(0.6, new ScoreReading.NoSpeech("metrics.aggregated_score", -1)));
    assertThat(r.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(r.score()).isEqualTo(0.6);
  }

  @Test
  void reportsTheNoSpeechSentinelAsNoSpeech() {
    Analysis a = new Analysis("d", null, MediaType.AUDIO,
        new ScoreReading.NoSpeech("metrics.aggregated_score", -1.0), "real", null, null, null,
        null, null);
    FileResult r = judge(Policy.DEFAULT, "a.wav", a);
    assertThat(r.outcome()).isEqualTo(Outcome.NO_SPEECH);
    assertThat(r.score()).isNull();
    assertThat(r.reason()).isEqualTo("no speech found (metrics.aggregated_score = -1.0)");
  }

  @Test
  void aDetectionWithoutAUsableScoreIsAnError() {
    Analysis a = new Analysis("d", null, MediaType.IMAGE,
        new ScoreReading.Unscored("image_metrics is missing"), null, null, null, null, null, null);
    FileResult r = judge(Policy.DEFAULT, "a.png", a);
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.reason()).isEqualTo("the API returned no usable score (image_metrics is missing)");
  }

  @Test
  void aCurrentWaiverWaivesAndKeepsTheScore() {
    Waiver w = new Waiver(null, "media/**", "licensed synthetic voice", TODAY);
    FileResult r = judge(policy(null, null, List.of(w)), "media/a.wav", audio(0.97, "fake"));
    assertThat(r.outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(r.score()).isEqualTo(0.97);
    assertThat(r.waiver()).isEqualTo(w);
    assertThat(r.reason()).isEqualTo("waived (flagged): licensed synthetic voice (until 2026-11-25)");
  }

  @Test
  void aWaiverBySha256WinsOverOneByPath() {
    Waiver byPath = new Waiver(null, "**/*.wav", "path", null);
    Waiver bySha = new Waiver(SHA, null, "sha", null);
    FileResult r = judge(policy(null, null, List.of(byPath, bySha)), "a.wav", audio(0.9, "fake"));
    assertThat(r.waiver()).isEqualTo(bySha);
  }

  @Test
  void anExpiredWaiverDoesNotWaiveAndIsNoticed() {
    Waiver w = new Waiver(SHA, null, "trial content", LocalDate.of(2026, 11, 24));
    Policy p = policy(null, null, List.of(w));
    WaiverBook book = new WaiverBook(p.waivers(), TODAY);
    FileResult r = new Judge(p, book).judge(line("a.wav", 1),
        audio(0.9, "fake"), false);
    assertThat(r.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(book.notices(true)).containsExactly("The waiver for sha256 " + SHA
        + " expired on 2026-11-24 (reason: trial content) and no longer waives anything:"
        + " a.wav is FLAGGED; renew or remove it.");
  }

  @Test
  void anUnusedWaiverIsNoticed() {
    Waiver w = new Waiver(null, "old/**", "gone", null);
    Policy p = policy(null, null, List.of(w));
    WaiverBook book = new WaiverBook(p.waivers(), TODAY);
    new Judge(p, book).judge(line("a.wav", 1), audio(0.9, "fake"), false);
    assertThat(book.notices(true)).containsExactly("The waiver for path old/** (reason: gone)"
        + " waived no file in this run; remove it if it is no longer needed.");
    assertThat(book.notices(false)).isEmpty();
  }

  @Test
  void aFileJudgedAgainIsNamedOnceInTheExpiredWaiversNotice() {
    // A run's result judges each file when it is read, and every report reads it once more.
    Waiver expired = new Waiver(null, "*.wav", "trial", TODAY.minusDays(1));
    Policy p = policy(null, null, List.of(expired));
    WaiverBook book = new WaiverBook(p.waivers(), TODAY);
    Judge judge = new Judge(p, book);
    for (int reading = 0; reading < 3; reading++) {
      assertThat(judge.judge(line("a.wav", 10), audio(0.9, "fake"), false).outcome())
          .isEqualTo(Outcome.FLAGGED);
    }
    assertThat(book.notices(true)).containsExactly("The waiver for path *.wav expired on "
        + TODAY.minusDays(1) + " (reason: trial) and no longer waives anything: a.wav is FLAGGED;"
        + " renew or remove it.");
  }
}
