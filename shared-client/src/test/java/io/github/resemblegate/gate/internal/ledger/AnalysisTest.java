package io.github.resemblegate.gate.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.AudioMetrics;
import io.github.resemblegate.client.Detection.ImageMetrics;
import io.github.resemblegate.client.Detection.VideoMetrics;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A detection is reduced under one media type, and its score comes from that type's block. */
class AnalysisTest {

  /** An answer without {@code media_type} that carries a block for every type. */
  private static Detection everyBlockNoType() {
    return new Detection("d1", DetectStatus.COMPLETED, MediaType.UNKNOWN, "voice.wav", null, 3.0,
        false, null, null, new AudioMetrics("real", 0.12, List.of(0.1, 0.14), null, null),
        new ImageMetrics("fake", 0.91, null, null, null),
        new VideoMetrics("fake", 0.88, null, List.of()));
  }

  @Test
  void withoutMediaTypeTheFilesOwnTypeDecidesBothTheTypeAndTheScoreBlock() {
    Analysis a = Analysis.from(everyBlockNoType(), "b1", null, MediaType.AUDIO);

    assertThat(a.mediaType()).isEqualTo(MediaType.AUDIO);
    assertThat(a.primary()).isInstanceOfSatisfying(ScoreReading.Scored.class, s -> {
      assertThat(s.value()).isEqualTo(0.12);
      assertThat(s.field()).isEqualTo("metrics.aggregated_score");
    });
    assertThat(a.primaryLabel()).isEqualTo("real");
  }

  @Test
  void anImageWithoutMediaTypeIsScoredFromItsImageBlock() {
    Analysis a = Analysis.from(everyBlockNoType(), "b1", null, MediaType.IMAGE);

    assertThat(a.mediaType()).isEqualTo(MediaType.IMAGE);
    assertThat(a.primary()).isInstanceOfSatisfying(ScoreReading.Scored.class,
        s -> assertThat(s.value()).isEqualTo(0.91));
    assertThat(a.audioTrack()).isNull();
    assertThat(a.audioChunks()).isEmpty();
    assertThat(a.frameScores()).isEmpty();
  }

  @Test
  void theApisOwnMediaTypeWinsOverTheFilesExtension() {
    Detection d = everyBlockNoType();
    Detection video = new Detection(d.uuid(), d.status(), MediaType.VIDEO, d.filename(), null,
        3.0, false, null, null, d.audio(), d.image(), d.video());

    Analysis a = Analysis.from(video, "b1", null, MediaType.AUDIO);

    assertThat(a.mediaType()).isEqualTo(MediaType.VIDEO);
    assertThat(a.primary()).isInstanceOfSatisfying(ScoreReading.Scored.class,
        s -> assertThat(s.value()).isEqualTo(0.88));
    assertThat(a.audioTrack()).isInstanceOfSatisfying(ScoreReading.Scored.class,
        s -> assertThat(s.value()).isEqualTo(0.12));
  }
}
