package io.github.resemblegate.gate;

import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds out what became of a submission whose response was lost (a reset connection, a 5xx after
 * the upload): the API may or may not have created its detections. The detections list is newest
 * first, so the gate reads it back to just before the submission's journal intent (less a margin
 * for clock skew) and looks for the submission's part names:
 * <ul>
 *   <li>every part name exactly once → the submission was created; its detections are adopted;</li>
 *   <li>none of them, with the list read past the intent's time → it was certainly not created
 *       and may be submitted again;</li>
 *   <li>anything else (some names, a name twice, names redacted by zero-retention mode, the list
 *       unavailable or too long to read back) → undecidable; the gate must not guess.</li>
 * </ul>
 */
final class BatchRecovery {

  /** How far the API's clock may be behind ours. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  static final int PAGE_SIZE = 1000;
  static final int MAX_PAGES = 5;

  /** What recovery concluded. */
  sealed interface Finding {}

  /** Created: the detections by part name. */
  record Found(Map<String, Detection> byPartName) implements Finding {}

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

  Finding find(Journal.Intent intent) {
    if (zeroRetention) {
      return new Undecidable("zero-retention mode redacts file names, so the API's detections"
          + " cannot be matched to this submission");
    }
    Set<String> names = new HashSet<>();
    intent.parts().forEach(p -> names.add(p.name()));
    Instant cutoff = intent.at().minus(CLOCK_SKEW);
    Map<String, List<Detection>> matches = new HashMap<>();
    boolean pastCutoff = false;
    boolean listEnded = false;
    try {
      for (int page = 1; page <= MAX_PAGES && !pastCutoff && !listEnded; page++) {
        DetectPage p = client.listDetects(page, PAGE_SIZE);
        for (Detection d : p.items()) {
          Instant created = parse(d.createdAt());
          if (created != null && created.isBefore(cutoff)) {
            pastCutoff = true;
            continue;
          }
          if (d.filename() != null && names.contains(d.filename())) {
            matches.computeIfAbsent(d.filename(), k -> new ArrayList<>()).add(d);
          }
        }
        listEnded = p.items().isEmpty() || page >= p.numPages();
      }
    } catch (ResembleException e) {
      return new Undecidable("the detections list could not be read: " + e.getMessage());
    }
    for (Map.Entry<String, List<Detection>> m : matches.entrySet()) {
      if (m.getValue().size() > 1) {
        return new Undecidable("several recent detections are named " + m.getKey());
      }
    }
    if (matches.size() == names.size()) {
      Map<String, Detection> byName = new LinkedHashMap<>();
      for (Journal.Part part : intent.parts()) {
        byName.put(part.name(), matches.get(part.name()).get(0));
      }
      return new Found(byName);
    }
    if (matches.isEmpty() && (pastCutoff || listEnded)) {
      return new Absent();
    }
    if (matches.isEmpty()) {
      return new Undecidable("the detections list is too long to read back to "
          + intent.at());
    }
    return new Undecidable("only " + matches.size() + " of its " + names.size()
        + " files appear among the recent detections");
  }

  static Instant parse(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(timestamp.strip());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
