package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The submissions the run waits on, and the progress they make toward every detection the run
 * expects. Owned by the polling thread.
 */
final class InFlight {

  private final List<Submission> active = new ArrayList<>();
  private final GateListener listener;
  private final long startNanos = System.nanoTime();
  private int units;
  private int expected;
  private int finishedParts;

  InFlight(GateListener listener) {
    this.listener = listener;
  }

  /** How many submissions and detections the run expects, for the progress line. */
  void expect(int units, int detections) {
    this.units = units;
    this.expected = detections;
  }

  int units() {
    return units;
  }

  void add(Submission s) {
    active.add(s);
  }

  boolean isEmpty() {
    return active.isEmpty();
  }

  boolean contains(Submission s) {
    return active.contains(s);
  }

  List<Submission> all() {
    return List.copyOf(active);
  }

  /** {@code s} needs no more polls: every part has its fate. */
  void finish(Submission s) {
    finishedParts += s.total();
    s.done = s.total();
    active.remove(s);
  }

  /** {@code s} goes on as {@code rest}: its unfinished detections, polled one by one. */
  void replace(Submission s, Submission rest) {
    active.remove(s);
    active.add(rest);
  }

  /** The other submissions, by the ids of their unfinished detections. */
  Map<String, Submission> othersById(List<Submission> except) {
    Map<String, Submission> byId = new HashMap<>();
    Set<Submission> skip = Collections.newSetFromMap(new IdentityHashMap<>());
    skip.addAll(except);
    for (Submission s : active) {
      if (!skip.contains(s)) {
        s.unfinished().forEach(id -> byId.put(id, s));
      }
    }
    return byId;
  }

  /** Tells the listener where {@code s} and the whole run stand. */
  void progress(Submission s) {
    int done = finishedParts;
    for (Submission a : active) {
      done += a.done;
    }
    listener.progress(new Progress(s.index, units, s.batchId(), s.done, s.total(),
        Math.min(done, expected), expected, Duration.ofNanos(System.nanoTime() - startNanos)));
  }
}
