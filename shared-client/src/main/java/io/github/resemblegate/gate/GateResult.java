package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run found: every matched file with its outcome, the totals, and the {@link Decision}
 * (what the run does to the build and the one sentence that says why). {@code notices} are
 * run-level warnings such as expired or unused waivers.
 */
public record GateResult(
    RunInfo run,
    Policy policy,
    List<FileResult> files,
    Totals totals,
    Decision decision,
    List<String> notices) {

  public GateResult {
    files = files instanceof JudgedFiles ? files : List.copyOf(files);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }

  /**
   * A run's files, each judged when it is read instead of held: a run over a million files would
   * otherwise hold a million results while its reports are written. Immutable and in report
   * order, so a result keeps such a list as it is (any other list is copied).
   */
  public abstract static class JudgedFiles extends java.util.AbstractList<FileResult>
      implements java.util.RandomAccess {}

  /** Files with the given outcome, in report order. */
  public List<FileResult> filesWith(Outcome outcome) {
    return files.stream().filter(f -> f.outcome() == outcome).toList();
  }

  /**
   * Facts about the run for the reports. {@code options} holds the effective settings as display
   * strings (never the token).
   *
   * @param sharding the shard this run checked, null when it checked every matched file
   * @param configuration the settings that decide which files a run covers and how they are
   *     judged, as display strings: the shards of one run must agree on every one (merge checks)
   */
  public record RunInfo(
      String toolVersion,
      Instant startedAt,
      Instant finishedAt,
      String apiUrl,
      String baseDirectory,
      boolean dryRun,
      Map<String, String> options,
      List<String> batchIds,
      Sharding sharding,
      Map<String, String> configuration) {

    public RunInfo {
      options = options == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
      batchIds = batchIds == null ? List.of() : List.copyOf(batchIds);
      configuration = configuration == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
    }

    /** A run that is no shard, and says nothing of its configuration. */
    public RunInfo(String toolVersion, Instant startedAt, Instant finishedAt, String apiUrl,
        String baseDirectory, boolean dryRun, Map<String, String> options,
        List<String> batchIds) {
      this(toolVersion, startedAt, finishedAt, apiUrl, baseDirectory, dryRun, options, batchIds,
          null, null);
    }

    /**
     * The part of a sharded run a report covers: {@code shard}, and how many files the scan
     * matched in all shards together.
     */
    public record Sharding(GateConfig.Shard shard, int matchedFiles) {}
  }

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
}
