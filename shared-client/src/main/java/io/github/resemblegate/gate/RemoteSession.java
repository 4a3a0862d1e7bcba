package io.github.resemblegate.gate;

import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ForbiddenException;
import io.github.resemblegate.client.NotFoundException;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.client.ResembleException;
import io.github.resemblegate.client.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The remote half of a run: resumes what the journal holds, submits the planned batches and
 * singles with bounded concurrency, and polls everything in flight from the calling thread with
 * backoff ({@code pollInitial}, growing by half each time up to {@code pollMax}) until it is done
 * or the run's {@code timeout} passes. Finished batches' results are fetched together, each once,
 * in one pass over the detections list that also collects whatever other submissions in flight
 * have finished, and mapped to files by part name. Every request of the session ends by the run's
 * deadline; after it, one last look of at most {@link #LAST_LOOK_CALLS} requests within
 * {@link #LAST_LOOK_TIME} collects what finished meanwhile. Whatever is still unfinished becomes
 * ERROR with its batch and detection ids, and stays in the journal for the next run. Every
 * submission, result and failure goes to the {@link Settlement} as it happens.
 */
final class RemoteSession implements Submitter.Sink {

  /** What the session found out; {@code batches} counts batches submitted or resumed. */
  record Result(Map<String, Analysis> results, Map<String, ResultMapper.Failure> failures,
      int uploadedFiles,
      long uploadedBytes, List<String> batchIds, int batches) {}

  /** The last look after the deadline: this long at most, in this many requests, no retries. */
  static final Duration LAST_LOOK_TIME = Duration.ofSeconds(5);
  static final int LAST_LOOK_CALLS = 3;

  private static final Object WAKE = new Object();

  private final GateConfig config;
  private final ResembleClient client;
  private final Journal journal;
  private final ResultKey key;
  private final GateListener listener;
  private final Settlement settlement;
  private final ResultFetcher fetcher;
  private final BatchRecovery recovery;
  /** Every request before the deadline goes through it, so none runs past the deadline. */
  private final Allowance untilDeadline;

  private final ResultMapper mapper;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private final AtomicInteger submissionsLeft = new AtomicInteger();
  private final AtomicInteger uploadedFiles = new AtomicInteger();
  private final AtomicLong uploadedBytes = new AtomicLong();
  private final Set<String> batchIds = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger submissions = new AtomicInteger();
  private final List<InFlight> active = new ArrayList<>();
  private final Set<String> warnedAbout = new HashSet<>();

  private int unitCount;
  private int overallTotal;
  private int finishedParts;
  private long startNanos;
  private final long deadlineNanos;

  /** {@code deadlineNanos} ({@link System#nanoTime()}) ends every session of the run. */
  RemoteSession(GateConfig config, ResembleClient client, Journal journal, ResultKey key,
      GateListener listener, Settlement settlement, long deadlineNanos) {
    this.config = config;
    this.client = client;
    this.journal = journal;
    this.key = key;
    this.listener = listener;
    this.settlement = settlement;
    this.deadlineNanos = deadlineNanos;
    this.untilDeadline = Allowance.until(deadlineNanos);
    this.fetcher = new ResultFetcher(client, listener::debug);
    this.recovery = new BatchRecovery(client, config.batchOptions().zeroRetention());
    this.mapper = new ResultMapper(config.batchOptions().frameLength(), "timed out after "
        + Durations.format(config.timeout()) + " while the API was still processing; re-run to"
        + " resume", settlement);
  }

  /**
   * Resumes {@code resume} (journal intents of this result key), then submits {@code work}.
   * {@code replan} turns contents of resumed submissions found never to have been created into
   * more work.
   */
  Result run(List<Journal.Intent> resume, BatchPlanner.Work work,
      java.util.function.Function<List<Journal.Part>, BatchPlanner.Work> replan) {
    startNanos = System.nanoTime();
    List<Journal.Part> lost = new ArrayList<>();
    List<Journal.Intent> adopt = new ArrayList<>();
    for (Journal.Intent intent : resume) {
      if (intent.accepted()) {
        adopt.add(intent);
        continue;
      }
      BatchRecovery.Finding f = recovery.find(intent, untilDeadline);
      if (f instanceof BatchRecovery.Found found) {
        List<String> ids = new ArrayList<>();
        found.byPartName().values().forEach(d -> ids.add(d.uuid()));
        adopt.add(journal.accepted(intent.id(), null, ids));
      } else if (f instanceof BatchRecovery.Absent) {
        journal.abandoned(intent.id(), "not created (checked on resume)");
        lost.addAll(intent.parts());
      } else {
        String why = ((BatchRecovery.Undecidable) f).why();
        failed(intent.parts(), "an earlier run's submission of this file may have been created"
            + " but its answer was lost, and the gate still cannot confirm it (" + why + "); check"
            + " the Resemble dashboard, and delete " + journal.file() + " only if you accept"
            + " submitting these files again", null, true);
      }
    }
    BatchPlanner.Work more = lost.isEmpty() ? null : replan.apply(lost);
    List<List<BatchPlanner.Upload>> batches = new ArrayList<>(work.batches());
    List<BatchPlanner.Single> singles = new ArrayList<>(work.singles());
    if (more != null) {
      batches.addAll(more.batches());
      singles.addAll(more.singles());
    }
    unitCount = adopt.size() + batches.size() + singles.size();
    overallTotal = adopt.stream().mapToInt(i -> i.parts().size()).sum()
        + batches.stream().mapToInt(List::size).sum() + singles.size();
    if (!adopt.isEmpty()) {
      listener.info("Resuming " + adopt.size() + (adopt.size() == 1 ? " submission" : " submissions")
          + " from the journal; nothing is uploaded again for them.");
    }
    int index = 0;
    for (Journal.Intent intent : adopt) {
      accepted(++index, intent, null, false);
    }

    Submitter submitter = new Submitter(client, journal, key.canonical(), config, recovery,
        untilDeadline, this);
    int tasks = batches.size() + singles.size();
    ExecutorService pool = tasks == 0 ? null : Executors.newFixedThreadPool(
        Math.min(config.concurrency(), tasks), daemonThreads());
    submissionsLeft.set(tasks);
    try {
      if (pool != null) {
        for (List<BatchPlanner.Upload> batch : batches) {
          int i = ++index;
          pool.execute(task(() -> submitter.submitBatch(i, batch)));
        }
        for (BatchPlanner.Single single : singles) {
          int i = ++index;
          pool.execute(task(() -> submitter.submitSingle(i, single)));
        }
        pool.shutdown();
      }
      pollUntilDone(pool);
    } catch (InterruptedException e) {
      if (pool != null) {
        pool.shutdownNow();
      }
      Thread.currentThread().interrupt();
      throw new GateException("The run was interrupted; run it again to resume: the journal "
          + journal.file() + " keeps every submission, so nothing is uploaded twice.", e);
    } catch (RuntimeException | Error e) {
      stopReason.compareAndSet(null, "not submitted: the run stopped");
      if (pool != null) {
        awaitQuietly(pool);
      }
      throw e;
    }
    return new Result(mapper.results(), mapper.failures(), uploadedFiles.get(),
        uploadedBytes.get(), List.copyOf(batchIds), submissions.get());
  }

  private Runnable task(Runnable body) {
    return () -> {
      try {
        body.run();
      } catch (Throwable t) {
        fatal.compareAndSet(null, t);
        stop("not submitted: the run stopped");
      } finally {
        submissionsLeft.decrementAndGet();
        events.add(WAKE);
      }
    };
  }

  private void pollUntilDone(ExecutorService pool) throws InterruptedException {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      drainEvents();
      rethrowFatal(pool);
      if (active.isEmpty() && submissionsLeft.get() == 0) {
        drainEvents();
        if (active.isEmpty()) {
          return;
        }
      }
      long now = System.nanoTime();
      if (now - deadlineNanos >= 0) {
        timeOut(pool);
        return;
      }
      List<InFlight> due = new ArrayList<>();
      long next = deadlineNanos;
      for (InFlight u : active) {
        if (u.nextPollNanos - now <= 0) {
          due.add(u);
        } else if (u.nextPollNanos - next < 0) {
          next = u.nextPollNanos;
        }
      }
      if (!due.isEmpty()) {
        pollRound(due);
        continue;
      }
      Object e = events.poll(Math.max(1, next - now), TimeUnit.NANOSECONDS);
      if (e instanceof InFlight u) {
        active.add(u);
      }
    }
  }

  private void drainEvents() {
    Object e;
    while ((e = events.poll()) != null) {
      if (e instanceof InFlight u) {
        active.add(u);
      }
    }
  }

  private void rethrowFatal(ExecutorService pool) {
    Throwable t = fatal.get();
    if (t == null) {
      return;
    }
    if (pool != null) {
      awaitQuietly(pool);
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(t);
  }

  private void awaitQuietly(ExecutorService pool) {
    // Submissions already sending finish, so their ids reach the journal before the run ends.
    try {
      pool.awaitTermination(config.readTimeout().toMillis() + 60_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException ie) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // --- polling -------------------------------------------------------------------------------

  /**
   * Polls what is due, oldest first. A batch found finished has its results fetched at once, in a
   * list pass that also collects every other submission in flight that has finished meanwhile, so
   * those need no poll of their own; detections polled one by one are fetched together at the end.
   */
  private void pollRound(List<InFlight> due) {
    due.sort(Comparator.comparing((InFlight u) -> u.intent.at()));
    List<InFlight> singly = new ArrayList<>();
    for (InFlight u : due) {
      if (!active.contains(u)) {
        continue; // settled by a list pass earlier in this round
      }
      if (!u.batchMode) {
        singly.add(u);
        continue;
      }
      try {
        DetectBatch b = untilDeadline.client(client).getBatch(u.batchId);
        if (!b.detectUuids().isEmpty()) {
          u.detectIds = b.detectUuids();
        }
        u.done = Math.min(u.total(), b.completedCount() + b.failedCount());
        if (b.status().terminal()) {
          collect(List.of(u));
        } else {
          reschedule(u);
          progress(u);
        }
      } catch (NotFoundException e) {
        giveUp(u, "the API no longer knows " + u.describe() + " (" + stripPeriod(e.getMessage())
            + ")", false);
        progress(u);
      } catch (UnauthorizedException | ForbiddenException e) {
        giveUp(u, e.getMessage(), true);
        progress(u);
      } catch (ResembleException e) {
        // A poll cut short by the deadline is no news: the run is about to say it timed out.
        if (!untilDeadline.timeIsUp() && warnedAbout.add(u.intent.id())) {
          listener.warn("Checking " + u.describe() + " failed (" + e.getMessage()
              + "); trying again.");
        }
        reschedule(u);
        progress(u);
      }
    }
    singly.removeIf(u -> !active.contains(u));
    if (!singly.isEmpty()) {
      collect(singly);
    }
  }

  /**
   * Fetches the unfinished detections of {@code units} in one pass and settles what it brings:
   * a finished batch completes (detections still running are then polled one by one), detections
   * polled one by one complete once all are finished. Other submissions in flight whose every
   * detection the pass showed finished complete too.
   */
  private void collect(List<InFlight> units) {
    Set<String> ids = new LinkedHashSet<>();
    Instant since = null;
    for (InFlight u : units) {
      ids.addAll(unfinished(u));
      since = earlier(since, u.intent.at().minus(BatchRecovery.CLOCK_SKEW));
    }
    Map<String, InFlight> others = othersById(units);
    ResultFetcher.Fetched f = ids.isEmpty() ? NOTHING
        : fetcher.fetch(ids, since, untilDeadline, d -> observe(d, others));
    for (InFlight u : units) {
      if (u.batchMode) {
        Map<String, Detection> mine = new LinkedHashMap<>(u.ready);
        for (String id : u.detectIds) {
          Detection d = f.found().get(id);
          if (d != null) {
            mine.put(id, d);
          }
        }
        complete(u, mine, false);
      } else {
        for (String id : List.copyOf(u.open)) {
          Detection d = f.found().get(id);
          if (d != null && d.status().terminal()) {
            u.ready.put(id, d);
            u.open.remove(id);
          }
        }
        u.done = u.ready.size();
        if (u.open.isEmpty()) {
          complete(u, u.ready, false);
        } else {
          reschedule(u);
        }
      }
      progress(u);
    }
    completeObserved();
  }

  private static final ResultFetcher.Fetched NOTHING =
      new ResultFetcher.Fetched(Map.of(), Map.of());

  /** The detection ids of {@code u} without a finished detection yet. */
  private static List<String> unfinished(InFlight u) {
    if (!u.batchMode) {
      return List.copyOf(u.open);
    }
    List<String> ids = new ArrayList<>();
    for (String id : u.detectIds) {
      if (!u.ready.containsKey(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** The other submissions in flight, by the ids of their unfinished detections. */
  private Map<String, InFlight> othersById(List<InFlight> except) {
    Map<String, InFlight> byId = new HashMap<>();
    Set<InFlight> skip = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    skip.addAll(except);
    for (InFlight u : active) {
      if (!skip.contains(u)) {
        unfinished(u).forEach(id -> byId.put(id, u));
      }
    }
    return byId;
  }

  /** A listed detection of another submission in flight: kept once it is finished. */
  private static void observe(Detection d, Map<String, InFlight> others) {
    InFlight u = others.get(d.uuid());
    if (u == null || !d.status().terminal()) {
      return;
    }
    u.ready.put(d.uuid(), d);
    u.open.remove(d.uuid());
  }

  /**
   * Settles the submissions whose every detection a list pass showed finished: they need no more
   * polls. A batch counts only when its ids cover all its files.
   */
  private void completeObserved() {
    for (InFlight u : new ArrayList<>(active)) {
      boolean all = u.batchMode
          ? u.detectIds.size() == u.total() && u.ready.keySet().containsAll(u.detectIds)
          : u.open.isEmpty() && !u.ready.isEmpty();
      if (all) {
        u.done = u.total();
        complete(u, new LinkedHashMap<>(u.ready), false);
        progress(u);
      }
    }
  }

  private void reschedule(InFlight u) {
    u.nextPollNanos = System.nanoTime() + u.delayNanos;
    u.delayNanos = Math.min(config.pollMax().toNanos(), u.delayNanos + u.delayNanos / 2);
  }

  /**
   * Settles a submission's parts from its finished detections; detections still running are
   * then polled one by one. With {@code timedOut}, everything unfinished fails.
   */
  private void complete(InFlight u, Map<String, Detection> found, boolean timedOut) {
    Set<String> running = mapper.settle(u, found, timedOut);
    if (!running.isEmpty()) {
      // Not finished, or not fetched yet although the batch said so.
      InFlight rest = new InFlight(u.index, u.intent, false, List.copyOf(u.detectIds),
          System.nanoTime() + u.delayNanos, u.delayNanos);
      rest.ready.putAll(found);
      running.forEach(rest.ready::remove);
      rest.open.retainAll(running);
      rest.done = rest.ready.size();
      active.remove(u);
      active.add(rest);
      return;
    }
    finishedParts += u.total();
    u.done = u.total();
    active.remove(u);
  }

  private void giveUp(InFlight u, String reason, boolean retryable) {
    mapper.giveUp(u, reason, retryable);
    finishedParts += u.total();
    u.done = u.total();
    active.remove(u);
  }

  private void timeOut(ExecutorService pool) {
    stop("timed out after " + Durations.format(config.timeout()) + " before it was submitted;"
        + " re-run to continue");
    if (pool != null) {
      awaitQuietly(pool);
    }
    drainEvents();
    Set<String> ids = new LinkedHashSet<>();
    Instant since = null;
    for (InFlight u : active) {
      ids.addAll(unfinished(u));
      since = earlier(since, u.intent.at().minus(BatchRecovery.CLOCK_SKEW));
    }
    // One last look, bounded: results that finished meanwhile are kept, the rest keep their ids.
    ResultFetcher.Fetched f = ids.isEmpty() ? NOTHING : fetcher.fetch(ids, since,
        Allowance.of(LAST_LOOK_TIME, LAST_LOOK_CALLS, 0), d -> { });
    for (InFlight u : new ArrayList<>(active)) {
      Map<String, Detection> mine = new LinkedHashMap<>(u.ready);
      for (String id : u.detectIds) {
        Detection d = f.found().get(id);
        if (d != null) {
          mine.put(id, d);
        }
      }
      complete(u, mine, true);
    }
    listener.warn("Timed out after " + Durations.format(config.timeout()) + " while the API was"
        + " still processing; run again to resume: the journal " + journal.file()
        + " keeps the submissions.");
  }

  private void progress(InFlight u) {
    int overallDone = finishedParts;
    for (InFlight a : active) {
      overallDone += a.done;
    }
    listener.progress(new Progress(u.index, unitCount, u.batchId, u.done, u.total(),
        Math.min(overallDone, overallTotal), overallTotal,
        Duration.ofNanos(System.nanoTime() - startNanos)));
  }

  // --- Submitter.Sink ------------------------------------------------------------------------

  @Override
  public void accepted(int index, Journal.Intent intent, Detection immediate, boolean uploadedNow) {
    long delay = config.pollInitial().toNanos();
    InFlight u = new InFlight(index, intent, System.nanoTime() + delay, delay);
    if (immediate != null) {
      u.ready.put(immediate.uuid(), immediate);
      u.open.remove(immediate.uuid());
      u.nextPollNanos = System.nanoTime();
    }
    if (Journal.BATCH.equals(intent.kind())) {
      submissions.incrementAndGet();
    }
    if (intent.batchId() != null) {
      batchIds.add(intent.batchId());
    }
    settlement.submitted(intent);
    if (uploadedNow) {
      uploadedFiles.addAndGet(intent.parts().size());
      uploadedBytes.addAndGet(intent.parts().stream().mapToLong(Journal.Part::size).sum());
      if (intent.batchId() != null) {
        listener.batchSubmitted(index, unitCount, intent.batchId(), intent.parts().size());
      } else {
        listener.debug("Submitted " + intent.parts().get(0).path() + " on its own ("
            + u.describe() + ").");
      }
    }
    events.add(u);
  }

  @Override
  public void failed(List<Journal.Part> parts, String reason, String batchId, boolean retryable) {
    mapper.fail(parts, reason, batchId, retryable);
  }

  @Override
  public void tainted(String sha256, String reason, String batchId) {
    mapper.taint(sha256, reason, batchId);
  }

  @Override
  public void stop(String reason) {
    stopReason.compareAndSet(null, reason);
  }

  @Override
  public String stopReason() {
    return stopReason.get();
  }

  @Override
  public void info(String message) {
    listener.info(message);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "resemble-gate-submit-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static String stripPeriod(String s) {
    String t = s == null ? "" : s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
