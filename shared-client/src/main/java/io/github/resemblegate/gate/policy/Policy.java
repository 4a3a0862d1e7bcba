package io.github.resemblegate.gate.policy;

import io.github.resemblegate.client.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How files are judged. A file is FLAGGED when its score is greater than or equal to the
 * threshold for its media type; WARNED when {@code warnThreshold} is set and the score is at or
 * above it but below the threshold. The default threshold, 0.5, is the bottom of Resemble's
 * "likely synthetic" band.
 *
 * @param threshold the flag threshold for every media type without its own
 * @param thresholds per-media-type overrides
 * @param warnThreshold optional lower bound of the warn band (applies below each type's threshold)
 * @param onFlagged what FLAGGED files do to the verdict (default FAIL)
 * @param onError what ERROR files do to the verdict (default FAIL)
 * @param onNoSpeech what NO_SPEECH files do to the verdict (default IGNORE)
 * @param onEmpty what an empty match of the user's includes does to the verdict (default FAIL)
 * @param videoScoring which score judges a video
 * @param waivers accepted files
 */
public record Policy(
    double threshold,
    Map<MediaType, Double> thresholds,
    Double warnThreshold,
    Reaction onFlagged,
    Reaction onError,
    Reaction onNoSpeech,
    Reaction onEmpty,
    VideoScoring videoScoring,
    List<Waiver> waivers) {

  public static final double DEFAULT_THRESHOLD = 0.5;

  public static final Policy DEFAULT = new Policy(DEFAULT_THRESHOLD, Map.of(), null, Reaction.FAIL,
      Reaction.FAIL, Reaction.IGNORE, Reaction.FAIL, VideoScoring.MAX_OF_TRACKS, List.of());

  public Policy {
    checkUnit("threshold", threshold);
    EnumMap<MediaType, Double> copy = new EnumMap<>(MediaType.class);
    if (thresholds != null) {
      thresholds.forEach((type, value) -> {
        if (value != null) {
          checkUnit(type.id() + " threshold", value);
          copy.put(type, value);
        }
      });
    }
    thresholds = java.util.Collections.unmodifiableMap(copy);
    if (warnThreshold != null) {
      checkUnit("warnThreshold", warnThreshold);
    }
    onFlagged = onFlagged == null ? Reaction.FAIL : onFlagged;
    onError = onError == null ? Reaction.FAIL : onError;
    onNoSpeech = onNoSpeech == null ? Reaction.IGNORE : onNoSpeech;
    onEmpty = onEmpty == null ? Reaction.FAIL : onEmpty;
    videoScoring = videoScoring == null ? VideoScoring.MAX_OF_TRACKS : videoScoring;
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
  }

  private static void checkUnit(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1 (a deepfake probability), not "
          + value + ".");
    }
  }

  /** The flag threshold that applies to a media type. */
  public double thresholdFor(MediaType type) {
    return thresholds.getOrDefault(type, threshold);
  }
}
