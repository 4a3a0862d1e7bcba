package io.github.resemblegate.gate.internal.judge;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.util.List;
import java.util.Locale;

/**
 * Turns one file's detection into its outcome. The score alone decides: FLAGGED when
 * {@code score >= threshold} for the file's media type, WARNED when a warn threshold is set and
 * {@code warnThreshold <= score < threshold}, else PASSED. The API's label is reported but never
 * overrides the score (a "fake" label with a score below the threshold passes), because the
 * threshold is the setting the team chose. A video is judged by the higher of its visual and
 * audio-track scores unless {@link VideoScoring#VISUAL_ONLY}; {@code scoreField} names the winner.
 * A current waiver turns FLAGGED or WARNED into WAIVED and keeps the score.
 */
public final class Judge {

  private final Policy policy;
  private final WaiverBook waivers;

  public Judge(Policy policy, WaiverBook waivers) {
    this.policy = policy;
    this.waivers = waivers;
  }

  /** A picked score with what goes along with it in the report. */
  private record Pick(ScoreReading reading, String label, List<Double> chunks, Double chunkSeconds) {}

  /** The outcome of one matched path, from what became of its content. */
  public FileResult outcome(Ledger.Line file, Fate fate) {
    if (file.content() == null) {
      return skipped(file, file.skipReason());
    }
    if (fate instanceof Fate.Scored s) {
      return judge(file, s.analysis(), s.fromCache());
    }
    if (fate instanceof Fate.Failed f) {
      return error(file, f.reason(), f.detectId(), f.batchId());
    }
    if (fate instanceof Fate.Skipped s) {
      return skipped(file, s.reason());
    }
    // Every content is scored, failed or skipped by the end of a run; this would be a gate bug.
    return error(file, "no result was obtained for this file; re-run to check it", null, null);
  }

  public FileResult judge(Ledger.Line file, Analysis a, boolean cached) {
    MediaType type = a.mediaType() == null || a.mediaType() == MediaType.UNKNOWN
        ? file.mediaType() : a.mediaType();
    double threshold = policy.thresholdFor(type);
    Pick pick = pick(type, a);
    ScoreReading reading = pick.reading();
    if (reading instanceof ScoreReading.Scored s && !Double.isNaN(s.value())) {
      double score = s.value();
      Call call = call(file.path(), sha(file), score, threshold);
      return new FileResult(file.path(), sha(file), file.size(), type, call.outcome(), score,
          s.field(), pick.label(), threshold, pick.chunks(), pick.chunkSeconds(), a.detectId(),
          a.batchId(), call.reason(), call.waiver(), cached, null, a.findings(),
          billed(file, cached), playing(file));
    }
    if (reading instanceof ScoreReading.NoSpeech n) {
      return new FileResult(file.path(), sha(file), file.size(), type, Outcome.NO_SPEECH,
          null, n.field(), pick.label(), threshold, pick.chunks(), pick.chunkSeconds(),
          a.detectId(), a.batchId(), "no speech found (" + n.field() + " = "
          + String.format(Locale.ROOT, "%s", n.rawValue()) + ")", null, cached, null,
          a.findings(), billed(file, cached), playing(file));
    }
    String why = reading instanceof ScoreReading.Unscored u ? u.reason() : "no score";
    return new FileResult(file.path(), sha(file), file.size(), type, Outcome.ERROR, null,
        null, pick.label(), threshold, pick.chunks(), pick.chunkSeconds(), a.detectId(),
        a.batchId(), "the API returned no usable score (" + why + ")", null, cached, null,
        a.findings(), billed(file, cached), playing(file));
  }

