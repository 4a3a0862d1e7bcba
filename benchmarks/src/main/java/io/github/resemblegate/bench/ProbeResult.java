package io.github.resemblegate.bench;

import java.util.List;
import java.util.Map;

/**
 * What a forked gate run measured about itself.
 *
 * @param gateMillis time inside {@code Gate.run}
 * @param reportsMillis time writing every report format (0 when not asked)
 * @param clientRequests HTTP requests the gate's client started, retries included
 * @param clientPeakPerSecond the most requests the client started within any one second
 * @param requestsByRoute the same, by method and path shape ({@code GET /detect/batch/{id}})
 * @param phasesMillis when each step happened, in ms after the run started: scanned,
 *     firstUpload, planned, lastAccepted, firstResult, finished (steps that happened)
 * @param judgedWrong files with a score whose outcome or score differs from the simulator's rules
 * @param outcomes files per outcome
 * @param peakHeapBytes the most heap in use at any moment: the largest before-GC figure, or the
 *     final one if larger
 * @param maxLiveHeapBytes the most heap still in use right after a collection (the live set)
 * @param heapPoolPeaksBytes sum of each heap pool's own peak (an upper bound; the pools peak at
 *     different moments)
 * @param maxHeapBytes the JVM's {@code -Xmx}
 * @param vmHwmKb peak resident set size of the JVM, from {@code /proc/self/status}
 * @param cpuMillis CPU time (user and system) of the whole JVM, start-up included
 * @param jitCpuMillis the part of it the JIT compiler threads used (-1: not known)
 * @param errorSamples a few ERROR and SKIPPED files with their reasons, for the log
 * @param reasons ERROR and SKIPPED files counted by reason, ids and paths blanked out
 */
record ProbeResult(
    String status,
    String message,
    long gateMillis,
    long reportsMillis,
    int files,
    Map<String, Integer> outcomes,
    int uploaded,
    long bytesUploaded,
    int batches,
    int fromCache,
    List<String> batchIds,
    long clientRequests,
    long clientPeakPerSecond,
    Map<String, Long> requestsByRoute,
    Map<String, Long> phasesMillis,
    int judgedWrong,
    int errorsWithoutReason,
    long peakHeapBytes,
    long maxLiveHeapBytes,
    long heapPoolPeaksBytes,
    long maxHeapBytes,
    long gcCount,
    long gcMillis,
    long vmHwmKb,
    long cpuMillis,
    long jitCpuMillis,
    List<String> errorSamples,
    Map<String, Integer> reasons,
    String crash) {}
