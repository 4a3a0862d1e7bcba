package io.github.resemblegate.gate.internal;

import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.internal.archive.ArchiveFilter;
import io.github.resemblegate.gate.internal.archive.ArchiveLimits;
import io.github.resemblegate.gate.internal.archive.Unpacker;
import io.github.resemblegate.gate.internal.hash.Hasher;
import io.github.resemblegate.gate.internal.judge.Verdicts;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.merge.RunConfiguration;
import io.github.resemblegate.gate.internal.plan.BatchCutter;
import io.github.resemblegate.gate.internal.plan.Planned;
import io.github.resemblegate.gate.internal.plan.Planner;
import io.github.resemblegate.gate.internal.plan.Plans;
import io.github.resemblegate.gate.internal.plan.SpendCheck;
import io.github.resemblegate.gate.internal.plan.Unsent;
import io.github.resemblegate.gate.internal.probe.BillableProbe;
import io.github.resemblegate.gate.internal.probe.ContentCheck;
import io.github.resemblegate.gate.internal.remote.Sent;
import io.github.resemblegate.gate.internal.shard.ShardFilter;
import io.github.resemblegate.gate.internal.store.CacheLookup;
import io.github.resemblegate.gate.internal.store.Folders;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.JournalFolder;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
  private final Unpacker unpacker;
  private final Verdicts verdicts;
  private int requests;

  /** The gate's worker threads call {@code listener} too, one event at a time. */
  public GateRun(GateConfig config, GateListener listener) {
    this(config, listener, List.of());
  }

  /** With {@code more} filter stages after the run's own, for tests that watch the pipeline. */
  GateRun(GateConfig config, GateListener listener, List<ScanFilter> more) {
    this.config = config;
    this.listener = new SerialListener(listener);
    this.startedAt = config.clock().instant();
    this.shard = new ShardFilter(config.scan().shard(), config.budget().maxFiles(),
        this.listener);
    this.unpacker = Unpacker.of(config.cache().enabled() ? config.cache().directory() : null,
        config.reports().directory(), this.listener::warn, this.listener::debug);
    this.filters = filters(more);
    this.verdicts = new Verdicts(config.policy(),
        LocalDate.ofInstant(startedAt, config.clock().getZone()), ledger, this.listener);
    ledger.observe(verdicts);
  }

  /**
   * The filter stages between the scan and hashing, in order ({@link ScanFilter}), then
   * {@code more}: the archive filter (a zip's media entries listed in its place), the shard filter
   * (by size, reads no bytes), the unpacking of the entries still in the run, the content check.
   */
  private List<ScanFilter> filters(List<ScanFilter> more) {
    ArchiveFilter archives = new ArchiveFilter(config.scan().baseDirectory(), ArchiveLimits.DEFAULT,
        config.scan().archives() ? unpacker : null);
    List<ScanFilter> stages = new ArrayList<>(List.of(archives, shard, archives.unpacking()));
    if (config.scan().contentCheck()) {
      stages.add(new ContentCheck(EarlySending.nothingRemembered(config)));
    }
    stages.addAll(more);
    return List.copyOf(stages);
  }

  public GateResult run() {
    try {
      return stages();
    } finally {
      unpacker.close(); // without a cache, the entries were unpacked for this run only
    }
  }

  private GateResult stages() {
    List<ScannedFile> files = new ArrayList<>(ScanStep.run(config, filters, listener));
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
    ResultKey key = ResultKey.of(config.api().url(), config.api().options(),
        config.api().singleOptions());
    ResultCache cache = config.cache().enabled()
        ? new ResultCache(config.cache().directory(), key, listener::warn) : null;
    boolean checking = config.mode() instanceof GateConfig.Mode.Check;
    JournalFolder journals = JournalFolder.of(config.cache().directory(),
        config.reports().directory(), key);
    // Known before anything is hashed (path and size), so a journal opened while hashing takes
    // over exactly what it would have taken over after; a run that reads no journal keeps none.
    boolean journalExists = journals.exists();
    Predicate<Submission.Part> scanned = checking || journalExists
        ? JournalFolder.partsOf(files) : part -> false;
    Journal journal = checking && journalExists
        ? Journal.open(journals, scanned, config.clock(), listener::warn) : null;
    Supplier<Journal> journalToSend = journal != null ? () -> journal
        : () -> Journal.open(journals, scanned, config.clock(), listener::warn);
    Sending sending = null;
    Dispatcher dispatcher = null;
    try {
      Folders.require(cache == null ? null : cache.directory(), "cache");
      Folders.require(config.reports().directory(), "reports");
      List<Submission> resume = EarlierRuns.resumable(journal != null ? journal.submissions()
          : journalExists ? journals.peek(scanned, listener::warn) : List.of(), key,
          config.cache().refresh() ? null : cache);
      Set<String> resumed = new HashSet<>();
      resume.forEach(i -> i.parts().forEach(p -> resumed.add(p.sha256())));
      GateConfig.Limits limits = config.api().limits();
      Planner planner = new Planner(new BatchCutter.Rules(limits.maxFilesPerBatch(),
          limits.maxBytesPerBatch(), config.api().options().zeroRetention()),
          shard.budget(), ledger, resumed, listener::warn);
      planner.expect((int) files.stream().filter(ScannedFile::isCandidate).count());
      dispatcher = new Dispatcher(config, key, planner, ledger, listener, startedMillis);
      Consumer<Content> toPlan = new BillableProbe(config.scan().baseDirectory(), ledger, planner);
      if (checking && config.api().token() != null && EarlySending.budgetHolds(config, shard, files,
          cache, listener::warn)) {
        // Nothing left to decide on the whole plan: send while hashing the rest.
        listener.debug("Sending while hashing: nothing but the cache can stop a content now.");
        Dispatcher d = dispatcher;
        sending = new Sending(d, () -> d.send(resume, resumed, cache, journalToSend, false));
        toPlan = sending.feeding(toPlan);
        if (!resume.isEmpty() || EarlySending.nothingRemembered(config)) {
          // Every file is new, so something will be sent: the client gets ready while the
          // first batch is hashed. Otherwise the first content the cache does not answer starts it.
          sending.start();
        }
      }
      hash(files, new CacheLookup(config.cache().refresh() ? null : cache, ledger, toPlan));
      files = null; // every entry is in the ledger now, and the list itself need not live on
      Finished end = sending != null && sending.started()
          ? new Finished(null, List.of(), sending.finish())
          : decideAndSend(planner, dispatcher, resume, resumed, cache, journalToSend);
      requests = dispatcher.requests();
      Journal used = journal != null ? journal : dispatcher.journal();
      if (used != null) {
        EarlierRuns.compact(used, key, cache, ledger, listener::warn);
      }
      return finish(end.overBudget(), end.draft(), end.sent());
    } catch (Preflight.Refused e) { // nothing was uploaded: every matched file gets the sentence
      if (sending != null) {
        sending.abandon();
      }
      requests = dispatcher.requests();
      new Unsent(ledger).refused(e.getMessage(), files);
      return finish(e.decision(config.policy().onError()), List.of(), null);
    } catch (RuntimeException | Error e) {
      if (sending != null) {
        sending.abandon();
      }
      ScanStep.listMatched(e, files, ledger); // the front end's report lists every matched file
      throw e;
    } finally {
      if (journal != null) {
        journal.close();
      } else if (dispatcher != null && dispatcher.journal() != null) {
        dispatcher.journal().close();
      }
    }
  }

  /** How planning ended: the fixed decision of an over-budget run, the plan, what was sent. */
  private record Finished(Decision overBudget, List<Planned> draft, Sent sent) {}

  /**
   * Decides on the whole plan (budget, dry run, offline, token) and sends it when the run may;
   * for a run that did not send while hashing.
   */
  private Finished decideAndSend(Planner planner, Dispatcher dispatcher, List<Submission> resume,
      Set<String> resumed, ResultCache cache, Supplier<Journal> journal) {
    List<Planned> draft = planner.draft();
    int uploads = Plans.files(draft);
    int maxFiles = shard.budget();
    Unsent unsent = new Unsent(ledger);
    if (shard.limited() && uploads > maxFiles) {
      unsent.overBudget(uploads, maxFiles);
      listener.planned(planner.describe());
      return new Finished(shard.overBudget(uploads, ledger.size()), draft, null);
    }
    Decision spend = new SpendCheck(config.budget()).overBudget(draft);
    if (spend != null) {
      unsent.overBudget(spend.sentence());
      listener.planned(planner.describe());
      return new Finished(spend, draft, null);
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
      return new Finished(null, draft, dispatcher.send(resume, resumed, cache, journal, true));
    }
    listener.planned(planner.describe());
    return new Finished(null, draft, null);
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
   * Judges every matched file in path order and decides: {@code fixed} when the run ended early
   * (nothing matched, over budget), else from the outcomes. Such a run reports no unused waivers:
   * it judged nothing that could have used them.
   */
  private GateResult finish(Decision fixed, List<Planned> draft, Sent sent) {
    List<FileResult> judged = verdicts.all();
    int fromCache = (int) judged.stream().filter(FileResult::cached).count();
    Sent uploads = sent == null ? Sent.NONE : sent;
    Decision decision = fixed;
    if (decision == null) {
      decision = DecisionRules.decide(config.policy(), judged);
      if (config.dryRun()) {
        decision = Plans.dryRun(decision, draft);
      }
    }
    List<String> notices = verdicts.notices(!config.dryRun() && fixed == null);
    RunInfo info = new RunInfo(ResembleClient.version(), startedAt, config.clock().instant(),
        ResultKey.normalizeUrl(config.api().url()), config.scan().baseDirectory().toString(),
        config.dryRun(), EffectiveSettings.describe(config),
        uploads.batchIds(), shard.sharding(), RunConfiguration.of(config));
    Totals totals = Totals.countOutcomes(judged, ledger.contentCount(), fromCache,
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
    return DecisionRules.empty(config.policy(),
        ScanStep.nothingToCheck(config.scan(), ledger.lines(), shard.sharding()));
  }
}
