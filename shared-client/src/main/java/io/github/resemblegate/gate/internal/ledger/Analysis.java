package io.github.resemblegate.gate.internal.ledger;

import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.policy.Findings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A completed detection reduced to what judging and the reports need; this is what the cache
 * keeps. For a video, {@code primary} is the visual track and {@code audioTrack} its audio track;
 * for audio and images {@code audioTrack} is null.
 *
 * @param chunkSeconds seconds per audio chunk ({@code frame_length}, 2 when not set)
 * @param frameScores a video's per-frame visual scores in time order
 * @param findings what the API said beside the score, for the reports
 */
public record Analysis(
    String detectId,
    String batchId,
    MediaType mediaType,
    ScoreReading primary,
    String primaryLabel,
    ScoreReading audioTrack,
    String audioTrackLabel,
    List<Double> audioChunks,
    Double chunkSeconds,
    List<Double> frameScores,
    Findings findings) {

  /** The API's documented default analysis window. */
  public static final double DEFAULT_FRAME_SECONDS = 2.0;

  public Analysis {
    audioChunks = nullableCopy(audioChunks);
    frameScores = nullableCopy(frameScores);
    primaryLabel = lower(primaryLabel);
    audioTrackLabel = lower(audioTrackLabel);
    findings = findings == null ? Findings.NONE : findings;
  }

  /** An analysis without findings beside the score (a cache entry from before they were kept). */
  public Analysis(String detectId, String batchId, MediaType mediaType, ScoreReading primary,
      String primaryLabel, ScoreReading audioTrack, String audioTrackLabel,
      List<Double> audioChunks, Double chunkSeconds, List<Double> frameScores) {
    this(detectId, batchId, mediaType, primary, primaryLabel, audioTrack, audioTrackLabel,
        audioChunks, chunkSeconds, frameScores, Findings.NONE);
  }

  /**
   * Reduces a completed detection under one media type, decided once: the API's
   * {@code media_type}, else the file's extension. The score and label come from that type's
   * metric block only, so an answer carrying several blocks cannot be reported as one type and
   * scored from another.
   */
  public static Analysis from(Detection d, String batchId, Integer frameLength, MediaType byExtension) {
    MediaType type = d.mediaTypeOr(byExtension);
    // Another type's block says nothing about this file: an image has no audio chunks.
    List<Double> chunks = d.audio() == null || type == MediaType.IMAGE ? List.of()
        : d.audio().chunkScores();
    List<Double> frames = new ArrayList<>();
    if (d.video() != null && type != MediaType.IMAGE && type != MediaType.AUDIO) {
      d.video().frames().stream()
          .sorted(java.util.Comparator.comparingDouble(Detection.TimedScore::seconds))
          .forEach(t -> frames.add(t.score()));
    }
    boolean video = type == MediaType.VIDEO;
    return new Analysis(d.uuid(), batchId, type, d.score(type), d.label(type),
        video ? d.audioTrackScore() : null,
        video && d.audio() != null ? d.audio().label() : null,
        chunks, chunks.isEmpty() ? null
            : (frameLength != null ? frameLength.doubleValue() : DEFAULT_FRAME_SECONDS),
        frames, Findings.of(d, type));
  }

  private static String lower(String s) {
    return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  private static List<Double> nullableCopy(List<Double> list) {
    return list == null || list.isEmpty() ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
