package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;

/**
 * Per-media-type flag thresholds, written in the POM as
 * {@code <thresholds><audio>0.6</audio><image>0.8</image></thresholds>}; a type left out uses
 * {@code threshold}. Kept as the words the POM holds, so a wrong one gets the reader's sentence.
 */
public class Thresholds {

  private String audio;
  private String image;
  private String video;

  /** For Maven's configurator, which fills the fields from the POM. */
  public Thresholds() {}

  Thresholds(String audio, String image, String video) {
    this.audio = audio;
    this.image = image;
    this.video = video;
  }

  /** Hands the three words to the reader as {@code thresholds.audio}, {@code .image}, {@code .video}. */
  void addTo(RawSettings raw) {
    raw.set(Setting.AUDIO_THRESHOLD, audio)
        .set(Setting.IMAGE_THRESHOLD, image)
        .set(Setting.VIDEO_THRESHOLD, video);
  }
}
