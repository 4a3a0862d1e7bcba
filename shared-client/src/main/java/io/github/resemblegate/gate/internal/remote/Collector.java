package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the results of finished submissions and settles their contents. One pass over the
 * detections list fetches what the given submissions need, and also completes every other
 * submission in flight whose detections the pass showed finished, so those need no poll of their
 * own. A finished batch completes; detections still running are then polled one by one.
 */
public final class Collector {

  /** The last look after the deadline: this long at most, in this many requests, no retries. */
  public static final Duration LAST_LOOK_TIME = Duration.ofSeconds(5);
  public static final int LAST_LOOK_CALLS = 3;

  private static final ResultFetcher.Fetched NOTHING =
      new ResultFetcher.Fetched(Map.of(), Map.of(), Map.of());

  private final ResultFetcher fetcher;
  private final ResultMapper mapper;
  private final InFlight inFlight;
  private final RequestBudget untilDeadline;
  private final long maxPollNanos;

  Collector(ResultFetcher fetcher, ResultMapper mapper, InFlight inFlight,
      RequestBudget untilDeadline, Duration maxPollInterval) {
    this.fetcher = fetcher;
    this.mapper = mapper;
    this.inFlight = inFlight;
    this.untilDeadline = untilDeadline;
    this.maxPollNanos = maxPollInterval.toNanos();
  }

  /**
   * Fetches the unfinished detections of {@code units} in one pass and settles what it brings:
   * a finished batch completes, detections polled one by one complete once all are finished.
   */
  void collect(List<Awaited> units) {
    Map<String, Awaited> others = inFlight.othersById(units);
    ResultFetcher.Fetched f = fetch(units, untilDeadline, d -> observe(d, others));
    for (Awaited s : units) {
      s.refusedWith(f.refused());
      if (s.batchMode) {
        complete(s, s.readyWith(f.found()), false);
      } else {
        for (String id : List.copyOf(s.open)) {
          Detection d = f.found().get(id);
          if (d != null && d.status().terminal()) {
            s.ready.put(id, d);
            s.open.remove(id);
          }
        }
        s.done = s.ready.size() + s.refused.size();
        if (s.open.isEmpty()) {
          complete(s, s.ready, false);
        } else {
          s.reschedule(maxPollNanos);
        }
      }
      inFlight.progress(s);
    }
    completeObserved();
  }

  /**
   * After the deadline: one bounded last look, so results that finished meanwhile are kept; the
   * rest fail with their ids, to be resumed from the journal.
   */
  void lastLook() {
    List<Awaited> all = inFlight.all();
    ResultFetcher.Fetched f = fetch(all, RequestBudget.of(LAST_LOOK_TIME, LAST_LOOK_CALLS, 0),
        d -> { });
    for (Awaited s : all) {
      s.refusedWith(f.refused());
      complete(s, s.readyWith(f.found()), true);
    }
  }

  /** Fails every part of {@code s} that has no result; {@code pending} keeps it in the journal. */
  void giveUp(Awaited s, String reason, boolean pending) {
    mapper.giveUp(s, reason, pending);
    inFlight.finish(s);
  }

  private ResultFetcher.Fetched fetch(List<Awaited> units, RequestBudget budget,
      java.util.function.Consumer<Detection> observer) {
    Set<String> ids = new LinkedHashSet<>();
    Instant since = null;
    for (Awaited s : units) {
      ids.addAll(s.unfinished());
      Instant at = s.submission.at().minus(BatchRecovery.CLOCK_SKEW);
      since = since == null || at.isBefore(since) ? at : since;
    }
    return ids.isEmpty() ? NOTHING : fetcher.fetch(ids, since, budget, observer);
  }

  /** A listed detection of another submission in flight: kept once it is finished. */
  private static void observe(Detection d, Map<String, Awaited> others) {
    Awaited s = others.get(d.uuid());
    if (s != null && d.status().terminal()) {
      s.ready.put(d.uuid(), d);
      s.open.remove(d.uuid());
    }
  }

  /** Settles the submissions whose every detection a list pass showed finished. */
  private void completeObserved() {
    for (Awaited s : inFlight.all()) {
      if (s.allReady()) {
        s.done = s.total();
        complete(s, new LinkedHashMap<>(s.ready), false);
        inFlight.progress(s);
      }
    }
  }

  /**
   * Settles a submission's parts from its finished detections; detections still running, or not
   * fetched although the batch said they finished, are then polled one by one. With
   * {@code timedOut}, everything unfinished fails.
   */
  private void complete(Awaited s, Map<String, Detection> found, boolean timedOut) {
    Set<String> running = mapper.settle(s, found, timedOut);
    if (running.isEmpty()) {
      inFlight.finish(s);
      return;
    }
    Awaited rest = new Awaited(s.index, s.submission, false, List.copyOf(s.detectIds),
        System.nanoTime() + s.delayNanos, s.delayNanos);
    rest.acceptedNanos = s.acceptedNanos;
    rest.ready.putAll(found);
    running.forEach(rest.ready::remove);
    rest.refused.putAll(s.refused);
    rest.open.retainAll(running);
    rest.done = rest.ready.size() + rest.refused.size();
    inFlight.replace(s, rest);
  }
}
