package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.plan.Planned;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.settings.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The remote half of a run: the submit and poll stages. It resumes the submissions earlier runs
 * (or other builds) left, sends what the plan hands it with bounded concurrency the moment it is
 * handed, and polls everything in flight from the thread that waits until it is done or the
 * run's deadline passes. Every request ends by the deadline; after it, {@link Collector#lastLook}
 * collects what finished meanwhile and the rest fails with its ids, kept in the journal for the
 * next run. Every fate goes to the ledger the moment it is known.
 */
public final class RemoteRun implements AutoCloseable {

  private final GateConfig.Limits limits;
  private final Duration timeout;
  private final Journal journal;
  private final GateListener listener;
  private final RequestBudget untilDeadline;
  private final BatchRecovery recovery;
  private final ResultMapper mapper;
  private final InFlight inFlight;
  private final Collector collector;
  private final Poller poller;
  private final Handoff handoff;
  private final SubmitPool pool;
  private final Submitter submitter;
  private final AtomicInteger lastIndex = new AtomicInteger();
  /** What was handed in before the run started waiting, sent once it does. */
  private final List<Runnable> queued = new ArrayList<>();
  private boolean started;
  private volatile boolean moreComing;
  private boolean timedOut;

  /**
   * The run's {@code timeout} starts now: the local set-up before this is not counted, nor is
   * work run {@link #notCounting} later.
   */
  public RemoteRun(Target target, GateConfig.Limits limits, Duration timeout, Journal journal,
      Ledger ledger, GateListener listener) {
    this.limits = limits;
    this.timeout = timeout;
    this.journal = journal;
    this.listener = listener;
    this.untilDeadline = RequestBudget.until(System.nanoTime() + timeout.toNanos());
    this.recovery = new BatchRecovery(target.client(), target.options().zeroRetention());
    this.mapper = new ResultMapper(ledger, target.options().frameLength(),
        "timed out after " + Durations.format(timeout) + " while the API was"
        + " still processing; re-run to resume");
    this.inFlight = new InFlight(listener);
    this.collector = new Collector(new ResultFetcher(target.client(), listener::debug), mapper,
        inFlight, untilDeadline, limits.maxPollInterval());
    PollTiming timing = new PollTiming(limits.pollInterval().toNanos(),
        limits.maxPollInterval().toNanos());
    this.poller = new Poller(target.client(), untilDeadline, collector, inFlight, listener,
        timing);
    this.handoff = new Handoff(ledger, inFlight, listener, timing,
        limits.pollInterval().toNanos());
    this.pool = new SubmitPool(limits.concurrency(), handoff);
    this.submitter = new Submitter(target, journal, new LostAnswers(recovery, untilDeadline,
        limits.pollInterval(), journal, mapper, listener), handoff, mapper, listener);
  }

  /** When the run's time is up ({@link System#nanoTime()}). */
  public long deadlineNanos() {
    return untilDeadline.deadlineNanos();
  }

  /**
   * Runs {@code work} with the deadline's clock stopped: the free access check, which its own
   * client bounds, does not use up the time the run has for sending and waiting.
   */
  public void notCounting(Runnable work) {
    untilDeadline.pause();
    try {
      work.run();
    } finally {
      untilDeadline.resume();
    }
  }

  /**
   * Resumes {@code earlier} (journaled submissions of this result key): those the API accepted
   * are waited for, nothing uploaded again; one whose answer was lost is looked for. Returns the
   * contents of submissions certainly never created, for the plan.
   */
  public List<String> resume(List<Submission> earlier) {
    Resumption resumed = Resumption.of(earlier, recovery, untilDeadline, journal, mapper);
    List<Submission> adopt = resumed.adopt();
    if (!adopt.isEmpty()) {
      listener.info(resuming(adopt));
    }
    adopt(adopt);
    List<String> lost = new ArrayList<>();
    resumed.lost().forEach(p -> lost.add(p.sha256()));
    return lost;
  }

  /**
   * What a resumed run waits for, told as resumed and never as submitted: "Resuming batch B
   * (3 files) submitted earlier; nothing is uploaded again."
   */
  static String resuming(List<Submission> adopt) {
    int files = adopt.stream().mapToInt(s -> s.parts().size()).sum();
    String count = files + (files == 1 ? " file" : " files");
    Submission only = adopt.size() == 1 ? adopt.get(0) : null;
    String what = only != null && only.batchId() != null
        ? "batch " + only.batchId() + " (" + count + ") submitted earlier"
        : count + " submitted earlier" + (only != null ? "" : ", in " + adopt.size() + " uploads");
    return "Resuming " + what + "; nothing is uploaded again.";
  }

