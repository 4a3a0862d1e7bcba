package io.github.resemblegate.gate;

import io.github.resemblegate.client.Detection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submission the API accepted and the gate now waits on: a batch polled by its status, or
 * detections polled one by one (single files, and batches found again by recovery, whose batch id
 * is unknown). Owned by the polling thread once it is handed over.
 */
final class InFlight {

  final int index;
  final Journal.Intent intent;
  final String batchId;
  final boolean batchMode;
  List<String> detectIds;
  /** Detect mode: ids not yet finished. */
  final Set<String> open = new LinkedHashSet<>();
  /** Detections already known to be finished, by id. */
  final Map<String, Detection> ready = new LinkedHashMap<>();
  long nextPollNanos;
  long delayNanos;
  int done;

  /** Polls a batch by its status when the intent has a batch id, else its detections. */
  InFlight(int index, Journal.Intent intent, long firstPollNanos, long delayNanos) {
    this(index, intent, intent.batchId() != null, intent.detectIds(), firstPollNanos, delayNanos);
  }

  /** Polls the given detections one by one, keeping the batch id for the report. */
  InFlight(int index, Journal.Intent intent, boolean batchMode, List<String> detectIds,
      long firstPollNanos, long delayNanos) {
    this.index = index;
    this.intent = intent;
    this.batchId = intent.batchId();
    this.batchMode = batchMode;
    this.detectIds = detectIds;
    if (!batchMode) {
      open.addAll(detectIds);
    }
    this.nextPollNanos = firstPollNanos;
    this.delayNanos = delayNanos;
  }

  int total() {
    return intent.parts().size();
  }

  boolean single() {
    return intent.parts().size() == 1;
  }

  /** Part of this submission a detection belongs to: the only one, or the one of its name. */
  Journal.Part partOf(Detection d) {
    if (single()) {
      return intent.parts().get(0);
    }
    for (Journal.Part p : intent.parts()) {
      if (p.name().equals(d.filename())) {
        return p;
      }
    }
    return null;
  }

  String describe() {
    return batchId != null ? "batch " + batchId
        : single() ? "detection " + (detectIds.isEmpty() ? "?" : detectIds.get(0))
        : "recovered batch of " + total() + " files";
  }
}
