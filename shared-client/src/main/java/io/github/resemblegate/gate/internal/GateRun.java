package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.MediaExtensions;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.RunInfo;
import io.github.resemblegate.gate.Totals;
import io.github.resemblegate.gate.internal.judge.Judge;
import io.github.resemblegate.gate.internal.judge.WaiverBook;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.remote.BatchPlanner;
import io.github.resemblegate.gate.internal.remote.Uploads;
import io.github.resemblegate.gate.internal.scan.MediaScanner;
import io.github.resemblegate.gate.internal.store.HashIndex;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.JournalFolder;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One gate run from scan to result: scan → cache → plan → submit and wait → judge. The order
 * matters for billing safety and for the user: everything local (scan, hashes, cache, plan,
 * budget, token) is settled before the first request, the journal is consulted before anything is
 * planned for upload, and every matched file ends with exactly one outcome.
 */
public final class GateRun {

  private final GateConfig config;
  private final GateListener listener;
  private final Instant startedAt;
  /** Wall-clock start, for what other builds sharing the cache did meanwhile (never a test clock). */
  private final long startedMillis = System.currentTimeMillis();
  private final AtomicInteger requests = new AtomicInteger();
  private final Ledger ledger = new Ledger();

  /** {@code listener} must take one event at a time; the gate's worker threads call it too. */
  public GateRun(GateConfig config, GateListener listener) {
    this.config = config;
    this.listener = listener;
    this.startedAt = config.clock().instant();
  }

