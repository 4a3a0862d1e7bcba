package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.RequestListener;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.Durations;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.remote.BatchPlanner;
import io.github.resemblegate.gate.internal.remote.RemoteRun;
import io.github.resemblegate.gate.internal.remote.Uploads;
import io.github.resemblegate.gate.internal.share.SharedContents;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the run's open contents to the API and waits for them. When a cache is shared it first
 * claims them, so a content another build is analysing is waited for rather than uploaded again;
 * then it submits what this run holds and resumes its journal, then waits for the contents other
 * builds hold, submitting or collecting those they let go without a result. One deadline covers
 * it all.
 */
final class Dispatcher {

  private final GateConfig config;
  private final GateListener listener;
  private final Ledger ledger;
  private final ResultKey key;
  private final BatchPlanner planner;
  private final AtomicInteger requests;
  private final long startedMillis;
  private Uploads uploads = Uploads.NONE;

  Dispatcher(GateConfig config, GateListener listener, Ledger ledger, ResultKey key,
      BatchPlanner planner, AtomicInteger requests, long startedMillis) {
    this.config = config;
    this.listener = listener;
    this.ledger = ledger;
    this.key = key;
    this.planner = planner;
    this.requests = requests;
    this.startedMillis = startedMillis;
  }

  /**
   * Sends {@code open}, planned as {@code work}, and resumes {@code resume}, whose contents are
   * {@code resumed}; returns what all passes uploaded.
   */
  Uploads send(List<Content> open, BatchPlanner.Work work, List<Journal.Intent> resume,
      Set<String> resumed, ResultCache cache, Journal journal) {
    try (ResembleClient client = buildClient();
        SharedContents shared = cache == null ? null : new SharedContents(config, key, cache,
            journal.file(), startedMillis, ledger, listener)) {
      List<Journal.Intent> collect = new ArrayList<>(resume);
      BatchPlanner.Work mine = work;
      if (shared != null) {
        shared.claimResumed(resumed);
        SharedContents.Handover turn = shared.claim(open);
        mine = planner.plan(turn.mine());
        collect.addAll(turn.adopt());
      }
      listener.planned(BatchPlanner.describe(mine, ledger));
      // The timeout bounds submitting and waiting, not the local set-up above: a cold JVM's
      // first HTTP client and lock files must not eat a short budget before the first upload.
      long deadline = System.nanoTime() + config.budget().timeout().toNanos();
      if (shared != null) {
        shared.announce();
      }
      pass(client, journal, deadline, collect, mine);
      while (shared != null && shared.waitingCount() > 0) {
        SharedContents.Handover turn;
        try {
          turn = shared.await(deadline);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GateException("The run was interrupted while it waited for another build;"
              + " run it again: results that build finds are kept in the cache.", e);
        }
        pass(client, journal, deadline, turn.adopt(), planner.plan(turn.mine()));
      }
    }
    return uploads;
  }

  /** One remote pass, when there is anything to submit or collect. */
  private void pass(ResembleClient client, Journal journal, long deadline,
      List<Journal.Intent> resume, BatchPlanner.Work work) {
    if (work.batches().isEmpty() && work.singles().isEmpty() && resume.isEmpty()) {
      return;
    }
    uploads = uploads.plus(new RemoteRun(config, client, journal, key, ledger, listener, deadline)
        .run(resume, work, this::replan));
  }

  /**
   * Plans again the contents of earlier submissions that were never created, from the files this
   * scan hashed: the journal's paths may since hold other bytes, or be gone.
   */
  private BatchPlanner.Work replan(List<Journal.Part> lost) {
    Set<String> seen = new LinkedHashSet<>();
    List<Content> contents = new ArrayList<>();
    for (Journal.Part p : lost) {
      Content current = ledger.content(p.sha256());
      if (current != null && seen.add(p.sha256())) {
        contents.add(current);
      }
    }
    return planner.plan(contents);
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
