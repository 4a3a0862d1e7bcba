package io.github.resemblegate.gate.internal;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.remote.Sent;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sending half of a run on a thread of its own, started the moment the plan first has
 * something to send, so that batch <i>k</i> uploads while batch <i>k+1</i> is still being hashed
 * and planned. The run's own thread goes on planning and, once the plan is complete, waits for
 * this thread; a run that finds nothing to send never starts it, and loads nothing of the remote
 * half.
 */
final class Sending {

  private final Dispatcher dispatcher;
  private final Supplier<Sent> work;
  private Thread thread;
  private volatile Sent sent;
  private volatile Throwable failure;

  /** {@code work} runs the dispatcher with the plan still being made. */
  Sending(Dispatcher dispatcher, Supplier<Sent> work) {
    this.dispatcher = dispatcher;
    this.work = work;
  }

  /**
   * Passes contents on to {@code plan}, starting the sending thread with the first; once sending
   * has failed, stops the hashing with that failure rather than reading files for nothing.
   */
  Consumer<Content> feeding(Consumer<Content> plan) {
    return c -> {
      rethrowIfFailed();
      start();
      plan.accept(c);
    };
  }

  synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new Thread(() -> {
      try {
        sent = work.get();
      } catch (Throwable t) {
        failure = t;
      }
    }, "resemble-gate-send");
    thread.setDaemon(true);
    thread.start();
  }

  synchronized boolean started() {
    return thread != null;
  }

  /** The plan is complete: waits for everything sent to have its fate; returns what was sent. */
  Sent finish() {
    dispatcher.planDone();
    try {
      thread.join();
    } catch (InterruptedException e) {
      // The sending thread stops at once and says so; its sentence is the run's.
      thread.interrupt();
      joinQuietly();
      Thread.currentThread().interrupt();
      rethrowIfFailed();
      throw new GateException("The run was interrupted; run it again to resume: the journal"
          + " keeps every submission, so nothing is uploaded twice.", e);
    }
    rethrowIfFailed();
    return sent;
  }

  /** Planning failed: the sending thread is stopped, and waited for. */
  void abandon() {
    if (!started()) {
      return;
    }
    thread.interrupt();
    joinQuietly();
  }

  private void joinQuietly() {
    boolean interrupted = Thread.interrupted();
    try {
      thread.join();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void rethrowIfFailed() {
    Throwable t = failure;
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
