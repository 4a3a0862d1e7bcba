package io.github.resemblegate.gate.internal;

import io.github.resemblegate.gate.GateException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The free access check, started on a thread of its own as soon as the run knows it will send
 * something, so that its round trip overlaps the hashing of the first batch. Whoever is about to
 * upload waits for it first ({@link #await}) and meets whatever it threw, so nothing is billed
 * before the check has answered, whichever thread made it.
 */
final class AccessCheckAhead {

  private final Runnable check;
  private FutureTask<Void> task;

  /** {@code check} makes the check once; it may be called again and then returns at once. */
  AccessCheckAhead(Runnable check) {
    this.check = check;
  }

  /** Starts the check on its own thread, the first time only. */
  synchronized void start() {
    if (task == null) {
      task = new FutureTask<>(check, null);
      Thread t = new Thread(task, "resemble-gate-access");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Waits for a check {@link #start} began, and throws again what it threw; else returns. */
  void await() {
    FutureTask<Void> started;
    synchronized (this) {
      started = task;
    }
    if (started == null) {
      return;
    }
    try {
      started.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GateException("The run was interrupted before its first upload; nothing was"
          + " uploaded, run it again.", e);
    }
  }
}
