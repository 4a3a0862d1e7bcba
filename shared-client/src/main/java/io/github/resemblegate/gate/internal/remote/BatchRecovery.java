package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.internal.store.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds out what became of a submission whose response was lost (a reset connection, a 5xx after
 * the upload): the API may or may not have created its detections. The detections list is newest
 * first, so the gate reads it back ({@link RecentDetections}) until its {@code created_at} passes
 * the submission's journal intent (less a margin for clock skew) and looks for the submission's
 * part names:
 * <ul>
 *   <li>every part name exactly once → the submission was created; its detections are adopted;</li>
 *   <li>none of them, with the list read past the intent's time → it was certainly not created
 *       and may be submitted again;</li>
 *   <li>anything else (some names, a name on two detections, names redacted by zero-retention
 *       mode, the list unreadable, longer than {@link RecentDetections#MAX_PAGES} pages back to the
 *       intent, or the run out of time) → undecidable; the gate must not guess.</li>
 * </ul>
 */
final class BatchRecovery {

  /** How far the API's clock may be behind ours. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  /** What recovery concluded. */
  sealed interface Finding {}

  /** Created: the detections by part name. */
  record Found(Map<String, Detection> byPartName) implements Finding {

    List<String> detectIds() {
      return byPartName.values().stream().map(Detection::uuid).toList();
    }
  }

  /** Certainly not created. */
  record Absent() implements Finding {}

  /** Cannot tell, and why. */
  record Undecidable(String why) implements Finding {}

  private final ResembleClient client;
  private final boolean zeroRetention;

  BatchRecovery(ResembleClient client, boolean zeroRetention) {
    this.client = client;
    this.zeroRetention = zeroRetention;
  }

  /** What became of {@code intent}, reading no longer than {@code allowance} lets it. */
  Finding find(Submission intent, RequestBudget allowance) {
    if (zeroRetention) {
      return new Undecidable("zero-retention mode redacts file names");
    }
    Set<String> names = new HashSet<>();
    intent.parts().forEach(p -> names.add(p.name()));
    Instant cutoff = intent.at().minus(CLOCK_SKEW);
    // By name, the distinct detections (by id: a shifting list may show one twice).
    Map<String, Map<String, Detection>> matches = new HashMap<>();
    RecentDetections.Reading reading = RecentDetections.readBack(client, allowance, cutoff, items -> {
      for (Detection d : items) {
        Instant created = RecentDetections.parse(d.createdAt());
        if (created != null && created.isBefore(cutoff)) {
          continue;
        }
        if (d.filename() != null && d.uuid() != null && names.contains(d.filename())) {
          matches.computeIfAbsent(d.filename(), k -> new LinkedHashMap<>()).put(d.uuid(), d);
        }
      }
      return true;
    });
    switch (reading.stop()) {
      case FAILED -> {
        return new Undecidable("the detections list could not be read");
      }
      case TIME -> {
        return new Undecidable("the run's time ran out while reading the detections list");
      }
      case CAP -> {
        return new Undecidable("more than " + RecentDetections.MAX_PAGES
            * RecentDetections.PAGE_SIZE + " detections are newer than it");
      }
      default -> {
        // PAST or END: everything since the intent was seen.
      }
    }
    for (Map.Entry<String, Map<String, Detection>> m : matches.entrySet()) {
      if (m.getValue().size() > 1) {
        return new Undecidable("several recent detections carry one of its names");
      }
    }
    if (matches.size() == names.size()) {
      Map<String, Detection> byName = new LinkedHashMap<>();
      for (Submission.Part part : intent.parts()) {
        byName.put(part.name(), matches.get(part.name()).values().iterator().next());
      }
      return new Found(byName);
    }
    if (matches.isEmpty()) {
      return new Absent();
    }
    return new Undecidable("only " + matches.size() + " of its " + names.size()
        + " files appear among the recent detections");
  }
}
