package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.RequestListener;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.plan.Planner;
import io.github.resemblegate.gate.internal.remote.RemoteRun;
import io.github.resemblegate.gate.internal.remote.Sent;
import io.github.resemblegate.gate.internal.remote.Target;
import io.github.resemblegate.gate.internal.share.Handover;
import io.github.resemblegate.gate.internal.share.SharedContents;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.settings.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Wires the sending half of a run: the client, the claims that share content with other builds
 * using the same cache, and the remote stages the plan sends through. It resumes the journal,
 * lets the plan send what this run holds, and then waits for the contents other builds hold,
 * planning or collecting those they let go without a result. One deadline covers it all.
 */
final class Dispatcher {

  private final GateConfig config;
  private final ResultKey key;
  private final Ledger ledger;
  private final GateListener listener;
  private final long startedMillis;
  private final AtomicInteger requests = new AtomicInteger();

  Dispatcher(GateConfig config, ResultKey key, Ledger ledger, GateListener listener,
      long startedMillis) {
    this.config = config;
    this.key = key;
    this.ledger = ledger;
    this.listener = listener;
    this.startedMillis = startedMillis;
  }

  /** HTTP requests made, retries included. */
  int requests() {
    return requests.get();
  }

  /**
   * Sends what {@code planner} holds and is given later, after resuming {@code resume} (whose
   * contents are {@code resumed}), and waits for all of it; returns what was uploaded.
   */
  Sent send(Planner planner, List<Submission> resume, Collection<String> resumed,
      ResultCache cache, Journal journal) {
    GateConfig.Api api = config.api();
    try (ResembleClient client = buildClient();
        SharedContents shared = cache == null ? null : new SharedContents(cache, journal.file(),
            pace(), ledger, listener);
        RemoteRun remote = new RemoteRun(new Target(client, key.canonical(), config.scan()
            .baseDirectory(), api.options(), api.intakeMode()), api.limits(),
            config.budget().timeout(), journal, ledger, listener)) {
      if (shared != null) {
        shared.claimResumed(resumed);
      }
      planner.send(new Planner.Outlet(claims(shared, remote), remote::send));
      planner.flush();
      listener.planned(planner.describe());
      if (shared != null) {
        shared.announce();
      }
      planner.release(remote.resume(resume));
      planner.flush();
      remote.awaitAll();
      while (shared != null && shared.waitingCount() > 0) {
        Handover turn;
        try {
          turn = shared.await(remote.deadlineNanos());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GateException("The run was interrupted while it waited for another build;"
              + " run it again: results that build finds are kept in the cache.", e);
        }
        remote.adopt(turn.adopt());
        planner.acceptAll(turn.mine());
        planner.flush();
        remote.awaitAll();
      }
      return remote.sent();
    }
  }

  /** The contents this run sends itself; with a shared cache, only those it holds the claim of. */
  private static UnaryOperator<List<Content>> claims(SharedContents shared, RemoteRun remote) {
    if (shared == null) {
      return group -> group;
    }
    return group -> {
      Handover turn = shared.claim(group);
      remote.adopt(turn.adopt());
      return turn.mine();
    };
  }

  private SharedContents.Pace pace() {
    GateConfig.Limits limits = config.api().limits();
    return new SharedContents.Pace(startedMillis, config.cache().refresh(),
        limits.pollInterval(), limits.maxPollInterval(), config.budget().timeout());
  }

  private ResembleClient buildClient() {
    GateConfig.Api api = config.api();
    GateConfig.Limits limits = api.limits();
    try {
      ResembleClient.Builder b = ResembleClient.builder()
          .baseUrl(api.url())
          .token(api.token())
          .connectTimeout(limits.connectTimeout())
          .readTimeout(limits.readTimeout())
          .requestsPerSecond(limits.requestsPerSecond())
          .retryBudget(limits.retryBudget())
          .maxRetries(limits.maxRetries())
          .listener(new RequestListener() {
            @Override
            public void requestStarted(String method, String path) {
              requests.incrementAndGet();
              listener.request(method, path);
            }

            @Override
            public void retrying(String method, String path, int attempt, Duration delay,
                String reason) {
              listener.info(reason + " for " + method + " " + path + ", retrying in "
                  + Durations.format(delay) + ".");
            }
          });
      if (api.proxy() != null) {
        b.proxy(api.proxy());
      }
      if (api.userAgentSuffix() != null) {
        b.userAgentSuffix(api.userAgentSuffix());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new GateException(e.getMessage(), e);
    }
  }
}
