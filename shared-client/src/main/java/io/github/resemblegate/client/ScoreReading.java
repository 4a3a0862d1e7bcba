package io.github.resemblegate.client;

/**
 * What a detection says about how synthetic a file is: a score with the JSON field it came from,
 * the audio "no speech" sentinel, or no usable score at all.
 */
public sealed interface ScoreReading {

  /** A deepfake probability in [0, 1], higher meaning more likely synthetic. */
  record Scored(double value, String field) implements ScoreReading {}

  /** The API's negative {@code aggregated_score} (usually -1): no speech was found, so there is no verdict. */
  record NoSpeech(String field, double rawValue) implements ScoreReading {}

  /** The detection carries no score we can use, with why. */
  record Unscored(String reason) implements ScoreReading {}
}
