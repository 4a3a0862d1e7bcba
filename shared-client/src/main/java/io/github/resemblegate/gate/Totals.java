package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for a run.
 *
 * @param files matched files (every one has a FileResult)
 * @param byOutcome files per outcome; every outcome present, zero when none
 * @param uniqueContents distinct SHA-256 contents among the matched files
 * @param fromCache files judged from the cache without an API call
 * @param uploaded files uploaded in this run
 * @param bytesUploaded bytes uploaded in this run
 * @param batches batches submitted (or resumed) in this run
 */
public record Totals(
    int files,
    Map<Outcome, Integer> byOutcome,
    int uniqueContents,
    int fromCache,
    int uploaded,
    long bytesUploaded,
    int batches) {

  public Totals {
    EnumMap<Outcome, Integer> all = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      all.put(o, byOutcome == null ? 0 : byOutcome.getOrDefault(o, 0));
    }
    byOutcome = java.util.Collections.unmodifiableMap(all);
  }

  public int count(Outcome outcome) {
    return byOutcome.get(outcome);
  }

  /** Counts outcomes of the given results; the upload figures are left to the caller. */
  public static Totals countOutcomes(List<FileResult> results, int uniqueContents, int fromCache,
      int uploaded, long bytesUploaded, int batches) {
    EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (FileResult r : results) {
      counts.merge(r.outcome(), 1, Integer::sum);
    }
    return new Totals(results.size(), counts, uniqueContents, fromCache, uploaded, bytesUploaded,
        batches);
  }
}
