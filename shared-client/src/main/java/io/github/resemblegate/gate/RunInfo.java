package io.github.resemblegate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Facts about the run for the reports. {@code options} holds the effective settings as display
 * strings (never the token).
 */
public record RunInfo(
    String toolVersion,
    Instant startedAt,
    Instant finishedAt,
    String apiUrl,
    String baseDirectory,
    boolean dryRun,
    Map<String, String> options,
    List<String> batchIds) {

  public RunInfo {
    options = options == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    batchIds = batchIds == null ? List.of() : List.copyOf(batchIds);
  }
}
