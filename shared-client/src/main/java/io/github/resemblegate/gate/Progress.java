package io.github.resemblegate.gate;

import java.time.Duration;

/**
 * Where the run stands while it waits: how many detections of how many are finished, overall and
 * for the batch that just reported.
 */
public record Progress(
    int batchIndex,
    int batchCount,
    String batchId,
    int batchDone,
    int batchTotal,
    int overallDone,
    int overallTotal,
    Duration elapsed) {}
