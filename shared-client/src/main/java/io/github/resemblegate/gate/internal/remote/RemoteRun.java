package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.Durations;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.ResultKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pass of the remote half of a run: resumes the submissions earlier runs (or other builds)
 * left, submits the planned batches and singles with bounded concurrency, and polls everything in
 * flight from the calling thread until it is done or the run's deadline passes. Every request ends
 * by the deadline; after it, {@link Collector#lastLook} collects what finished meanwhile and the
 * rest fails with its ids, kept in the journal for the next run. Every fate goes to the ledger the
 * moment it is known.
 */
public final class RemoteRun implements Submitter.Sink {

  private static final Object WAKE = new Object();

  private final GateConfig config;
  private final Journal journal;
  private final Ledger ledger;
  private final GateListener listener;
  private final RequestBudget untilDeadline;
  private final BatchRecovery recovery;
  private final ResultMapper mapper;
  private final InFlight inFlight;
  private final Collector collector;
  private final Poller poller;
  private final Submitter submitter;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final AtomicReference<String> stopReason = new AtomicReference<>();
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private final AtomicInteger submissionsLeft = new AtomicInteger();
  private final AtomicInteger uploadedFiles = new AtomicInteger();
  private final AtomicLong uploadedBytes = new AtomicLong();
  private final Set<String> batchIds = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger batches = new AtomicInteger();

  /** {@code deadlineNanos} ({@link System#nanoTime()}) ends every pass of the run. */
  public RemoteRun(GateConfig config, ResembleClient client, Journal journal, ResultKey key,
      Ledger ledger, GateListener listener, long deadlineNanos) {
    this.config = config;
    this.journal = journal;
    this.ledger = ledger;
    this.listener = listener;
    this.untilDeadline = RequestBudget.until(deadlineNanos);
    this.recovery = new BatchRecovery(client, config.api().options().zeroRetention());
    this.mapper = new ResultMapper(ledger, config.api().options().frameLength(),
        "timed out after " + Durations.format(config.budget().timeout()) + " while the API was"
        + " still processing; re-run to resume");
    this.inFlight = new InFlight(listener);
    this.collector = new Collector(new ResultFetcher(client, listener::debug), mapper, inFlight,
        untilDeadline, config.api().limits().maxPollInterval());
    this.poller = new Poller(client, untilDeadline, collector, inFlight, listener,
        config.api().limits().maxPollInterval().toNanos());
    this.submitter = new Submitter(client, journal, key.canonical(), config, recovery,
        untilDeadline, this, mapper, listener);
  }

  /**
   * Resumes {@code resume} (journal intents of this result key), then submits {@code work}.
   * {@code replan} turns the contents of resumed submissions found never to have been created
   * into more work.
   */
  public Uploads run(List<Journal.Intent> resume, BatchPlanner.Work work,
      java.util.function.Function<List<Journal.Part>, BatchPlanner.Work> replan) {
    Resumption resumed = Resumption.of(resume, recovery, untilDeadline, journal, mapper);
    List<Journal.Intent> adopt = resumed.adopt();
    List<Journal.Part> lost = resumed.lost();
    List<List<Content>> toBatch = new ArrayList<>(work.batches());
    List<BatchPlanner.Single> singles = new ArrayList<>(work.singles());
    if (!lost.isEmpty()) {
      BatchPlanner.Work more = replan.apply(lost);
      toBatch.addAll(more.batches());
      singles.addAll(more.singles());
    }
    inFlight.expect(adopt.size() + toBatch.size() + singles.size(),
        adopt.stream().mapToInt(i -> i.parts().size()).sum()
            + toBatch.stream().mapToInt(List::size).sum() + singles.size());
    if (!adopt.isEmpty()) {
      listener.info("Resuming " + adopt.size() + (adopt.size() == 1 ? " submission"
          : " submissions") + " from the journal; nothing is uploaded again for them.");
    }
    int index = 0;
    for (Journal.Intent intent : adopt) {
      accepted(++index, intent, null, false);
    }
    int tasks = toBatch.size() + singles.size();
    ExecutorService pool = tasks == 0 ? null : Executors.newFixedThreadPool(
        Math.min(config.api().limits().concurrency(), tasks), daemonThreads());
    submissionsLeft.set(tasks);
    try {
      if (pool != null) {
        for (List<Content> batch : toBatch) {
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
    return new Uploads(uploadedFiles.get(), uploadedBytes.get(), List.copyOf(batchIds),
        batches.get());
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
    long deadline = untilDeadline.deadlineNanos();
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      drainEvents();
      rethrowFatal(pool);
      if (inFlight.isEmpty() && submissionsLeft.get() == 0) {
        drainEvents();
        if (inFlight.isEmpty()) {
          return;
        }
      }
      long now = System.nanoTime();
      if (now - deadline >= 0) {
        timeOut(pool);
        return;
      }
      if (poller.pollDue()) {
        continue;
      }
      Object e = events.poll(Math.max(1, poller.nextDue(deadline) - now), TimeUnit.NANOSECONDS);
      if (e instanceof Submission s) {
        inFlight.add(s);
      }
    }
  }

  private void drainEvents() {
    Object e;
    while ((e = events.poll()) != null) {
      if (e instanceof Submission s) {
        inFlight.add(s);
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
      pool.awaitTermination(config.api().limits().readTimeout().toMillis() + 60_000,
          TimeUnit.MILLISECONDS);
    } catch (InterruptedException ie) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void timeOut(ExecutorService pool) {
    String timeout = Durations.format(config.budget().timeout());
    stop("timed out after " + timeout + " before it was submitted; re-run to continue");
    if (pool != null) {
      awaitQuietly(pool);
    }
    drainEvents();
    if (inFlight.isEmpty()) {
      listener.warn("Timed out after " + timeout + " before anything was accepted by the API, so"
          + " nothing is waiting there; run again to submit it.");
      return;
    }
    collector.lastLook();
    listener.warn("Timed out after " + timeout + " while the API was still processing; run"
        + " again to resume: the journal " + journal.file() + " keeps the submissions.");
  }

  // --- Submitter.Sink ------------------------------------------------------------------------

  @Override
  public void accepted(int index, Journal.Intent intent, Detection immediate,
      boolean uploadedNow) {
    long delay = config.api().limits().pollInterval().toNanos();
    Submission s = new Submission(index, intent, System.nanoTime() + delay, delay);
    if (immediate != null) {
      s.ready.put(immediate.uuid(), immediate);
      s.open.remove(immediate.uuid());
      s.nextPollNanos = System.nanoTime();
    }
    if (Journal.BATCH.equals(intent.kind())) {
      batches.incrementAndGet();
    }
    if (intent.batchId() != null) {
      batchIds.add(intent.batchId());
    }
    Fate.Submitted sent = new Fate.Submitted(intent.id(), intent.batchId());
    ledger.update(u -> intent.parts().forEach(p -> u.submitted(p.sha256(), sent)));
    if (uploadedNow) {
      uploadedFiles.addAndGet(intent.parts().size());
      uploadedBytes.addAndGet(intent.parts().stream().mapToLong(Journal.Part::size).sum());
      if (intent.batchId() != null) {
        listener.batchSubmitted(index, inFlight.units(), intent.batchId(), intent.parts().size());
      } else {
        listener.debug("Submitted " + intent.parts().get(0).path() + " on its own ("
            + s.describe() + ").");
      }
    }
    events.add(s);
  }

  @Override
  public void stop(String reason) {
    stopReason.compareAndSet(null, reason);
  }

  @Override
  public String stopReason() {
    return stopReason.get();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "resemble-gate-submit-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
