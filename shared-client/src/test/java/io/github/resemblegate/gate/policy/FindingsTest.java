package io.github.resemblegate.gate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.Detection.AudioMetrics;
import io.github.resemblegate.client.Detection.ImageMetrics;
import io.github.resemblegate.client.Detection.Intelligence;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.client.Detection.SourceTracing;
import io.github.resemblegate.client.Detection.VideoMetrics;
import io.github.resemblegate.client.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a completed detection says beside its score, as the reports keep it. */
class FindingsTest {

  private static Detection detection(MediaType type, AudioMetrics audio, ImageMetrics image,
      VideoMetrics video, Retention retention, Detection.Findings findings) {
    return new Detection("d1", DetectStatus.COMPLETED, type, "a", null, 3.0, retention, null,
        null, audio, image, video, findings);
  }

  @Test
  void anAudioFileKeepsTheIntelligenceTheLikelyGeneratorItsCertaintyAndTheDeletion() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("fraud.type", "synthetic_media_fraud");
    details.put("liveness.assessment", "not_real_person");
    Detection d = detection(MediaType.AUDIO,
        new AudioMetrics("fake", 0.97, List.of(0.9), null, null, 0.88), null, null,
        new Retention(true, true, true, "2026-11-25T10:16:00Z"),
        new Detection.Findings(new Intelligence("i1", null, details, null),
            new SourceTracing("elevenlabs", null)));

    Findings f = Findings.of(d, MediaType.AUDIO);

    assertThat(f.intelligence()).isEqualTo(
        "fraud.type: synthetic_media_fraud; liveness.assessment: not_real_person");
    assertThat(f.sourceTracing()).isEqualTo("elevenlabs");
    assertThat(f.certainty()).isEqualTo(0.88);
    assertThat(f.retention().mediaDeleted()).isTrue();
    assertThat(f.retention().fileDeletedAt()).isEqualTo("2026-11-25T10:16:00Z");
    assertThat(f.isEmpty()).isFalse();
  }

  @Test
  void aVideoTakesTheApisOwnVerdictWordAndTheVisualTracksCertainty() {
    Detection d = detection(MediaType.VIDEO,
        new AudioMetrics("real", 0.1, List.of(), null, null, 0.55), null,
        new VideoMetrics("fake", 0.8, 0.93, List.of(), "Fake", 0.7, "..."), Retention.NONE,
        Detection.Findings.NONE);

    Findings f = Findings.of(d, MediaType.VIDEO);

    assertThat(f.conclusion()).isEqualTo("Fake");
    assertThat(f.certainty()).isEqualTo(0.93);
  }

  @Test
  void anImageKeepsThePagesAReverseSearchFound() {
    ReverseSearchSource page = new ReverseSearchSource("https://news.example/p", "Poster",
        "matches a known fake", "known_fake", 0.9);
    Detection d = detection(MediaType.IMAGE, null,
        new ImageMetrics("fake", 0.9, "FinalResult", null, null, List.of(page)), null,
        Retention.NONE, Detection.Findings.NONE);

    assertThat(Findings.of(d, MediaType.IMAGE).imageSources()).containsExactly(page);
  }

  @Test
  void aPlainResultSaysNothingBesideTheScore() {
    Detection d = detection(MediaType.AUDIO, new AudioMetrics("real", 0.1, List.of(), null, null),
        null, null, Retention.NONE, Detection.Findings.NONE);

    assertThat(Findings.of(d, MediaType.AUDIO)).isEqualTo(Findings.NONE);
    assertThat(Findings.NONE.isEmpty()).isTrue();
  }

  @Test
  void aCertaintyOutsideZeroToOneIsNoCertainty() {
    assertThat(new Findings(null, null, null, null, 90.0, null).certainty()).isNull();
    assertThat(new Findings(null, null, null, null, Double.NaN, null).certainty()).isNull();
    assertThat(new Findings(" ", "", null, null, 1.0, null))
        .isEqualTo(new Findings(null, null, List.of(), null, 1.0, Retention.NONE));
  }
}
