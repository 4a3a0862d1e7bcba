package io.github.resemblegate.gate.internal.store;

import java.time.Instant;
import java.util.List;

/**
 * One request that creates detections (a batch, or a single file), as the journal knows it:
 * accepted when it has a batch id or detection ids ({@code batchId} is null for single files and
 * for batches found by recovery), abandoned when {@code abandoned} holds the reason, otherwise of
 * unknown fate. {@code kind} is {@link Journal#BATCH} or {@link Journal#SINGLE}.
 */
public record Submission(String id, Instant at, String key, String kind, List<Part> parts,
    String batchId, List<String> detectIds, String abandoned) {

  /** One uploaded file of a submission: its part name, content and path. */
  public record Part(String name, String sha256, String path, long size) {}

  public Submission {
    parts = List.copyOf(parts);
    detectIds = detectIds == null ? List.of() : List.copyOf(detectIds);
  }

  public boolean accepted() {
    return batchId != null || !detectIds.isEmpty();
  }

  public boolean unresolved() {
    return !accepted() && abandoned == null;
  }

  public Submission accept(String batch, List<String> ids) {
    return new Submission(id, at, key, kind, parts, batch, ids, null);
  }

  public Submission abandon(String why) {
    return new Submission(id, at, key, kind, parts, batchId, detectIds, why);
  }
}
