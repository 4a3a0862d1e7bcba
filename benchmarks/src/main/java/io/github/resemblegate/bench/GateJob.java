package io.github.resemblegate.bench;

import java.util.List;

/**
 * What one forked gate run does: the settings of its {@code GateConfig}, written as JSON by the
 * orchestrator and read by {@link GateProbe}. The token is not here: it travels in the fork's
 * environment ({@code RESEMBLE_API_KEY}), never on a command line.
 */
record GateJob(
    String baseDir,
    List<String> includes,
    String apiUrl,
    String cacheDir,
    String reportsDir,
    boolean dryRun,
    int maxFiles,
    int concurrency,
    long pollInitialMs,
    long pollMaxMs,
    long readTimeoutMs,
    double requestsPerSecond,
    String onFlagged,
    boolean writeReports,
    long timeoutMs) {

  /** The gate's defaults, as a user gets them, against {@code apiUrl}. */
  static GateJob defaults(String baseDir, String apiUrl, String cacheDir, String reportsDir) {
    return new GateJob(baseDir, List.of("**/*"), apiUrl, cacheDir, reportsDir, false, 1000, 4,
        2000, 12_000, 120_000, 40, "FAIL", true, 30 * 60_000L);
  }

  GateJob dryRun(boolean v) {
    return new GateJob(baseDir, includes, apiUrl, cacheDir, reportsDir, v, maxFiles, concurrency,
        pollInitialMs, pollMaxMs, readTimeoutMs, requestsPerSecond, onFlagged, writeReports,
        timeoutMs);
  }

  GateJob maxFiles(int v) {
    return new GateJob(baseDir, includes, apiUrl, cacheDir, reportsDir, dryRun, v, concurrency,
        pollInitialMs, pollMaxMs, readTimeoutMs, requestsPerSecond, onFlagged, writeReports,
        timeoutMs);
  }

  GateJob polling(long initialMs, long maxMs) {
    return new GateJob(baseDir, includes, apiUrl, cacheDir, reportsDir, dryRun, maxFiles,
        concurrency, initialMs, maxMs, readTimeoutMs, requestsPerSecond, onFlagged, writeReports,
        timeoutMs);
  }

  GateJob readTimeoutMs(long v) {
    return new GateJob(baseDir, includes, apiUrl, cacheDir, reportsDir, dryRun, maxFiles,
        concurrency, pollInitialMs, pollMaxMs, v, requestsPerSecond, onFlagged, writeReports,
        timeoutMs);
  }

  GateJob timeoutMs(long v) {
    return new GateJob(baseDir, includes, apiUrl, cacheDir, reportsDir, dryRun, maxFiles,
        concurrency, pollInitialMs, pollMaxMs, readTimeoutMs, requestsPerSecond, onFlagged,
        writeReports, v);
  }

  GateJob writeReports(boolean v) {
    return new GateJob(baseDir, includes, apiUrl, cacheDir, reportsDir, dryRun, maxFiles,
        concurrency, pollInitialMs, pollMaxMs, readTimeoutMs, requestsPerSecond, onFlagged, v,
        timeoutMs);
  }
}
