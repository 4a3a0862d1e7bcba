package io.github.resemblegate.maven;

import io.github.resemblegate.client.MediaType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-media-type flag thresholds, written in the POM as
 * {@code <thresholds><audio>0.6</audio><image>0.8</image></thresholds>}; a type left out uses
 * {@code threshold}.
 */
public class Thresholds {

  private Double audio;
  private Double image;
  private Double video;

  /** For Maven's configurator, which fills the fields from the POM. */
  public Thresholds() {}

  Thresholds(Double audio, Double image, Double video) {
    this.audio = audio;
    this.image = image;
    this.video = video;
  }

  Map<MediaType, Double> toMap() {
    EnumMap<MediaType, Double> map = new EnumMap<>(MediaType.class);
    if (audio != null) {
      map.put(MediaType.AUDIO, audio);
    }
    if (image != null) {
      map.put(MediaType.IMAGE, image);
    }
    if (video != null) {
      map.put(MediaType.VIDEO, video);
    }
    return map;
  }
}
