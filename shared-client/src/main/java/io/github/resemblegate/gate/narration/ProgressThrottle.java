package io.github.resemblegate.gate.narration;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Progress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Thins progress events for front ends that print lines: lets one through at most every
 * {@code interval}, plus always the first one and those where a batch or the whole run finishes.
 * Use {@link #wrap} to put it in front of a listener.
 */
public final class ProgressThrottle {

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long lastNanos;
  private boolean any;

  public ProgressThrottle(Duration interval) {
    this(interval, System::nanoTime);
  }

  ProgressThrottle(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = Objects.requireNonNull(interval, "interval").toNanos();
    this.nanoTime = nanoTime;
  }

  /** True when this event should be shown. */
  public synchronized boolean admit(Progress p) {
    long now = nanoTime.getAsLong();
    boolean finishing = p.batchTotal() > 0 && p.batchDone() >= p.batchTotal()
        || p.overallTotal() > 0 && p.overallDone() >= p.overallTotal();
    if (!any || finishing || now - lastNanos >= intervalNanos) {
      any = true;
      lastNanos = now;
      return true;
    }
    return false;
  }

  /** A listener that forwards everything to {@code delegate}, progress at most every {@code interval}. */
  public static GateListener wrap(GateListener delegate, Duration interval) {
    ProgressThrottle throttle = new ProgressThrottle(interval);
    return new ForwardingListener(delegate) {
      @Override
      public void progress(Progress progress) {
        if (throttle.admit(progress)) {
          super.progress(progress);
        }
      }
    };
  }
}
