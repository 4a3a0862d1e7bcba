package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Per-media-type flag thresholds, written in the POM as
 * {@code <thresholds><audio>0.6</audio><image>0.8</image></thresholds>} or as the properties
 * {@code resemble.thresholds.audio}, {@code .image} and {@code .video}; a type left out uses
 * {@code threshold}. Kept as the words the POM holds, so a wrong one gets the reader's sentence.
 */
public class Thresholds {

  /** The user properties of the three types, which Maven cannot bind to a nested element. */
  static final List<String> PROPERTIES = List.of("resemble.thresholds.audio",
      "resemble.thresholds.image", "resemble.thresholds.video");

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

  /**
   * Hands the three words to the reader as {@code thresholds.audio}, {@code .image},
   * {@code .video}: the POM's element, else the property {@code property} finds, as Maven ranks
   * a parameter's configuration above its property.
   */
  void addTo(RawSettings raw, UnaryOperator<String> property) {
    raw.set(Setting.AUDIO_THRESHOLD, audio != null ? audio : property.apply(PROPERTIES.get(0)))
        .set(Setting.IMAGE_THRESHOLD, image != null ? image : property.apply(PROPERTIES.get(1)))
        .set(Setting.VIDEO_THRESHOLD, video != null ? video : property.apply(PROPERTIES.get(2)));
  }
}
