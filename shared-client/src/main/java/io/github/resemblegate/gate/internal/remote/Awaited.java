package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.DetectResult;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.gate.internal.store.Submission;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submission the API accepted and the gate now waits on: a batch polled by its status, or
 * detections polled one by one (single files, and batches found again by recovery, whose batch id
 * is unknown). Owned by the polling thread once it is handed over; {@code done} counts its
 * finished detections for the progress line.
 */
final class Awaited {

  final int index;
  final Submission submission;
  final boolean batchMode;
  List<String> detectIds;
  /** Detect mode: ids not yet finished. */
  final Set<String> open = new LinkedHashSet<>();
  /** Detections already known to be finished, by id. */
  final Map<String, Detection> ready = new LinkedHashMap<>();
  /** Detections the API answered with an error of their own, by id: no result will come. */
  final Map<String, DetectResult.Failed> refused = new LinkedHashMap<>();
  long nextPollNanos;
  long delayNanos;
  int done;
  /** When the API accepted it, and what the last poll saw of it: for when to ask next. */
  long acceptedNanos = System.nanoTime();
  long lastSeenNanos = acceptedNanos;
  int lastDone;

  /** The batch the API created, or null for a single file's detection. */
  String batchId() {
    return submission.batchId();
  }

  /** A single file's detection id once it is known, else null. */
  String singleDetectId() {
    return single() && !detectIds.isEmpty() ? detectIds.get(0) : null;
  }

  /** Polls a batch by its status when the submission has a batch id, else its detections. */
  Awaited(int index, Submission submission, long firstPollNanos, long delayNanos) {
    this(index, submission, submission.batchId() != null, submission.detectIds(), firstPollNanos, delayNanos);
  }

  /** Polls the given detections one by one, keeping the batch id for the report. */
  Awaited(int index, Submission submission, boolean batchMode, List<String> detectIds,
      long firstPollNanos, long delayNanos) {
    this.index = index;
    this.submission = submission;
    this.batchMode = batchMode;
    this.detectIds = detectIds;
    if (!batchMode) {
      open.addAll(detectIds);
    }
    this.nextPollNanos = firstPollNanos;
    this.delayNanos = delayNanos;
  }

  /** Waits {@code delayNanos} before the next poll, then half as long again, up to {@code maxNanos}. */
  void reschedule(long maxNanos) {
    nextPollNanos = System.nanoTime() + delayNanos;
    delayNanos = Math.min(maxNanos, delayNanos + delayNanos / 2);
  }

  /** The detection ids without a finished detection yet. */
  List<String> unfinished() {
    if (!batchMode) {
      return List.copyOf(open);
    }
    List<String> ids = new java.util.ArrayList<>();
    for (String id : detectIds) {
      if (!ready.containsKey(id) && !refused.containsKey(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Whether every detection is known to be finished or refused (a batch only once its ids cover
   * it all).
   */
  boolean allReady() {
    return batchMode ? detectIds.size() == total() && detectIds.stream()
        .allMatch(id -> ready.containsKey(id) || refused.containsKey(id))
        : open.isEmpty() && !(ready.isEmpty() && refused.isEmpty());
  }

  /** Keeps the refusals among {@code all} that are about this submission's detections. */
  void refusedWith(Map<String, DetectResult.Failed> all) {
    for (String id : detectIds) {
      DetectResult.Failed f = all.get(id);
      if (f != null) {
        refused.put(id, f);
        open.remove(id);
      }
    }
  }

  /** This submission's finished detections: those already known, and those {@code found} has. */
  Map<String, Detection> readyWith(Map<String, Detection> found) {
    Map<String, Detection> mine = new LinkedHashMap<>(ready);
    for (String id : detectIds) {
      Detection d = found.get(id);
      if (d != null) {
        mine.put(id, d);
      }
    }
    return mine;
  }

  int total() {
    return submission.parts().size();
  }

  boolean single() {
    return submission.parts().size() == 1;
  }

  /** Part of this submission a detection belongs to: the only one, or the one of its name. */
  Submission.Part partOf(Detection d) {
    if (single()) {
      return submission.parts().get(0);
    }
    for (Submission.Part p : submission.parts()) {
      if (p.name().equals(d.filename())) {
        return p;
      }
    }
    return null;
  }

  String describe() {
    return batchId() != null ? "batch " + batchId()
        : single() ? "detection " + (detectIds.isEmpty() ? "?" : detectIds.get(0))
        : "recovered batch of " + total() + " files";
  }
}