  public GateResult run() {
    scanAndHash();
    if (!ledger.hasContents()) {
      // Nothing to check: no result key, cache, journal or claims, so a build without media
      // stays cheap.
      listener.planned(BatchPlanner.describe(new BatchPlanner.Work(List.of(), List.of()), ledger));
      return finish(emptyDecision(), null, null);
    }
    ResultKey key = ResultKey.of(config.api().url(), config.api().options());
    ResultCache cache = config.cache().enabled()
        ? new ResultCache(config.cache().directory(), key, listener::warn) : null;
    answerFromCache(cache);
    boolean checking = config.mode() instanceof GateConfig.Mode.Check;
    JournalFolder journals = JournalFolder.of(config.cache().directory(),
        config.reports().directory(), key);
    boolean journalExists = journals.exists();
    List<Content> unanswered = ledger.contents(Fate.OPEN::equals);
    Set<String> contents = new HashSet<>();
    ledger.contents().forEach(c -> contents.add(c.sha256()));
    Journal journal = checking && (journalExists || !unanswered.isEmpty())
        ? Journal.open(journals, contents, config.clock(), listener::warn) : null;
    try {
      List<Journal.Intent> resume = resumable(journal != null ? journal.intents()
          : journalExists ? journals.peek(contents, listener::warn) : List.of(), key);
      Set<String> resumed = new HashSet<>();
      resume.forEach(i -> i.parts().forEach(p -> resumed.add(p.sha256())));
      List<Content> open = unanswered.stream().filter(c -> !resumed.contains(c.sha256()))
          .toList();
      GateConfig.Limits limits = config.api().limits();
      BatchPlanner planner = new BatchPlanner(limits.maxFilesPerBatch(),
          limits.maxBytesPerBatch(), config.api().options().zeroRetention());
      BatchPlanner.Work work = planner.plan(open);
      int maxFiles = config.budget().maxFiles();
      Decision overBudget = null;
      Uploads sent = null;
      if (maxFiles > 0 && work.uploads() > maxFiles) {
        overBudget = DecisionRules.overBudget(work.uploads(), ledger.size(), maxFiles);
        skipOpen("not submitted: this run would upload " + work.uploads() + " files (of "
            + ledger.size() + " matched), more than maxFiles " + maxFiles);
      } else if (config.mode() instanceof GateConfig.Mode.DryRun) {
        skipForDryRun(work, resume);
      } else if (config.mode() instanceof GateConfig.Mode.Offline offline) {
        failOffline(offline.why(), resumed);
      } else if (work.uploads() > 0 || !resume.isEmpty()) {
        if (config.api().token() == null) {
          listener.planned(BatchPlanner.describe(work, ledger));
          throw new GateException("No Resemble API token was provided. "
              + config.api().tokenAdvice());
        }
        sent = new Dispatcher(config, listener, ledger, key, planner, requests, startedMillis)
            .send(open, work, resume, resumed, cache, journal);
      }
      if (sent == null) {
        listener.planned(BatchPlanner.describe(work, ledger));
      }
      if (journal != null) {
        compact(journal, key, cache);
      }
      return finish(overBudget, work, sent);
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
  }

  /** Scans, then hashes into the ledger; the scan's own list is garbage afterwards. */
  private void scanAndHash() {
    MediaScanner.Result scan = MediaScanner.forConfig(config, listener::warn).scan();
    listener.scanned(scan.files().size(), scan.files().stream().mapToLong(f -> f.size()).sum());
    if (scan.ignoredNonMedia() > 0) {
      listener.debug("Ignored " + scan.ignoredNonMedia() + " matched files without a media"
          + " extension (supported: " + MediaExtensions.describe() + ").");
    }
    if (scan.files().isEmpty()) {
      return; // the hash index keeps what it knows for when files come back
    }
    GateConfig.Cache cache = config.cache();
    HashIndex index = new HashIndex(cache.enabled() ? HashIndex.locate(cache.directory(),
        config.scan().baseDirectory()) : null, config.clock(), listener::warn);
    index.hash(scan.files(), config.scan().baseDirectory(), ledger);
    HashIndex.Stats hs = index.stats();
    listener.debug("Hashed " + hs.hashed() + " files (" + hs.bytesHashed() + " bytes); "
        + hs.reused() + " unchanged since the last run.");
  }

  private void answerFromCache(ResultCache cache) {
    if (cache == null || config.cache().refresh()) {
      return;
    }
    ledger.update(u -> {
      for (Content c : ledger.contents()) {
        Analysis a = cache.get(c.sha256());
        if (a != null) {
          u.fromCache(c.sha256(), a);
        }
      }
    });
  }

  /** Earlier submissions of this key, not abandoned, still waiting for a content of this run. */
  private List<Journal.Intent> resumable(List<Journal.Intent> earlier, ResultKey key) {
    List<Journal.Intent> resume = new ArrayList<>();
    for (Journal.Intent i : earlier) {
      if (i.key().equals(key.canonical()) && i.abandoned() == null
          && i.parts().stream().anyMatch(p -> !(ledger.fate(p.sha256()) instanceof Fate.Scored))) {
        resume.add(i);
      }
    }
    return resume;
  }

  private void skipOpen(String reason) {
    ledger.update(u -> ledger.contents(Fate.OPEN::equals)
        .forEach(c -> u.skipped(c.sha256(), reason)));
  }

  private void skipForDryRun(BatchPlanner.Work work, List<Journal.Intent> resume) {
    ledger.update(u -> {
      int n = work.batches().size();
      for (int i = 0; i < n; i++) {
        String reason = "dry run: would be submitted in batch " + (i + 1) + "/" + n;
        work.batches().get(i).forEach(c -> u.skipped(c.sha256(), reason));
      }
      for (BatchPlanner.Single s : work.singles()) {
        u.skipped(s.content().sha256(), "dry run: would be submitted on its own (" + s.why()
            + ")");
      }
      for (Journal.Intent i : resume) {
        String reason = "dry run: an earlier run submitted it" + (i.batchId() == null ? ""
            : " in batch " + i.batchId()) + "; a real run resumes it";
        i.parts().forEach(p -> u.skipped(p.sha256(), reason));
      }
    });
  }

  /** Offline: what the cache does not answer cannot be checked; a resumed one stays journaled. */
  private void failOffline(String why, Set<String> resumed) {
    String reason = why + " and it is not in the cache, so it cannot be sent to Resemble; build"
        + " online, or set onError=WARN to let offline builds pass unchecked";
    List<Content> open = ledger.contents(Fate.OPEN::equals);
    if (open.isEmpty()) {
      listener.info(why + ", but the cache answers every matched file: judging from the cache.");
    }
    ledger.update(u -> open.forEach(c -> u.failed(c.sha256(), resumed.contains(c.sha256())
        ? Failed.pending(reason, null, null) : Failed.of(reason, null, null))));
  }

  /** Keeps journal entries still waiting for a result; drops finished and abandoned ones. */
  private void compact(Journal journal, ResultKey key, ResultCache cache) {
    Set<String> keep = new HashSet<>();
    for (Journal.Intent i : journal.intents()) {
      boolean waiting = !i.key().equals(key.canonical()) || i.parts().stream().anyMatch(p -> {
        Fate f = ledger.fate(p.sha256());
        return !(f != null && f.settled()) && (cache == null || cache.get(p.sha256()) == null);
      });
      if (i.abandoned() == null && waiting) {
        keep.add(i.id());
      }
    }
    try {
      journal.compact(keep);
    } catch (IOException | UncheckedIOException e) {
      listener.warn("Could not tidy the journal " + journal.file() + " (" + e + "); it is read"
          + " again next run.");
    }
  }

  /**
   * Judges every matched file in path order and decides: {@code fixed} when the run ended early
   * (nothing matched, over budget), else from the outcomes. Such a run reports no unused waivers:
   * it judged nothing that could have used them.
   */
  private GateResult finish(Decision fixed, BatchPlanner.Work work, Uploads sent) {
    LocalDate today = LocalDate.ofInstant(startedAt, config.clock().getZone());
    WaiverBook waivers = new WaiverBook(config.policy().waivers(), today);
    Judge judge = new Judge(config.policy(), waivers);
    List<FileResult> judged = new ArrayList<>(ledger.size());
    int fromCache = 0;
    for (Ledger.Line line : ledger.lines()) {
      FileResult r = judge.outcome(line,
          line.content() == null ? null : ledger.fate(line.content().sha256()));
      fromCache += r.cached() ? 1 : 0;
      judged.add(r);
      listener.fileJudged(r);
    }
    Uploads uploads = sent == null ? Uploads.NONE : sent;
    Decision decision = fixed;
    if (decision == null) {
      decision = DecisionRules.decide(config.policy(), judged);
      if (config.dryRun()) {
        decision = DecisionRules.dryRun(decision, work.uploads(), work.bytes(),
            work.batches().size(), work.singles().size());
      }
    }
    List<String> notices = waivers.notices(!config.dryRun() && fixed == null);
    RunInfo info = new RunInfo(ResembleClient.version(), startedAt, config.clock().instant(),
        ResultKey.normalizeUrl(config.api().url()), config.scan().baseDirectory().toString(),
        config.dryRun(), EffectiveSettings.describe(config),
        uploads.batchIds());
    Totals totals = Totals.countOutcomes(judged, ledger.contents().size(), fromCache,
        uploads.files(), uploads.bytes(), uploads.batches());
    if (requests.get() > 0) {
      listener.debug("Made " + requests.get() + " HTTP requests.");
    }
    GateResult result = new GateResult(info, config.policy(), judged, totals, decision, notices);
    listener.finished(result);
    return result;
  }

  /**
   * Nothing to check: the front end's default includes finding no media is a module without
   * media and passes quietly; anything else is for onEmpty to decide (a typo in the user's
   * includes must not switch the gate off).
   */
  private Decision emptyDecision() {
    if (ledger.lines().isEmpty() && !config.scan().includesGiven()) {
      return DecisionRules.noMedia(config.scan().baseDirectory().toString());
    }
    return DecisionRules.empty(config.policy(), emptySentence());
  }

  private String emptySentence() {
    List<Ledger.Line> files = ledger.lines();
    GateConfig.Scan scan = config.scan();
    if (files.isEmpty()) {
      return "No media files matched in " + scan.baseDirectory() + " with includes "
          + scan.includes() + " and excludes " + scan.excludes() + "; check the base"
          + " directory and the patterns (media extensions: " + MediaExtensions.describe() + ").";
    }
    Ledger.Line first = files.get(0);
    return "None of the " + files.size() + " matched files in " + scan.baseDirectory()
        + " could be checked (for example " + first.path() + ": " + first.skipReason()
        + "); check the include patterns and the files.";
  }
}
