package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.DetectResult;
import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.policy.FileResult;
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
 * guesswork (by order, by elimination); the files it might belong to become ERROR instead. A
 * detection the API refused (an error answer, a failed analysis) ends its file with the API's
 * words and whether a re-run can help; one a re-run may retry stays in the journal. What one call
 * settles reaches the ledger together. Thread-safe.
 */
final class ResultMapper {

  private final Ledger ledger;
  private final Integer frameLength;
  private final String timeoutReason;

  /** The longest reason a refused file is reported with, as every sentence the gate says. */
  static final int MAX_REASON = 200;

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
      } else if (d.status() == DetectStatus.FAILED
          && DetectResult.of(d) instanceof DetectResult.Failed f) {
        u.failed(part.sha256(), refusal(f, s.batchId()));
      } else if (timedOut) {
        u.failed(part.sha256(), Failed.pending(timeoutReason, d.uuid(), s.batchId()));
      } else {
        running.add(d.uuid());
        continue;
      }
      mapped.add(part.name());
    }
    for (String id : s.detectIds) {
      if (!found.containsKey(id) && !s.refused.containsKey(id)) {
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
      if (!s.refused.isEmpty() && unmatched.isEmpty() && running.isEmpty()) {
        // Every other detection of the submission was matched by its name and none is still
        // running, so the parts left are exactly the refused ones: none gets a result, whichever
        // refusal is whose. Timed out with some still running, which part is whose is unknown:
        // they all wait for the next run.
        u.failed(part.sha256(), refusalOfParts(s));
      } else if (timedOut) {
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

  /**
   * A file the API refused: its words, and whether a re-run can help. One that may be retried
   * stays pending, so the journal keeps it and a re-run asks again without uploading; a refusal
   * at 200 (a failed analysis, {@code "success": false}) is the API's own answer about it.
   */
  static Failed refusal(DetectResult.Failed f, String batchId) {
    String tail = f.mayRetry() ? "; re-run to retry" : FileResult.RERUN_WILL_NOT_HELP;
    String reason = f.reason();
    int room = MAX_REASON - tail.length();
    if (reason.codePointCount(0, reason.length()) > room) {
      reason = reason.substring(0, reason.offsetByCodePoints(0, room - 1)).stripTrailing() + "…";
    }
    Failed.Kind kind = f.mayRetry() ? Failed.Kind.PENDING
        : f.httpStatus() == 200 ? Failed.Kind.ANALYSED : Failed.Kind.FINAL;
    return new Failed(reason + tail, f.uuid(), batchId, kind);
  }

  /** The failure of a part left over by refusals: the refusal, or the first that may retry. */
  private static Failed refusalOfParts(Awaited s) {
    DetectResult.Failed chosen = s.refused.values().stream().filter(DetectResult.Failed::mayRetry)
        .findFirst().orElse(s.refused.values().iterator().next());
    Failed f = refusal(chosen, s.batchId());
    return s.refused.size() == 1 ? f : new Failed(f.reason(), null, f.batchId(), f.kind());
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
