package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Submission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a submission's finished detections into the fates of its contents, and only where the
 * mapping is certain: a single file's detection is its own; a batch's detections belong to the
 * part whose unique name they carry. A detection whose name matches no part is never assigned by
 * guesswork (by order, by elimination); the files it might belong to become ERROR instead. What
 * one call settles reaches the ledger together. Thread-safe.
 */
final class ResultMapper {

  private final Ledger ledger;
  private final Integer frameLength;
  private final String timeoutReason;

  ResultMapper(Ledger ledger, Integer frameLength, String timeoutReason) {
    this.ledger = ledger;
    this.frameLength = frameLength;
    this.timeoutReason = timeoutReason;
  }

  /**
   * Settles the parts of {@code s} that {@code found} answers. Returns the detection ids still
   * running or not yet fetched — then the other parts are left open, to be settled later — or an
   * empty set once every part has a result or a failure. With {@code timedOut}, whatever is
   * unfinished fails with the timeout reason and its ids.
   */
  Set<String> settle(Awaited s, Map<String, Detection> found, boolean timedOut) {
    Set<String> running = new LinkedHashSet<>();
    ledger.update(u -> running.addAll(settle(s, found, timedOut, u)));
    return running;
  }

  private Set<String> settle(Awaited s, Map<String, Detection> found, boolean timedOut,
      Ledger.Updates u) {
    Set<String> mapped = new HashSet<>();
    Set<String> running = new LinkedHashSet<>();
    List<String> unmatched = new ArrayList<>();
    for (Detection d : found.values()) {
      Submission.Part part = s.partOf(d);
      if (part == null) {
        unmatched.add(d.uuid());
        continue;
      }
      if (d.status() == DetectStatus.COMPLETED) {
        u.scored(part.sha256(), Analysis.from(d, s.batchId(), frameLength,
            MediaType.fromFileName(part.path())));
      } else if (d.status() == DetectStatus.FAILED) {
        u.failed(part.sha256(), new Failed("the API could not analyse this file: "
            + (d.errorMessage() == null || d.errorMessage().isBlank() ? "no reason given"
            : d.errorMessage().strip()), d.uuid(), s.batchId(), Failed.Kind.ANALYSED));
      } else if (timedOut) {
        u.failed(part.sha256(), Failed.pending(timeoutReason, d.uuid(), s.batchId()));
      } else {
        running.add(d.uuid());
        continue;
      }
      mapped.add(part.name());
    }
    for (String id : s.detectIds) {
      if (!found.containsKey(id)) {
        running.add(id);
      }
    }
    if (!running.isEmpty() && !timedOut) {
      return running;
    }
    for (Submission.Part part : s.submission.parts()) {
      if (mapped.contains(part.name())) {
        continue;
      }
      String detectId = s.singleDetectId();
      if (timedOut) {
        u.failed(part.sha256(), Failed.pending(timeoutReason, detectId, s.batchId()));
      } else if (!unmatched.isEmpty()) {
        u.failed(part.sha256(), Failed.of("the API's results for " + s.describe()
            + " could not be matched to this file by name (detections "
            + String.join(", ", unmatched) + "); the gate does not guess", null, s.batchId()));
      } else {
        u.failed(part.sha256(), Failed.pending("the result for this file in " + s.describe()
            + " could not be fetched; re-run to fetch it (nothing is uploaded again)", detectId,
            s.batchId()));
      }
    }
    return Set.of();
  }

  /** Fails every part of {@code s} that has no result. */
  void giveUp(Awaited s, String reason, boolean pending) {
    String detectId = s.singleDetectId();
    fail(s.submission.parts(), new Failed(reason, detectId, s.batchId(),
        pending ? Failed.Kind.PENDING : Failed.Kind.FINAL));
  }

  /** Fails {@code parts} together, each with {@code failure}. */
  void fail(List<Submission.Part> parts, Failed failure) {
    ledger.update(u -> parts.forEach(p -> u.failed(p.sha256(), failure)));
  }

  /** A content whose file changed during its upload: no result counts for it. */
  void taint(String sha256, String reason, String batchId) {
    ledger.failed(sha256, new Failed(reason, null, batchId, Failed.Kind.TAINTED));
  }
}
