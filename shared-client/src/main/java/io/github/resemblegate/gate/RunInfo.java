package io.github.resemblegate.gate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the run for the reports. {@code options} holds the effective settings as display
 * strings (never the token).
 *
 * @param sharding the shard this run checked, null when it checked every matched file
 * @param configuration the settings that decide which files a run covers and how they are judged,
 *     as display strings: the shards of one run must agree on every one ({@code merge} checks)
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
        : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    batchIds = batchIds == null ? List.of() : List.copyOf(batchIds);
    configuration = configuration == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
  }

  /** A run that is no shard, and says nothing of its configuration. */
  public RunInfo(String toolVersion, Instant startedAt, Instant finishedAt, String apiUrl,
      String baseDirectory, boolean dryRun, Map<String, String> options, List<String> batchIds) {
    this(toolVersion, startedAt, finishedAt, apiUrl, baseDirectory, dryRun, options, batchIds,
        null, null);
  }

  /**
   * The part of a sharded run a report covers: {@code shard}, and how many files the scan matched
   * in all shards together.
   */
  public record Sharding(Shard shard, int matchedFiles) {}
}
