package io.github.resemblegate.gate.policy;

import io.github.resemblegate.client.MediaType;
import java.util.List;

/**
 * Everything known about one matched file after a run.
 *
 * @param path relative to the base directory, with {@code /} separators
 * @param sha256 content hash, or null when the file could not be read
 * @param score the deepfake score that was judged (null when none)
 * @param scoreField the API field the score came from, e.g. {@code metrics.aggregated_score}
 * @param threshold the threshold this file was judged against
 * @param chunkScores per-chunk (audio) or per-frame (video) scores in time order; entries may be null
 * @param chunkSeconds seconds covered by one chunk, when known (audio {@code frame_length})
 * @param reason why the file is SKIPPED, ERROR, WAIVED, NO_SPEECH, or null
 * @param waiver the waiver that applied (WAIVED) or null
 * @param cached true when the result came from the local cache (no API call)
 * @param dashboardUrl link to the detection in Resemble's web app, when known
 * @param findings what the API said beside the score; {@link Findings#NONE} when nothing
 * @param billableBytes the bytes sending it bills, when this run sent it or (dry run, over a
 *     budget) planned to; null when it needed no request (cached, skipped before planning)
 * @param playingSeconds how long it plays, where its container says so and the run read it
 *     (only for files it planned to send); null when unknown, never 0 for unknown
 */
public record FileResult(
    String path,
    String sha256,
    long size,
    MediaType mediaType,
    Outcome outcome,
    Double score,
    String scoreField,
    String label,
    double threshold,
    List<Double> chunkScores,
    Double chunkSeconds,
    String detectId,
    String batchId,
    String reason,
    Waiver waiver,
    boolean cached,
    String dashboardUrl,
    Findings findings,
    Long billableBytes,
    Double playingSeconds) {

  public FileResult {
    chunkScores = chunkScores == null ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(chunkScores));
    findings = findings == null ? Findings.NONE : findings;
  }

  /** A result without what it bills (not planned for sending, or a report from before 1.3). */
  public FileResult(String path, String sha256, long size, MediaType mediaType, Outcome outcome,
      Double score, String scoreField, String label, double threshold, List<Double> chunkScores,
      Double chunkSeconds, String detectId, String batchId, String reason, Waiver waiver,
      boolean cached, String dashboardUrl, Findings findings) {
    this(path, sha256, size, mediaType, outcome, score, scoreField, label, threshold, chunkScores,
        chunkSeconds, detectId, batchId, reason, waiver, cached, dashboardUrl, findings, null,
        null);
  }

  /** A result the API said nothing about beside the score (or that had no detection). */
  public FileResult(String path, String sha256, long size, MediaType mediaType, Outcome outcome,
      Double score, String scoreField, String label, double threshold, List<Double> chunkScores,
      Double chunkSeconds, String detectId, String batchId, String reason, Waiver waiver,
      boolean cached, String dashboardUrl) {
    this(path, sha256, size, mediaType, outcome, score, scoreField, label, threshold, chunkScores,
        chunkSeconds, detectId, batchId, reason, waiver, cached, dashboardUrl, Findings.NONE);
  }

  /** How an ERROR reason ends when the API's answer is final: a re-run gets the same answer. */
  public static final String RERUN_WILL_NOT_HELP = "; re-running will not help";

  /** Whether building again may judge this ERROR file: not when the API's refusal is final. */
  public boolean retryMayHelp() {
    return outcome == Outcome.ERROR && (reason == null || !reason.endsWith(RERUN_WILL_NOT_HELP));
  }

  /**
   * Why an ERROR file could not be judged, as the sentence and every report say it: its reason,
   * or {@code the detection failed} when the API gave none.
   */
  public String errorReason() {
    return reason == null || reason.isBlank() ? "the detection failed" : reason;
  }
}
