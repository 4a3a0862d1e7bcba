package io.github.resemblegate.simulator;

import java.time.Instant;

/**
 * One detect as the simulator keeps it. Its status is a function of time: {@code processing} until
 * {@link #completesAt}, then {@code completed} or, when its rule says so, {@code failed}.
 *
 * @param durationSeconds media seconds, or null for images
 * @param sourceUrl the URL a detect was created from, or null
 * @param redactionToken the token of its {@code redacted_<token>.<ext>} name under zero retention
 */
record DetectRecord(
    String uuid,
    String fileName,
    MediaKind kind,
    long sizeBytes,
    Double durationSeconds,
    Instant createdAt,
    Instant completesAt,
    ScoringRule rule,
    DetectSettings settings,
    String batchUuid,
    ReceivedDetect.Source source,
    String sourceUrl,
    String redactionToken) {

  boolean doneAt(Instant now) {
    return !now.isBefore(completesAt);
  }

  String statusAt(Instant now) {
    if (!doneAt(now)) {
      return "processing";
    }
    return rule.failed() ? "failed" : "completed";
  }

  /** The name the API reports: the original, or {@code redacted_<token>.<ext>} under zero retention. */
  String reportedFileName() {
    if (!settings.zeroRetention()) {
      return fileName;
    }
    String extension = MediaKind.extension(fileName);
    return "redacted_" + redactionToken + (extension.isEmpty() ? "" : "." + extension);
  }

  ReceivedDetect received() {
    return new ReceivedDetect(uuid, fileName, kind.apiName(), sizeBytes, batchUuid, source, createdAt);
  }
}
