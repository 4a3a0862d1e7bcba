package io.github.resemblegate.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Batches, detects and secure uploads the simulator created. Thread-safe. */
final class DetectStore {

  /** What {@code POST /secure_uploads} received; the content itself is not kept. */
  record SecureUploadRecord(String token, String fileName, long sizeBytes, Double wavSeconds, Instant expiresAt) {}

  private final Map<String, DetectRecord> detects = new LinkedHashMap<>();
  private final Map<String, BatchRecord> batches = new LinkedHashMap<>();
  private final Map<String, SecureUploadRecord> secureUploads = new LinkedHashMap<>();

  synchronized void addBatch(BatchRecord batch, List<DetectRecord> children) {
    batches.put(batch.uuid(), batch);
    children.forEach(child -> detects.put(child.uuid(), child));
  }

  synchronized void addDetect(DetectRecord detect) {
    detects.put(detect.uuid(), detect);
  }

  synchronized void addSecureUpload(SecureUploadRecord upload) {
    secureUploads.put(upload.token(), upload);
  }

  synchronized DetectRecord detect(String uuid) {
    return detects.get(uuid);
  }

  synchronized BatchRecord batch(String uuid) {
    return batches.get(uuid);
  }

  synchronized SecureUploadRecord secureUpload(String token) {
    return secureUploads.get(token);
  }

  synchronized List<DetectRecord> children(BatchRecord batch) {
    return batch.detectUuids().stream().map(detects::get).toList();
  }

  /** All detects, newest first (later creation first; among equals, later insertion first). */
  synchronized List<DetectRecord> newestFirst() {
    List<DetectRecord> all = new ArrayList<>(detects.values());
    java.util.Collections.reverse(all);
    all.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    return all;
  }

  synchronized List<ReceivedBatch> receivedBatches() {
    return batches.values().stream().map(BatchRecord::received).toList();
  }

  synchronized List<ReceivedDetect> receivedDetects() {
    return detects.values().stream().map(DetectRecord::received).toList();
  }

  synchronized void clear() {
    detects.clear();
    batches.clear();
    secureUploads.clear();
  }
}
