package io.github.resemblegate.gate.internal.remote;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads that send submissions, at most {@code concurrency} at once, started with the first
 * submission (a run that sends nothing starts none). It counts what is still to send, keeps the
 * first failure of a task for the polling thread to rethrow, and wakes that thread whenever a task
 * ends.
 */
final class SubmitPool {

  private final int concurrency;
  private final Handoff handoff;
  private final AtomicInteger left = new AtomicInteger();
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private ExecutorService pool;

  SubmitPool(int concurrency, Handoff handoff) {
    this.concurrency = concurrency;
    this.handoff = handoff;
  }

  /**
   * Sends {@code task} when a thread is free; a failure stops every submission not yet sent.
   * Once the pool is finished a task runs on the caller's thread: it meets the stop switch and
   * fails its files without a request.
   */
  synchronized void execute(Runnable task) {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(concurrency, daemonThreads());
    }
    left.incrementAndGet();
    Runnable counted = () -> {
      try {
        task.run();
      } catch (Throwable t) {
        fatal.compareAndSet(null, t);
        handoff.stop("not submitted: the run stopped");
      } finally {
        left.decrementAndGet();
        handoff.wake();
      }
    };
    if (pool.isShutdown()) {
      counted.run();
    } else {
      pool.execute(counted);
    }
  }

  /** Submissions not yet sent or still being sent. */
  int left() {
    return left.get();
  }

  /** The first failure of a task, or null. */
  Throwable fatal() {
    return fatal.get();
  }

  /**
   * Lets the submissions already being sent finish, up to {@code grace}, so their ids reach the
   * journal before the run ends; those not started fail fast on the stop switch.
   */
  void finish(Duration grace) {
    ExecutorService p;
    synchronized (this) {
      p = pool;
    }
    if (p == null) {
      return;
    }
    p.shutdown();
    try {
      p.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ie) {
      p.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Interrupts every submission: the run was interrupted. */
  synchronized void abort() {
    if (pool != null) {
      pool.shutdownNow();
    }
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