  /** Waits for submissions the API already accepted: resumed, or another build's. */
  public void adopt(List<Submission> accepted) {
    for (Submission s : accepted) {
      inFlight.expect(1, s.parts().size());
      handoff.accepted(lastIndex.incrementAndGet(), s, null, false);
    }
  }

  /**
   * Sends {@code planned}, in order, as threads come free: at once while the run waits
   * ({@link #awaitAll}), else as soon as it starts to.
   */
  public synchronized void send(List<Planned> planned) {
    for (Planned p : planned) {
      inFlight.expect(1, p.contents().size());
    }
    for (Planned p : planned) {
      int index = lastIndex.incrementAndGet();
      Runnable task = () -> submitter.submit(index, p);
      if (started) {
        pool.execute(task);
      } else {
        queued.add(task);
      }
    }
  }

  private synchronized void start() {
    if (!started) {
      started = true;
      queued.forEach(pool::execute);
      queued.clear();
    }
  }

  /** The plan is still being made: {@link #awaitAll} waits for {@link #planComplete}. */
  public void expectMore() {
    moreComing = true;
  }

  /**
   * The plan is complete: batches accepted meanwhile are told with the final count, progress is
   * told from now on, and {@link #awaitAll} returns once everything sent has its fate.
   */
  public void planComplete() {
    handoff.planComplete();
    moreComing = false;
    handoff.wake();
  }

  /** Sends what was handed in and polls until all of it has its fate, or the deadline passes. */
  public void awaitAll() {
    start();
    try {
      pollUntilDone();
    } catch (InterruptedException e) {
      pool.abort();
      Thread.currentThread().interrupt();
      throw new GateException("The run was interrupted; run it again to resume: the journal "
          + journal.file() + " keeps every submission, so nothing is uploaded twice.", e);
    } catch (RuntimeException | Error e) {
      handoff.stop("not submitted: the run stopped");
      pool.finish(grace());
      throw e;
    }
  }

  /** What the run uploaded, for the totals and the reports. */
  public Sent sent() {
    return handoff.sent();
  }

  /** Lets submissions being sent finish, so their ids reach the journal. */
  @Override
  public void close() {
    pool.finish(grace());
  }

  private void pollUntilDone() throws InterruptedException {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      // Read each turn: the clock stops while the access check runs.
      long deadline = untilDeadline.deadlineNanos();
      drain();
      rethrowFatal();
      if (!moreComing && pool.left() == 0 && inFlight.isEmpty()) {
        drain();
        if (inFlight.isEmpty()) {
          return;
        }
      }
      long now = System.nanoTime();
      if (now - deadline >= 0) {
        timeOut();
        return;
      }
      if (poller.pollDue()) {
        continue;
      }
      Awaited s = handoff.next(Math.max(1, poller.nextDue(deadline) - now));
      if (s != null) {
        inFlight.add(s);
      }
    }
  }

  private void drain() {
    for (Awaited s = handoff.poll(); s != null; s = handoff.poll()) {
      inFlight.add(s);
    }
  }

  private void rethrowFatal() {
    Throwable t = pool.fatal();
    if (t == null) {
      return;
    }
    pool.finish(grace());
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(t);
  }

  /** Submissions already sending may take up to a read timeout to learn their ids. */
  private Duration grace() {
    return limits.readTimeout().plusSeconds(60);
  }

  private void timeOut() {
    String after = Durations.format(timeout);
    handoff.stop("timed out after " + after + " before it was submitted; re-run to continue");
    pool.finish(grace());
    drain();
    boolean first = !timedOut;
    timedOut = true;
    if (inFlight.isEmpty()) {
      if (first) {
        listener.warn("Timed out after " + after + " before anything was accepted by the API, so"
            + " nothing is waiting there; run again to submit it.");
      }
      return;
    }
    collector.lastLook();
    listener.warn("Timed out after " + after + " while the API was still processing; run"
        + " again to resume: the journal " + journal.file() + " keeps the submissions.");
  }
}
