package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.MediaExtensions;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.internal.hash.Hasher;
import io.github.resemblegate.gate.internal.judge.Judge;
import io.github.resemblegate.gate.internal.judge.WaiverBook;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.merge.RunConfiguration;
import io.github.resemblegate.gate.internal.plan.BatchCutter;
import io.github.resemblegate.gate.internal.plan.Planned;
import io.github.resemblegate.gate.internal.plan.Planner;
import io.github.resemblegate.gate.internal.plan.Plans;
import io.github.resemblegate.gate.internal.plan.Unsent;
import io.github.resemblegate.gate.internal.probe.ContentCheck;
import io.github.resemblegate.gate.internal.remote.Sent;
import io.github.resemblegate.gate.internal.shard.ShardFilter;
import io.github.resemblegate.gate.internal.store.CacheLookup;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.JournalFolder;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.scan.MediaScanner;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One gate run from scan to result, as a short pipeline of stages over the ledger: scan,
 * filters, hash, cache, plan, submit, poll, judge. Each stage is a small class with one job
 * and the slice of the configuration it needs; this class only connects them, in an order that
 * matters for billing safety and for the user: the journal is read before anything is planned,
 * the cache answers before anything could bill a content, the budget, the token and the mode are
 * settled before the first request, and every matched file ends with exactly one outcome.
 */
public final class GateRun {

  private final GateConfig config;
  private final GateListener listener;
  private final Instant startedAt;
  /** Wall-clock start, for what other builds sharing the cache did meanwhile (no test clock). */
  private final long startedMillis = System.currentTimeMillis();
  private final Ledger ledger = new Ledger();
  private final ShardFilter shard;
  private final List<ScanFilter> filters;
  private int requests;

  /** The gate's worker threads call {@code listener} too, one event at a time. */
  public GateRun(GateConfig config, GateListener listener) {
    this.config = config;
    this.listener = new SerialListener(listener);
    this.startedAt = config.clock().instant();
    this.shard = new ShardFilter(config.scan().shard(), this.listener);
    this.filters = filters();
  }

  /**
   * The filter stages between the scan and hashing, in order ({@link ScanFilter} says what a
   * filter may do): the shard filter (by file size, reads no bytes), then the content check (are
   * the bytes the media the name claims).
   */
  private List<ScanFilter> filters() {
    return config.scan().contentCheck() ? List.of(shard, new ContentCheck()) : List.of(shard);
  }

