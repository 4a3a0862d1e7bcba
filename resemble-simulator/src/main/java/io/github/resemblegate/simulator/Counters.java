package io.github.resemblegate.simulator;

import java.util.Map;

/**
 * A snapshot of what the simulator received since start or the last reset; counted without keeping
 * request bodies. Every {@code /api/v2} request counts, whatever its answer (401, faults included).
 *
 * @param totalRequests all {@code /api/v2} requests
 * @param requestsByEndpoint requests per endpoint (every endpoint present, zero when unused)
 * @param batchPosts {@code POST /detect/batch} requests, created or not
 * @param batchesCreated batches that were created (these would be billed)
 * @param detectPosts {@code POST /detect} requests, created or not
 * @param detectsCreated detects created, batch children included
 * @param secureUploads {@code POST /secure_uploads} requests
 * @param bytesReceived request body bytes as they arrived on the wire
 * @param peakRequestsPerSecond the most requests that arrived within any one-second window
 * @param unauthorized requests answered 401
 * @param faultsFired requests answered by an injected fault
 */
public record Counters(
    long totalRequests,
    Map<Endpoint, Long> requestsByEndpoint,
    long batchPosts,
    long batchesCreated,
    long detectPosts,
    long detectsCreated,
    long secureUploads,
    long bytesReceived,
    long peakRequestsPerSecond,
    long unauthorized,
    long faultsFired) {

  public Counters {
    requestsByEndpoint = Map.copyOf(requestsByEndpoint);
  }

  /** Requests received by one endpoint. */
  public long requests(Endpoint endpoint) {
    return requestsByEndpoint.getOrDefault(endpoint, 0L);
  }
}
