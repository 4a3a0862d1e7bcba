package io.github.resemblegate.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The faults armed on a running simulator. Faults are tried in the order injected; the first that
 * applies to a request and fires decides it. Thread-safe.
 *
 * <pre>{@code
 * sim.faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).on(Endpoint.GET_BATCH).times(2));
 * sim.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).afterProcessing());
 * sim.faults().inject(Fault.serverError(503).atRate(0.2));
 * }</pre>
 */
public final class Faults {

  private final long seed;
  private final List<Armed> armed = new ArrayList<>();
  private Random random;
  private int fired;

  Faults(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Arms a fault; returns this for chaining. */
  public synchronized Faults inject(Fault fault) {
    armed.add(new Armed(fault, fault.budget()));
    return this;
  }

  /** Disarms every fault and restarts the random sequence from the seed. */
  public synchronized void clear() {
    armed.clear();
    random = new Random(seed);
    fired = 0;
  }

  /** How many times faults have fired since the last clear or reset. */
  public synchronized int fired() {
    return fired;
  }

  /** How many injected faults can still fire. */
  public synchronized int armed() {
    return armed.size();
  }

  /** The fault to apply to this request, consuming one of its firings, or null. */
  synchronized Fault take(Endpoint endpoint, String method, String path) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed candidate = it.next();
      if (!candidate.fault.appliesTo(endpoint, method, path)) {
        continue;
      }
      double rate = candidate.fault.rate();
      if (rate < 1.0 && random.nextDouble() >= rate) {
        continue;
      }
      if (candidate.remaining != Fault.UNLIMITED && --candidate.remaining == 0) {
        it.remove();
      }
      fired++;
      return candidate.fault;
    }
    return null;
  }

  private static final class Armed {
    final Fault fault;
    int remaining;

    Armed(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
