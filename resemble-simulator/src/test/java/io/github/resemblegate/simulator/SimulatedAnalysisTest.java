package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SimulatedAnalysisTest {

  @Test
  void givesOneChunkPerFrameLengthWindow() {
    SimulatedAnalysis.Audio audio = SimulatedAnalysis.audio(detect("voice.wav", 8.0, Map.of()));

    assertThat(audio.chunks()).hasSize(4).doesNotContainNull();
  }

  @Test
  void followsTheFrameLengthSetting() {
    assertThat(SimulatedAnalysis.audio(detect("voice.wav", 8.0, Map.of("frame_length", "1"))).chunks()).hasSize(8);
    assertThat(SimulatedAnalysis.audio(detect("voice.wav", 8.0, Map.of("frame_length", "4"))).chunks()).hasSize(2);
  }

  @Test
  void reportsShortTrailingPartialFrameAsNull() {
    List<Double> chunks = SimulatedAnalysis.audio(detect("voice.wav", 6.5, Map.of())).chunks();

    assertThat(chunks).hasSize(4);
    assertThat(chunks.subList(0, 3)).doesNotContainNull();
    assertThat(chunks.get(3)).isNull();
  }

  @Test
  void scoresLongTrailingPartialFrame() {
    assertThat(SimulatedAnalysis.audio(detect("voice.wav", 7.5, Map.of())).chunks()).hasSize(4).doesNotContainNull();
  }

  @Test
  void analysesOnlyTheRequestedRegion() {
    Map<String, String> region = Map.of("start_region", "2", "end_region", "6");

    assertThat(SimulatedAnalysis.audio(detect("voice.wav", 20.0, region)).chunks()).hasSize(2);
  }

  @Test
  void putsTheHighChunksOfAFakeInOneContiguousRegion() {
    List<Double> chunks = SimulatedAnalysis.audio(detect("fake-speech.wav", 40.0, Map.of())).chunks();

    int first = -1;
    int last = -1;
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i) >= 0.5) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    assertThat(chunks).hasSize(20);
    assertThat(last - first + 1).isEqualTo(8);
    assertThat(chunks.subList(first, last + 1)).allSatisfy(c -> assertThat(c).isBetween(0.9, 0.97));
    assertThat(chunks).filteredOn(c -> c < 0.5).hasSize(12).allSatisfy(c -> assertThat(c).isLessThan(0.13));
  }

  @Test
  void keepsRealChunksCloseToTheScore() {
    SimulatedAnalysis.Audio audio = SimulatedAnalysis.audio(detect("interview.wav", 30.0, Map.of()));

    assertThat(audio.chunks()).allSatisfy(c -> assertThat(c).isBetween(0.02, 0.06));
    assertThat(audio.aggregated()).isEqualTo(0.04);
    assertThat(audio.label()).isEqualTo("real");
    assertThat(audio.consistency()).isEqualTo(1.0);
  }

  @Test
  void repeatsTheSamePatternForTheSameFileName() {
    assertThat(SimulatedAnalysis.audio(detect("fake-a.wav", 30.0, Map.of())).chunks())
        .isEqualTo(SimulatedAnalysis.audio(detect("fake-a.wav", 30.0, Map.of())).chunks())
        .isNotEqualTo(SimulatedAnalysis.audio(detect("fake-b.wav", 30.0, Map.of())).chunks());
  }

  @Test
  void marksSilenceWithMinusOneEverywhere() {
    SimulatedAnalysis.Audio audio = SimulatedAnalysis.audio(detect("silent-room.wav", 4.0, Map.of()));

    assertThat(audio.aggregated()).isEqualTo(-1.0);
    assertThat(audio.chunks()).containsOnly(-1.0);
    assertThat(audio.label()).isEqualTo("real");
  }

  @Test
  void samplesAtMostTenVideoFramesWithTimestamps() {
    SimulatedAnalysis.Video video = SimulatedAnalysis.video(detect("fake-clip.mp4", 60.0, Map.of()));

    assertThat(video.frames()).hasSize(10);
    assertThat(video.frames()).extracting(SimulatedAnalysis.Frame::timestamp).startsWith(0.0, 6.0);
    assertThat(video.score()).isEqualTo(0.97);
    assertThat(video.label()).isEqualTo("fake");
    assertThat(video.certainty()).isEqualTo(0.97);
  }

  @Test
  void capsVideoAnalysisAtMaxVideoSecs() {
    DetectRecord capped = detect("clip.mp4", 60.0, Map.of("max_video_secs", "8"));

    assertThat(SimulatedAnalysis.analysedSeconds(capped)).isEqualTo(8.0);
    assertThat(SimulatedAnalysis.audio(capped).chunks()).hasSize(4);
  }

  @Test
  void readsWavDurationFromTheHeader() {
    byte[] wav = Media.wav(3.25, 16000);

    assertThat(WavProbe.seconds(wav, wav.length)).isEqualTo(3.25);
  }

  @Test
  void trustsTheFileSizeWhenTheWavDataSizeIsUnset() {
    byte[] wav = Media.wav(2, 8000);
    wav[40] = wav[41] = wav[42] = wav[43] = (byte) 0xFF;

    assertThat(WavProbe.seconds(wav, wav.length)).isEqualTo(2.0);
  }

  @Test
  void ignoresFilesThatAreNotWav() {
    assertThat(WavProbe.seconds(Media.bytes(1000), 1000)).isNull();
    assertThat(WavProbe.seconds(new byte[4], 4)).isNull();
  }

  @Test
  void estimatesDurationFromSizeWithoutWavHeader() {
    assertThat(MediaKind.AUDIO.durationSeconds("a.mp3", 160_000, null)).isEqualTo(10.0);
    assertThat(MediaKind.AUDIO.durationSeconds("a.wav", 320_000, null)).isEqualTo(10.0);
    assertThat(MediaKind.VIDEO.durationSeconds("a.mp4", 2_500_000, null)).isEqualTo(10.0);
    assertThat(MediaKind.IMAGE.durationSeconds("a.png", 2_500_000, null)).isNull();
  }

  private static DetectRecord detect(String name, double seconds, Map<String, String> fields) {
    Function<String, String> field = fields::get;
    DetectSettings settings = DetectSettings.forBatch(field);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new DetectRecord("id", name, MediaKind.ofFileName(name), 1000, seconds, now, now,
        ScoringRules.defaults().match(name), settings, null, ReceivedDetect.Source.BATCH, null, "abc");
  }
}
