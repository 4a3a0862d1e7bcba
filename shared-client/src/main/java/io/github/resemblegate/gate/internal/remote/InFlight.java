package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The submissions the run waits on, and the progress they make toward every detection the run
 * expects. Owned by the polling thread; what is expected grows as work is handed in.
 */
final class InFlight {

  private final List<Awaited> active = new ArrayList<>();
  private final GateListener listener;
  private final long startNanos = System.nanoTime();
  /** Written by whoever hands work to the run, read by the polling thread. */
  private final AtomicInteger units = new AtomicInteger();
  private final AtomicInteger expected = new AtomicInteger();
  private int finishedParts;
  /** Until the plan is complete the totals still grow, so progress is not told. */
  private volatile boolean planComplete;

  InFlight(GateListener listener) {
    this.listener = listener;
  }

  /** More submissions and detections the run expects, for the progress line. */
  void expect(int moreUnits, int moreDetections) {
    units.addAndGet(moreUnits);
    expected.addAndGet(moreDetections);
  }

  /** From now on, what is expected is all the plan sends (later handovers aside). */
  void planComplete() {
    planComplete = true;
  }

  boolean isPlanComplete() {
    return planComplete;
  }

  /** The submissions the run expects so far: resumed, adopted and sent. */
  int units() {
    return units.get();
  }

  void add(Awaited s) {
    active.add(s);
  }

  boolean isEmpty() {
    return active.isEmpty();
  }

  boolean contains(Awaited s) {
    return active.contains(s);
  }

  List<Awaited> all() {
    return List.copyOf(active);
  }

  /** {@code s} needs no more polls: every part has its fate. */
  void finish(Awaited s) {
    finishedParts += s.total();
    s.done = s.total();
    active.remove(s);
  }

  /** {@code s} goes on as {@code rest}: its unfinished detections, polled one by one. */
  void replace(Awaited s, Awaited rest) {
    active.remove(s);
    active.add(rest);
  }

  /** The other submissions, by the ids of their unfinished detections. */
  Map<String, Awaited> othersById(List<Awaited> except) {
    Map<String, Awaited> byId = new HashMap<>();
    Set<Awaited> skip = Collections.newSetFromMap(new IdentityHashMap<>());
    skip.addAll(except);
    for (Awaited s : active) {
      if (!skip.contains(s)) {
        s.unfinished().forEach(id -> byId.put(id, s));
      }
    }
    return byId;
  }

  /** Tells the listener where {@code s} and the whole run stand, once the plan is complete. */
  void progress(Awaited s) {
    if (!planComplete) {
      return;
    }
    int done = finishedParts;
    for (Awaited a : active) {
      done += a.done;
    }
    int all = expected.get();
    listener.progress(new Progress(s.index, units.get(), s.batchId(), s.done, s.total(),
        Math.min(done, all), all, Duration.ofNanos(System.nanoTime() - startNanos)));
  }
}
