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
import io.github.resemblegate.gate.internal.store.StoreJson;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.settings.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Wires the sending half of a run: the client, the claims that share content with other builds
 * using the same cache, and the remote stages the plan sends through. It resumes the journal, lets
 * the plan send what this run holds — while the plan is still being made, or once it is complete —
 * and then waits for the contents other builds hold, planning or collecting those they let go
 * without a result. One deadline covers it all.
 */
final class Dispatcher {

  private final GateConfig config;
  private final ResultKey key;
  private final Ledger ledger;
  private final GateListener listener;
  private final long startedMillis;
  private final AtomicInteger requests = new AtomicInteger();
  private final Planner planner;
  private SharedContents shared;
  private RemoteRun remote;
  private Journal journal;
  private List<Submission> resume = List.of();
  private boolean planDone;
  private boolean planTold;
  private Preflight preflight;

  /** Sends what {@code planner} plans. */
  Dispatcher(GateConfig config, ResultKey key, Planner planner, Ledger ledger,
      GateListener listener, long startedMillis) {
    this.config = config;
    this.key = key;
    this.planner = planner;
    this.ledger = ledger;
    this.listener = listener;
    this.startedMillis = startedMillis;
  }

  /** HTTP requests made, retries included. */
  int requests() {
    return requests.get();
  }

  /** The journal the run submitted through (opened here when the run had none), or null. */
  synchronized Journal journal() {
    return journal;
  }

  /**
   * Sends what the planner holds and is given later, after resuming {@code resume} (whose
   * contents are {@code resumed}), and waits for all of it; returns what was uploaded. With
   * {@code planComplete} false the plan is still being made on another thread, which calls
   * {@link #planDone} when it is; {@code journal} gives the run's journal, opened only now when
   * no earlier run left one.
   */
  Sent send(List<Submission> resume, Collection<String> resumed, ResultCache cache,
      Supplier<Journal> journal, boolean planComplete) {
    GateConfig.Api api = config.api();
    ResembleClient client = buildClient(config.api().limits().maxRetries());
    // A client of its own that tries once: a refusal is final, and anything else goes on.
    Preflight preflight = new Preflight(() -> buildClient(0), api, listener::warn);
    synchronized (this) {
      this.preflight = preflight;
    }
    try {
      if (planComplete || !resume.isEmpty()) {
        // Something will be sent or resumed: proven before the journal is even opened. A run
        // that started sending before knowing is proven before its first upload (the outlet).
        preflight.ensure();
      }
      synchronized (this) {
        this.journal = journal.get();
      }
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    try (client;
        SharedContents sharing = cache == null ? null : new SharedContents(cache,
            this.journal.file(), pace(), ledger, listener);
        RemoteRun remoteRun = new RemoteRun(new Target(client, key.canonical(),
            config.scan().baseDirectory(), api.options(), api.singleOptions(), api.intakeMode()),
            api.limits(), config.budget().timeout(), this.journal, ledger, listener)) {
      if (sharing != null) {
        sharing.claimResumed(resumed);
      }
      if (!planComplete) {
        remoteRun.expectMore();
        // The journal's JSON mapper is made now, while the first batch is still being hashed,
        // rather than in front of its upload.
        StoreJson.mapper();
      }
      AccessCheckAhead ahead =
          new AccessCheckAhead(() -> remoteRun.notCounting(preflight::ensure));
      planner.send(new Planner.Outlet(checkingAhead(claims(sharing, remoteRun), ahead),
          planned -> {
            ahead.await();
            remoteRun.notCounting(preflight::ensure);
            remoteRun.send(planned);
          }));
      boolean finishHere;
      synchronized (this) {
        this.resume = resume;
        shared = sharing;
        remote = remoteRun;
        planDone |= planComplete;
        finishHere = takeFinish();
      }
      if (finishHere) {
        finishPlan();
      }
      remoteRun.awaitAll();
      while (sharing != null && sharing.waitingCount() > 0) {
        Handover turn;
        try {
          turn = sharing.await(remoteRun.deadlineNanos());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GateException("The run was interrupted while it waited for another build;"
              + " run it again: results that build finds are kept in the cache.", e);
        }
        remoteRun.adopt(turn.adopt());
        planner.acceptAll(turn.mine());
        planner.flush();
        remoteRun.awaitAll();
      }
      return remoteRun.sent();
    }
  }

  /**
   * The plan is complete: called by the thread that planned. Whichever thread finds both the
   * plan complete and the remote stages built finishes the plan.
   */
  void planDone() {
    boolean finishHere;
    synchronized (this) {
      planDone = true;
      finishHere = takeFinish();
    }
    if (finishHere) {
      finishPlan();
    }
  }

  /** Whether the caller finishes the plan: it is complete, the remote stages exist, none did. */
  private synchronized boolean takeFinish() {
    if (!planDone || remote == null || planTold) {
      return false;
    }
    planTold = true;
    return true;
  }

  /**
   * Claims what the planner holds, tells the plan, and only then lets its last batch go (a run
   * whose plan fits one batch tells it before anything is uploaded, holding every claim it will
   * hold); then resumes earlier runs' submissions, whose fates the ledger can take now that every
   * content is hashed, plans those never created, and lets the remote stages end once everything
   * sent has its fate.
   */
  private void finishPlan() {
    planner.claimHeld();
    GateListener.Plan plan = planner.describe();
    if (!plan.batches().isEmpty() || !plan.singles().isEmpty()) {
      // The plan is told ("Uploading …") only once the token is proven.
      remote.notCounting(preflight::ensure);
    }
    listener.planned(plan);
    if (shared != null) {
      shared.announce();
    }
    planner.flush();
    planner.release(remote.resume(resume));
    planner.flush();
    remote.planComplete();
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

  /**
   * The access check starts on a thread of its own with the first content this run claims to
   * send, so its request overlaps the hashing of the rest of the first batch; the batch itself
   * still waits for it before anything is uploaded. A run whose every content another build
   * holds makes no request.
   */
  private static UnaryOperator<List<Content>> checkingAhead(UnaryOperator<List<Content>> claim,
      AccessCheckAhead ahead) {
    return group -> {
      List<Content> mine = claim.apply(group);
      if (!mine.isEmpty()) {
        ahead.start();
      }
      return mine;
    };
  }

  private SharedContents.Pace pace() {
    GateConfig.Limits limits = config.api().limits();
    return new SharedContents.Pace(startedMillis, config.cache().refresh(),
        limits.pollInterval(), limits.maxPollInterval(), config.budget().timeout());
  }

  private ResembleClient buildClient(int maxRetries) {
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
          .maxRetries(maxRetries)
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
