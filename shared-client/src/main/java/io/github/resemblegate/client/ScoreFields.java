package io.github.resemblegate.client;

import io.github.resemblegate.client.Detection.AudioMetrics;
import io.github.resemblegate.client.ScoreReading.NoSpeech;
import io.github.resemblegate.client.ScoreReading.Scored;
import io.github.resemblegate.client.ScoreReading.Unscored;
import java.util.Locale;

/** Where a detection's deepfake score lives for each media type, and when there is none. */
final class ScoreFields {
  static final String AUDIO_FIELD = "metrics.aggregated_score";
  static final String IMAGE_FIELD = "image_metrics.score";
  static final String VIDEO_FIELD = "video_metrics.score";

  private ScoreFields() {}

  /** The score as {@code type} reads it; the caller decides the type once. */
  static ScoreReading of(Detection d, MediaType type) {
    Unscored unfinished = unfinished(d);
    if (unfinished != null) {
      return unfinished;
    }
    return switch (type == null ? MediaType.UNKNOWN : type) {
      case AUDIO -> audio(d.audio());
      case IMAGE -> d.image() == null ? new Unscored("the image result has no image_metrics")
          : probability(d.image().score(), IMAGE_FIELD);
      case VIDEO -> d.video() == null ? new Unscored("the video result has no video_metrics")
          : probability(d.video().score(), VIDEO_FIELD);
      case UNKNOWN -> new Unscored("the result names no media type and carries no metrics");
    };
  }

  static ScoreReading audioTrack(Detection d) {
    Unscored unfinished = unfinished(d);
    return unfinished != null ? unfinished : audio(d.audio());
  }

  static String label(Detection d, MediaType type) {
    String label = switch (type == null ? MediaType.UNKNOWN : type) {
      case AUDIO -> d.audio() == null ? null : d.audio().label();
      case IMAGE -> d.image() == null ? null : d.image().label();
      case VIDEO -> d.video() == null ? null : d.video().label();
      case UNKNOWN -> null;
    };
    return label == null ? null : label.toLowerCase(Locale.ROOT);
  }

  /** The declared media type, or the one the metrics present imply when the API left it out. */
  static MediaType impliedType(Detection d) {
    if (d.mediaType() != null && d.mediaType() != MediaType.UNKNOWN) {
      return d.mediaType();
    }
    if (d.video() != null) {
      return MediaType.VIDEO;
    }
    if (d.image() != null) {
      return MediaType.IMAGE;
    }
    return d.audio() != null ? MediaType.AUDIO : MediaType.UNKNOWN;
  }

  private static Unscored unfinished(Detection d) {
    if (d.status() == DetectStatus.FAILED) {
      String why = d.errorMessage() == null || d.errorMessage().isBlank() ? ""
          : ": " + d.errorMessage().strip();
      return new Unscored("the detection failed" + why);
    }
    if (d.status() == DetectStatus.PROCESSING) {
      return new Unscored("the detection has not finished yet");
    }
    if (d.status() == DetectStatus.MISSING) {
      return new Unscored("the answer has no status and no scores");
    }
    return null;
  }

  private static ScoreReading audio(AudioMetrics metrics) {
    if (metrics == null) {
      return new Unscored("the result has no audio metrics");
    }
    Double value = metrics.aggregatedScore();
    if (value != null && value < 0) {
      return new NoSpeech(AUDIO_FIELD, value);
    }
    return probability(value, AUDIO_FIELD);
  }

  private static ScoreReading probability(Double value, String field) {
    if (value == null) {
      return new Unscored(field + " is missing or not a number");
    }
    if (value < 0 || value > 1) {
      return new Unscored(field + " is " + value + ", outside the range 0 to 1");
    }
    return new Scored(value, field);
  }
}
