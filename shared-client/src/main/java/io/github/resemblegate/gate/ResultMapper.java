package io.github.resemblegate.gate;

import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns finished detections into results per content, and only where the mapping is certain: a
 * single file's detection is its own; a batch's detections belong to the part whose unique name
 * they carry. A detection whose name matches no part is never assigned by guesswork (by order, by
 * elimination); the files it might belong to become ERROR instead. Each content's result or first
 * failure is also handed to a {@link Settlement} the moment it is known. Thread-safe.
 */
final class ResultMapper {

  /**
   * Why a content has no result; {@code retryable} failures keep their journal entry, and
   * {@code analysed} ones are the API's own answer about the content (its detection failed).
   */
  record Failure(String reason, String detectId, String batchId, boolean retryable,
      boolean analysed) {

    Failure(String reason, String detectId, String batchId, boolean retryable) {
      this(reason, detectId, batchId, retryable, false);
    }
  }

  private final Map<String, Analysis> results = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Set<String> tainted = ConcurrentHashMap.newKeySet();
  private final Integer frameLength;
  private final String timeoutReason;
  private final Settlement settled;

  ResultMapper(Integer frameLength, String timeoutReason) {
    this(frameLength, timeoutReason, Settlement.NONE);
  }

  ResultMapper(Integer frameLength, String timeoutReason, Settlement settled) {
    this.frameLength = frameLength;
    this.timeoutReason = timeoutReason;
    this.settled = settled;
  }

  Map<String, Analysis> results() {
    return Map.copyOf(results);
  }

  Map<String, Failure> failures() {
    return Map.copyOf(failures);
  }

  /**
   * Settles the parts of {@code u} that {@code found} answers. Returns the detection ids still
   * running or not yet fetched — then the other parts are left open, to be settled later —
   * or an empty set once every part has a result or a failure. With {@code timedOut}, whatever is
   * unfinished fails with the timeout reason and its ids.
   */
  Set<String> settle(InFlight u, Map<String, Detection> found, boolean timedOut) {
    News news = new News();
    try {
      return settle(u, found, timedOut, news);
    } finally {
      news.tell(settled);
    }
  }

  private Set<String> settle(InFlight u, Map<String, Detection> found, boolean timedOut,
      News news) {
    Set<String> mapped = new HashSet<>();
    Set<String> running = new LinkedHashSet<>();
    List<String> unmatched = new ArrayList<>();
    for (Detection d : found.values()) {
      Journal.Part part = u.partOf(d);
      if (part == null) {
        unmatched.add(d.uuid());
        continue;
      }
      if (d.status() == DetectStatus.COMPLETED) {
        succeed(part.sha256(), Analysis.from(d, u.batchId, frameLength,
            MediaType.fromFileName(part.path())), news);
      } else if (d.status() == DetectStatus.FAILED) {
        fail(part.sha256(), new Failure("the API could not analyse this file: "
            + (d.errorMessage() == null || d.errorMessage().isBlank() ? "no reason given"
            : d.errorMessage().strip()), d.uuid(), u.batchId, false, true), news);
      } else if (timedOut) {
        fail(part.sha256(), new Failure(timeoutReason, d.uuid(), u.batchId, true), news);
      } else {
        running.add(d.uuid());
        continue;
      }
      mapped.add(part.name());
    }
    for (String id : u.detectIds) {
      if (!found.containsKey(id)) {
        running.add(id);
      }
    }
    if (!running.isEmpty() && !timedOut) {
      return running;
    }
    for (Journal.Part part : u.intent.parts()) {
      if (mapped.contains(part.name())) {
        continue;
      }
      String detectId = u.single() && !u.detectIds.isEmpty() ? u.detectIds.get(0) : null;
      if (timedOut) {
        fail(part.sha256(), new Failure(timeoutReason, detectId, u.batchId, true), news);
      } else if (!unmatched.isEmpty()) {
        fail(part.sha256(), new Failure("the API's results for " + u.describe() + " could not be"
            + " matched to this file by name (detections " + String.join(", ", unmatched)
            + "); the gate does not guess", null, u.batchId, false), news);
      } else {
        fail(part.sha256(), new Failure("the result for this file in " + u.describe()
            + " could not be fetched; re-run to fetch it (nothing is uploaded again)", detectId,
            u.batchId, true), news);
      }
    }
    return Set.of();
  }

  /** Fails every part of {@code u} that has no result. */
  void giveUp(InFlight u, String reason, boolean retryable) {
    String detectId = u.single() && !u.detectIds.isEmpty() ? u.detectIds.get(0) : null;
    News news = new News();
    for (Journal.Part part : u.intent.parts()) {
      fail(part.sha256(), new Failure(reason, detectId, u.batchId, retryable), news);
    }
    news.tell(settled);
  }

  void fail(List<Journal.Part> parts, String reason, String batchId, boolean retryable) {
    News news = new News();
    for (Journal.Part p : parts) {
      fail(p.sha256(), new Failure(reason, null, batchId, retryable), news);
    }
    news.tell(settled);
  }

  /**
   * A content whose file changed while it was uploaded: it fails with {@code reason}, whatever
   * the API answers for it.
   */
  void taint(String sha, String reason, String batchId) {
    tainted.add(sha);
    results.remove(sha);
    Failure f = new Failure(reason, null, batchId, false);
    failures.put(sha, f);
    settled.settled(Map.of(), Map.of(sha, f));
  }

  private void succeed(String sha, Analysis a, News news) {
    if (tainted.contains(sha)) {
      return;
    }
    results.put(sha, a);
    failures.remove(sha);
    news.results.put(sha, a);
  }

  /** The first failure of a content counts, and none once it has a result. */
  private void fail(String sha, Failure f, News news) {
    if (!results.containsKey(sha) && failures.putIfAbsent(sha, f) == null) {
      news.failures.put(sha, f);
    }
  }

  /** What one call settled, told to the {@link Settlement} together. */
  private static final class News {
    final Map<String, Analysis> results = new LinkedHashMap<>();
    final Map<String, Failure> failures = new LinkedHashMap<>();

    void tell(Settlement settlement) {
      if (!results.isEmpty() || !failures.isEmpty()) {
        settlement.settled(results, failures);
      }
    }
  }
}
