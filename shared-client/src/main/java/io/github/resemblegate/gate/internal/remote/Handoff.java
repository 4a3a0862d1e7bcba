package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.Detection;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Between the threads that submit and the thread that polls, one way: an accepted submission
 * becomes {@link Fate.Submitted} in the ledger, is counted, told to the listener and queued for
 * the polling thread. Also the one switch that stops every submission not yet sent (a refusal
 * that would repeat, the timeout, a failure of the run). Thread-safe.
 */
final class Handoff {

  private static final Object WAKE = new Object();

  private final Ledger ledger;
  private final InFlight inFlight;
  private final GateListener listener;
  private final PollTiming timing;
  private final long firstDelayNanos;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private final AtomicInteger uploadedFiles = new AtomicInteger();
  private final AtomicLong uploadedBytes = new AtomicLong();
  private final Set<String> batchIds = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger batches = new AtomicInteger();
  /** Batches accepted before the plan was complete, told once it is, with the final count. */
  private final List<Awaited> early = new ArrayList<>();

  /** {@code timing} says when an accepted submission is first polled. */
  Handoff(Ledger ledger, InFlight inFlight, GateListener listener, PollTiming timing,
      long firstDelayNanos) {
    this.ledger = ledger;
    this.inFlight = inFlight;
    this.listener = listener;
    this.timing = timing;
    this.firstDelayNanos = firstDelayNanos;
  }

  /**
   * The API accepted {@code submission} ({@code index} numbers it for the console);
   * {@code immediate} is a finished single detection, or null; {@code uploadedNow} is false for
   * one resumed or adopted without uploading.
   */
  void accepted(int index, Submission submission, Detection immediate, boolean uploadedNow) {
    long now = System.nanoTime();
    Awaited s = new Awaited(index, submission, timing.firstPoll(now), firstDelayNanos);
    s.acceptedNanos = now;
    s.lastSeenNanos = now;
    if (immediate != null) {
      s.ready.put(immediate.uuid(), immediate);
      s.open.remove(immediate.uuid());
      s.nextPollNanos = System.nanoTime();
    }
    if (Journal.BATCH.equals(submission.kind())) {
      batches.incrementAndGet();
    }
    if (submission.batchId() != null) {
      batchIds.add(submission.batchId());
    }
    Fate.Submitted sent = new Fate.Submitted(submission.id(), submission.batchId());
    ledger.update(u -> submission.parts().forEach(p -> u.submitted(p.sha256(), sent)));
    if (uploadedNow) {
      uploadedFiles.addAndGet(submission.parts().size());
      uploadedBytes.addAndGet(submission.parts().stream().mapToLong(Submission.Part::size).sum());
      if (submission.batchId() != null) {
        tellOrHold(s);
      } else {
        listener.debug("Submitted " + submission.parts().get(0).path() + " on its own ("
            + s.describe() + ").");
      }
    }
    events.add(s);
  }

  /**
   * Tells the listener a batch was accepted: at once once the plan is complete, else when it is,
   * so that front ends print the plan before its batches and every batch with the final count.
   */
  private void tellOrHold(Awaited s) {
    synchronized (early) {
      if (!inFlight.isPlanComplete()) {
        early.add(s);
        return;
      }
    }
    tell(s);
  }

  private void tell(Awaited s) {
    listener.batchSubmitted(s.index, inFlight.units(), s.batchId(), s.total());
  }

  /** The plan is complete: the batches accepted meanwhile are told now. */
  void planComplete() {
    List<Awaited> held;
    synchronized (early) {
      inFlight.planComplete();
      held = List.copyOf(early);
      early.clear();
    }
    held.forEach(this::tell);
  }

  /** Stops every submission not yet sent, with the reason their files get; the first counts. */
  void stop(String reason) {
    stopReason.compareAndSet(null, reason);
  }

  /** Why submitting stopped, or null while it goes on. */
  String stopReason() {
    return stopReason.get();
  }

  /** Wakes the polling thread: something it waits for may have changed. */
  void wake() {
    events.add(WAKE);
  }

  /** The next accepted submission, waiting up to {@code nanos}; null when none came. */
  Awaited next(long nanos) throws InterruptedException {
    return events.poll(nanos, TimeUnit.NANOSECONDS) instanceof Awaited s ? s : null;
  }

  /** The next accepted submission already queued, or null. */
  Awaited poll() {
    Object e;
    while ((e = events.poll()) != null) {
      if (e instanceof Awaited s) {
        return s;
      }
    }
    return null;
  }

  /** What was uploaded so far, for the totals and the reports. */
  Sent sent() {
    return new Sent(uploadedFiles.get(), uploadedBytes.get(), List.copyOf(batchIds),
        batches.get());
  }
}
