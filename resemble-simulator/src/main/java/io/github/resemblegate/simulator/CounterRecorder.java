package io.github.resemblegate.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Counts requests as they arrive; {@link #snapshot} turns the counts into {@link Counters}. */
final class CounterRecorder {
  private static final long ONE_SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LongSupplier nanoTime;
  private final Map<Endpoint, Long> byEndpoint = new EnumMap<>(Endpoint.class);
  private final Deque<Long> lastSecond = new ArrayDeque<>();
  private long total;
  private long batchesCreated;
  private long detectsCreated;
  private long bytes;
  private long peak;
  private long unauthorized;
  private long faults;

  CounterRecorder(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  synchronized void request(Endpoint endpoint, long bodyBytes) {
    total++;
    byEndpoint.merge(endpoint, 1L, Long::sum);
    bytes += Math.max(0, bodyBytes);
    long now = nanoTime.getAsLong();
    lastSecond.addLast(now);
    while (now - lastSecond.peekFirst() >= ONE_SECOND_NANOS) {
      lastSecond.removeFirst();
    }
    peak = Math.max(peak, lastSecond.size());
  }

  synchronized void unauthorized() {
    unauthorized++;
  }

  synchronized void fault() {
    faults++;
  }

  synchronized void created(int batches, int detects) {
    batchesCreated += batches;
    detectsCreated += detects;
  }

  synchronized void clear() {
    byEndpoint.clear();
    lastSecond.clear();
    total = batchesCreated = detectsCreated = bytes = peak = unauthorized = faults = 0;
  }

  synchronized Counters snapshot() {
    Map<Endpoint, Long> counts = new EnumMap<>(Endpoint.class);
    for (Endpoint endpoint : Endpoint.values()) {
      counts.put(endpoint, byEndpoint.getOrDefault(endpoint, 0L));
    }
    return new Counters(total, counts, counts.get(Endpoint.CREATE_BATCH), batchesCreated,
        counts.get(Endpoint.CREATE_DETECT), detectsCreated, counts.get(Endpoint.SECURE_UPLOAD), bytes,
        peak, unauthorized, faults);
  }
}