  /**
   * A file of a finished run judged again under this judge's policy, from the score it was judged
   * by: its threshold, the warn band and the waivers are this policy's. Files without a score
   * (NO_SPEECH, ERROR, SKIPPED) keep their outcome. Which track judges a video is not decided
   * again: the report keeps only the score that was judged.
   */
  public FileResult again(FileResult f) {
    double threshold = policy.thresholdFor(f.mediaType() == null ? MediaType.UNKNOWN
        : f.mediaType());
    boolean scored = f.score() != null && switch (f.outcome()) {
      case PASSED, FLAGGED, WARNED, WAIVED -> true;
      default -> false;
    };
    Call call = scored ? call(f.path(), f.sha256(), f.score(), threshold)
        : new Call(f.outcome(), f.waiver(), f.reason());
    return new FileResult(f.path(), f.sha256(), f.size(), f.mediaType(), call.outcome(),
        f.score(), f.scoreField(), f.label(), threshold, f.chunkScores(), f.chunkSeconds(),
        f.detectId(), f.batchId(), call.reason(), call.waiver(), f.cached(), f.dashboardUrl(),
        f.findings(), f.billableBytes(), f.playingSeconds());
  }

  /** An outcome, with the waiver that turned it WAIVED and why, if one did. */
  private record Call(Outcome outcome, Waiver waiver, String reason) {}

  /**
   * The score alone decides, against the threshold and the warn band; a current waiver turns
   * FLAGGED or WARNED into WAIVED.
   */
  private Call call(String path, String sha, double score, double threshold) {
    Outcome outcome = score >= threshold ? Outcome.FLAGGED
        : policy.warnThreshold() != null && score >= policy.warnThreshold() ? Outcome.WARNED
        : Outcome.PASSED;
    if (outcome == Outcome.PASSED) {
      return new Call(outcome, null, null);
    }
    Waiver waiver = waivers.waive(path, sha, outcome);
    if (waiver == null) {
      return new Call(outcome, null, null);
    }
    return new Call(Outcome.WAIVED, waiver, "waived ("
        + (outcome == Outcome.FLAGGED ? "flagged" : "warned") + "): " + waiver.reason()
        + (waiver.until() == null ? "" : " (until " + waiver.until() + ")"));
  }

  public FileResult error(Ledger.Line file, String reason, String detectId, String batchId) {
    MediaType type = file.mediaType();
    return new FileResult(file.path(), sha(file), file.size(), type, Outcome.ERROR, null,
        null, null, policy.thresholdFor(type), null, null, detectId, batchId, reason, null, false,
        null, null, billed(file, false), playing(file));
  }

  public FileResult skipped(Ledger.Line file, String reason) {
    MediaType type = file.mediaType();
    return new FileResult(file.path(), sha(file), file.size(), type, Outcome.SKIPPED, null,
        null, null, policy.thresholdFor(type), null, null, null, null, reason, null, false, null,
        null, billed(file, false), playing(file));
  }

  private Pick pick(MediaType type, Analysis a) {
    Pick visual = new Pick(a.primary(), a.primaryLabel(),
        type == MediaType.VIDEO ? a.frameScores() : a.audioChunks(),
        type == MediaType.VIDEO ? null : a.chunkSeconds());
    if (type != MediaType.VIDEO || policy.videoScoring() == VideoScoring.VISUAL_ONLY
        || !(a.audioTrack() instanceof ScoreReading.Scored audio)) {
      return visual;
    }
    Pick audioPick = new Pick(audio, a.audioTrackLabel(), a.audioChunks(), a.chunkSeconds());
    if (a.primary() instanceof ScoreReading.Scored v && v.value() >= audio.value()) {
      return visual;
    }
    return audioPick;
  }

  /** What sending the file billed, or (dry run, over a budget) would have; null when nothing. */
  private static Long billed(Ledger.Line file, boolean cached) {
    Content c = file.content();
    return cached || c == null || c.billable() == null ? null : c.billable().bytes();
  }

  /** How long the file plays, when the run read it; null when unknown. */
  private static Double playing(Ledger.Line file) {
    Content c = file.content();
    return c == null ? null : c.playingSeconds();
  }

  private static String sha(Ledger.Line file) {
    return file.content() == null ? null : file.content().sha256();
  }
}
