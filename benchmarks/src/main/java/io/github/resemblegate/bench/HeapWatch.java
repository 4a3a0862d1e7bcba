package io.github.resemblegate.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM without sampling: the heap is fullest just before a collection, and every
 * collection reports its before and after figures. Heap pools (G1 eden, survivor, old; or the
 * serial collector's) are told apart from non-heap pools by the memory pool beans.
 */
final class HeapWatch {

  record Figures(long peak, long maxLive, long poolPeaks, long max, long gcCount, long gcMillis) {}

  private final AtomicLong peakBeforeGc = new AtomicLong();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final java.util.Set<String> heapPools = new java.util.HashSet<>();

  private HeapWatch() {}

  static HeapWatch start() {
    HeapWatch w = new HeapWatch();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        w.heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          w.peakBeforeGc.accumulateAndGet(w.heapSum(info.getGcInfo().getMemoryUsageBeforeGc()),
              Math::max);
          w.maxAfterGc.accumulateAndGet(w.heapSum(info.getGcInfo().getMemoryUsageAfterGc()),
              Math::max);
        }
      }, null, null);
    }
    return w;
  }

  private long heapSum(Map<String, MemoryUsage> usage) {
    long sum = 0;
    for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        sum += e.getValue().getUsed();
      }
    }
    return sum;
  }

  Figures figures() {
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
      }
    }
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new Figures(Math.max(peakBeforeGc.get(), now), maxAfterGc.get(), poolPeaks,
        Runtime.getRuntime().maxMemory(), count, millis);
  }
}
