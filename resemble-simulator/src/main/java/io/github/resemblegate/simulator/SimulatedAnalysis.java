package io.github.resemblegate.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * The simulated analysis of one detect: deterministic for a file name and settings, so the same
 * upload always yields the same numbers.
 *
 * <p>A file scoring 0.5 or more gets its high chunks (and video frames) in one contiguous region
 * covering about 40% of the media, low ones elsewhere, so a per-chunk strip shows where the "fake"
 * part is; lower scores stay near the score throughout. A trailing partial frame shorter than half a
 * frame length is reported as {@code null}, as the API is reported to do.
 */
final class SimulatedAnalysis {
  /** Visual score used when a rule gives -1 (no speech), which only means something for audio. */
  static final double NO_SPEECH_VISUAL_SCORE = ScoringRules.REAL_SCORE;
  static final int MAX_VIDEO_FRAMES = 10;

  private SimulatedAnalysis() {}

  /**
   * @param chunks one score per frame-length window; null for a too-short trailing window
   */
  record Audio(List<Double> chunks, double aggregated, double consistency, String label) {}

  record Frame(double timestamp, double score, double certainty) {}

  record Video(double score, double certainty, String label, List<Frame> frames) {}

  record Image(double score, String label) {}

  static Audio audio(DetectRecord detect) {
    ScoringRule rule = detect.rule();
    double score = rule.score();
    int frameLength = detect.settings().frameLength();
    double seconds = analysedSeconds(detect);
    int full = (int) Math.floor(seconds / frameLength + 1e-9);
    double rest = seconds - full * frameLength;
    boolean partial = rest > 1e-6;
    int count = Math.max(1, full + (partial ? 1 : 0));
    boolean trailingNull = partial && full >= 1 && rest < frameLength / 2.0;

    List<Double> chunks = new ArrayList<>(pattern(detect, score, count));
    if (trailingNull) {
      chunks.set(count - 1, null);
    }
    long scored = chunks.stream().filter(c -> c != null).count();
    long agreeing =
        chunks.stream().filter(c -> c != null && (c >= 0.5) == (score >= 0.5)).count();
    double consistency = score < 0 || scored == 0 ? 1.0 : LooseJson.round3((double) agreeing / scored);
    return new Audio(chunks, score, consistency, rule.effectiveLabel());
  }

  static Video video(DetectRecord detect) {
    double score = visualScore(detect.rule());
    double seconds = analysedSeconds(detect);
    int count =
        (int) Math.max(1, Math.min(MAX_VIDEO_FRAMES, Math.ceil(seconds / detect.settings().frameLength())));
    List<Double> scores = pattern(detect, score, count);
    double start = regionStart(detect);
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double timestamp = Math.round((start + i * seconds / count) * 100) / 100.0;
      frames.add(new Frame(timestamp, scores.get(i), certainty(scores.get(i))));
    }
    return new Video(score, certainty(score), visualLabel(detect.rule()), frames);
  }

  static Image image(DetectRecord detect) {
    return new Image(visualScore(detect.rule()), visualLabel(detect.rule()));
  }

  /** How sure the verdict is: 0.5 at the fence, 1.0 at either end. */
  static double certainty(double score) {
    return LooseJson.round3(0.5 + Math.abs(score - 0.5));
  }

  private static double visualScore(ScoringRule rule) {
    return rule.score() < 0 ? NO_SPEECH_VISUAL_SCORE : rule.score();
  }

  private static String visualLabel(ScoringRule rule) {
    if (rule.label() != null) {
      return rule.effectiveLabel();
    }
    return visualScore(rule) >= 0.5 ? "fake" : "real";
  }

  /** The seconds analysed: the media, cut to start/end region and, for video, max_video_secs. */
  static double analysedSeconds(DetectRecord detect) {
    double duration = detect.durationSeconds() == null ? 0 : detect.durationSeconds();
    DetectSettings settings = detect.settings();
    double from = regionStart(detect);
    double to = settings.endRegion() == null ? duration : Math.min(duration, settings.endRegion());
    if (detect.kind() == MediaKind.VIDEO && settings.maxVideoSecs() != null) {
      to = Math.min(to, from + settings.maxVideoSecs());
    }
    return Math.max(0, to - from);
  }

  private static double regionStart(DetectRecord detect) {
    double duration = detect.durationSeconds() == null ? 0 : detect.durationSeconds();
    Double start = detect.settings().startRegion();
    return start == null ? 0 : Math.min(start, duration);
  }

  private static List<Double> pattern(DetectRecord detect, double score, int count) {
    List<Double> values = new ArrayList<>(count);
    if (score < 0) {
      for (int i = 0; i < count; i++) {
        values.add(-1.0);
      }
      return values;
    }
    Random random = new Random(seed(detect.fileName()));
    if (score >= 0.5) {
      int length = Math.max(1, (int) Math.ceil(count * 0.4));
      int first = random.nextInt(count - length + 1);
      for (int i = 0; i < count; i++) {
        boolean inRegion = i >= first && i < first + length;
        double value = inRegion ? score - random.nextDouble() * 0.05 : 0.02 + random.nextDouble() * 0.10;
        values.add(LooseJson.round3(clamp(value)));
      }
    } else {
      for (int i = 0; i < count; i++) {
        values.add(LooseJson.round3(clamp(score + (random.nextDouble() - 0.5) * 0.04)));
      }
    }
    return values;
  }

  private static double clamp(double value) {
    return Math.max(0.0, Math.min(1.0, value));
  }

  private static long seed(String fileName) {
    CRC32 crc = new CRC32();
    crc.update(fileName.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
