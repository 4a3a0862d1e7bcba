package io.github.resemblegate.client;

import java.util.List;

/** A batch as {@code POST /detect/batch} and {@code GET /detect/batch/{uuid}} describe it. */
public record DetectBatch(
    String uuid,
    BatchStatus status,
    int totalFiles,
    int completedCount,
    int failedCount,
    String createdAt,
    List<String> detectUuids) {

  public DetectBatch {
    detectUuids = detectUuids == null ? List.of() : List.copyOf(detectUuids);
  }
}