  public GateResult run() {
    List<ScannedFile> files = scan();
    if (files.stream().noneMatch(ScannedFile::isCandidate)) {
      // Nothing to check: no hash index, result key, cache, journal or claims, so a build
      // without media stays cheap.
      files.forEach(f -> ledger.skip(f.path(), f.size(), f.skipReason()));
      listener.planned(Plans.describe(List.of(), ledger));
      return finish(shard.checkableElsewhere()
          ? DecisionRules.emptyShard(shard.sharding().shard().id(), ledger.size(),
              shard.sharding().matchedFiles())
          : emptyDecision(), List.of(), null);
    }
    ResultKey key = ResultKey.of(config.api().url(), config.api().options());
    ResultCache cache = config.cache().enabled()
        ? new ResultCache(config.cache().directory(), key, listener::warn) : null;
    boolean checking = config.mode() instanceof GateConfig.Mode.Check;
    JournalFolder journals = JournalFolder.of(config.cache().directory(),
        config.reports().directory(), key);
    Predicate<Submission.Part> scanned = JournalFolder.partsOf(files);
    boolean journalExists = journals.exists();
    Journal journal = checking && journalExists
        ? Journal.open(journals, scanned, config.clock(), listener::warn) : null;
    try {
      List<Submission> resume = resumable(journal != null ? journal.submissions()
          : journalExists ? journals.peek(scanned, listener::warn) : List.of(), key, cache);
      Set<String> resumed = new HashSet<>();
      resume.forEach(i -> i.parts().forEach(p -> resumed.add(p.sha256())));
      GateConfig.Limits limits = config.api().limits();
      Planner planner = new Planner(new BatchCutter.Rules(limits.maxFilesPerBatch(),
          limits.maxBytesPerBatch(), config.api().options().zeroRetention()),
          config.budget().maxFiles(), ledger, resumed, listener::warn);
      hash(files, new CacheLookup(config.cache().refresh() ? null : cache, ledger, planner));
      List<Planned> draft = planner.draft();
      int uploads = Plans.files(draft);
      int maxFiles = config.budget().maxFiles();
      Unsent unsent = new Unsent(ledger);
      Decision overBudget = null;
      Sent sent = null;
      if (maxFiles > 0 && uploads > maxFiles) {
        overBudget = DecisionRules.overBudget(uploads, ledger.size(), maxFiles);
        unsent.overBudget(uploads, maxFiles);
      } else if (config.mode() instanceof GateConfig.Mode.DryRun) {
        unsent.dryRun(draft, resume);
      } else if (config.mode() instanceof GateConfig.Mode.Offline offline) {
        unsent.offline(offline.why(), resumed, listener::info);
      } else if (uploads > 0 || !resume.isEmpty()) {
        if (config.api().token() == null) {
          listener.planned(planner.describe());
          throw new GateException("No Resemble API token was provided. "
              + config.api().tokenAdvice());
        }
        if (journal == null) {
          journal = Journal.open(journals, scanned, config.clock(), listener::warn);
        }
        Dispatcher dispatcher = new Dispatcher(config, key, ledger, listener, startedMillis);
        try {
          sent = dispatcher.send(planner, resume, resumed, cache, journal);
        } finally {
          requests = dispatcher.requests();
        }
      }
      if (sent == null) {
        listener.planned(planner.describe());
      }
      if (journal != null) {
        compact(journal, key, cache);
      }
      return finish(overBudget, draft, sent);
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
  }

  /** Scans, then lets each filter narrow what the run covers. */
  private List<ScannedFile> scan() {
    List<Path> gateFolders = new ArrayList<>(List.of(config.reports().directory()));
    if (config.cache().enabled()) {
      gateFolders.add(config.cache().directory());
    }
    MediaScanner.Result scan = MediaScanner.of(config.scan(), gateFolders, listener::warn).scan();
    List<ScannedFile> files = scan.files();
    for (ScanFilter filter : filters) {
      files = filter.select(files);
    }
    listener.scanned(files.size(), files.stream().mapToLong(ScannedFile::size).sum());
    if (scan.ignoredNonMedia() > 0) {
      listener.debug("Ignored " + scan.ignoredNonMedia() + " matched files without a media"
          + " extension (supported: " + MediaExtensions.describe() + ").");
    }
    return files;
  }

  /** Hashes into the ledger; each new content goes to {@code next}. */
  private void hash(List<ScannedFile> files, Consumer<Content> next) {
    GateConfig.Cache cache = config.cache();
    Path base = config.scan().baseDirectory();
    Hasher hasher = new Hasher(cache.enabled() ? Hasher.locate(cache.directory(), base) : null,
        base, config.clock(), filters, listener::warn);
    hasher.hash(files, ledger, next);
    Hasher.Stats hs = hasher.stats();
    listener.debug("Hashed " + hs.hashed() + " files (" + hs.bytesHashed() + " bytes); "
        + hs.reused() + " unchanged since the last run.");
  }

  /**
   * Earlier submissions of this key, not abandoned, still waiting for a content the cache does
   * not answer.
   */
  private List<Submission> resumable(List<Submission> earlier, ResultKey key,
      ResultCache cache) {
    ResultCache answers = config.cache().refresh() ? null : cache;
    List<Submission> resume = new ArrayList<>();
    for (Submission i : earlier) {
      if (i.key().equals(key.canonical()) && i.abandoned() == null && i.parts().stream()
          .anyMatch(p -> answers == null || answers.get(p.sha256()) == null)) {
        resume.add(i);
      }
    }
    return resume;
  }

  /** Keeps journal entries still waiting for a result; drops finished and abandoned ones. */
  private void compact(Journal journal, ResultKey key, ResultCache cache) {
    Set<String> keep = new HashSet<>();
    for (Submission i : journal.submissions()) {
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
  private GateResult finish(Decision fixed, List<Planned> draft, Sent sent) {
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
    Sent uploads = sent == null ? Sent.NONE : sent;
    Decision decision = fixed;
    if (decision == null) {
      decision = DecisionRules.decide(config.policy(), judged);
      if (config.dryRun()) {
        decision = DecisionRules.dryRun(decision, Plans.files(draft), Plans.bytes(draft),
            Plans.batches(draft).size(), Plans.singles(draft).size());
      }
    }
    List<String> notices = waivers.notices(!config.dryRun() && fixed == null);
    RunInfo info = new RunInfo(ResembleClient.version(), startedAt, config.clock().instant(),
        ResultKey.normalizeUrl(config.api().url()), config.scan().baseDirectory().toString(),
        config.dryRun(), EffectiveSettings.describe(config),
        uploads.batchIds(), shard.sharding(), RunConfiguration.of(config));
    Totals totals = Totals.countOutcomes(judged, ledger.contents().size(), fromCache,
        uploads.files(), uploads.bytes(), uploads.batches());
    if (requests > 0) {
      listener.debug("Made " + requests + " HTTP requests.");
    }
    GateResult result = new GateResult(info, config.policy(), judged, totals, decision, notices);
    listener.finished(result);
    return result;
  }

  /** Default includes finding no media pass quietly; else onEmpty decides (typos fail). */
  private Decision emptyDecision() {
    if (ledger.lines().isEmpty() && !config.scan().includesGiven()) {
      return DecisionRules.noMedia(config.scan().baseDirectory().toString());
    }
    return DecisionRules.empty(config.policy(), emptySentence());
  }

  private String emptySentence() {
    List<Ledger.Line> files = ledger.lines();
    GateConfig.Scan scan = config.scan();
    if (files.isEmpty() && shard.sharding() != null && shard.sharding().matchedFiles() > 0) {
      return "None of the " + shard.sharding().matchedFiles() + " matched files could be checked;"
          + " the other shards' reports say why each was skipped.";
    }
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
