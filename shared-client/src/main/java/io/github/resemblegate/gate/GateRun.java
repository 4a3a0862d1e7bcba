package io.github.resemblegate.gate;

import io.github.resemblegate.client.RequestListener;
import io.github.resemblegate.client.ResembleClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One gate run from scan to verdict. The order matters for billing safety and for the user:
 * everything local (scan, hashes, cache, plan, budget, token) is settled before the first request,
 * the journal is consulted before anything is planned for upload, and every matched file ends with
 * exactly one outcome.
 */
final class GateRun {

  private final GateConfig config;
  private final GateListener listener;
  private final Instant startedAt;
  /** Wall-clock start, for what other runs sharing the cache did meanwhile (never a test clock). */
  private final long startedMillis = System.currentTimeMillis();
  private final AtomicInteger requests = new AtomicInteger();

  GateRun(GateConfig config, GateListener listener) {
    this.config = config;
    this.listener = new SerialListener(listener == null ? GateListener.NONE : listener);
    this.startedAt = config.clock().instant();
  }

  Verdict run() {
    Policy policy = config.policy();
    LocalDate today = LocalDate.ofInstant(startedAt, config.clock().getZone());
    WaiverBook waivers = new WaiverBook(policy.waivers(), today);
    Judge judge = new Judge(policy, waivers);
    List<MediaFile> files = scanAndHash();

    // Unique contents in path order, and what the cache already knows.
    Map<String, MediaFile> byContent = new LinkedHashMap<>();
    int skipped = 0;
    for (MediaFile f : files) {
      if (f.isCandidate()) {
        byContent.putIfAbsent(f.sha256(), f);
      } else {
        skipped++;
      }
    }
    // Nothing to check: no result key, cache, journal or claims to touch, so a build without
    // media stays cheap (the key is only ever used with them).
    ResultKey key = byContent.isEmpty() ? null : ResultKey.of(config.apiUrl(),
        config.batchOptions());
    ResultCache cache = config.cacheDirectory() == null || byContent.isEmpty() ? null
        : new ResultCache(config.cacheDirectory(), key, listener::warn);
    Map<String, Analysis> cached = new HashMap<>();
    if (cache != null && !config.refresh()) {
      for (String sha : byContent.keySet()) {
        Analysis a = cache.get(sha);
        if (a != null) {
          cached.put(sha, a);
        }
      }
    }

    // Earlier submissions of the same content and options, from the journal.
    boolean journalExists = !byContent.isEmpty()
        && Files.exists(Journal.fileIn(config.reportsDirectory()));
    Journal journal = null;
    List<Journal.Intent> earlier;
    if (config.dryRun()) {
      earlier = journalExists ? Journal.peek(config.reportsDirectory(), listener::warn) : List.of();
    } else {
      journal = journalExists || needsUpload(byContent, cached)
          ? Journal.open(config.reportsDirectory(), config.clock(), listener::warn) : null;
      earlier = journal == null ? List.of() : journal.intents();
    }
    try {
      return decide(policy, judge, waivers, key, files, byContent, skipped, cache, cached,
          journal, earlier);
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
  }

  /** The matched files in path order, hashed; the scan's own list is garbage afterwards. */
  private List<MediaFile> scanAndHash() {
    MediaScanner.Result scan = MediaScanner.forConfig(config, listener::warn).scan();
    long matchedBytes = 0;
    for (ScannedFile f : scan.files()) {
      matchedBytes += f.size();
    }
    listener.scanned(scan.files().size(), matchedBytes);
    if (scan.ignoredNonMedia() > 0) {
      listener.debug("Ignored " + scan.ignoredNonMedia() + " matched files without a media"
          + " extension (supported: " + MediaExtensions.describe() + ").");
    }
    if (scan.files().isEmpty()) {
      return List.of(); // the hash index keeps what it knows for when files come back
    }
    HashIndex index = new HashIndex(config.cacheDirectory() == null ? null
        : HashIndex.locate(config.cacheDirectory(), config.baseDirectory()), config.clock(),
        listener::warn);
    List<MediaFile> files = index.hash(scan.files(), config.baseDirectory());
    HashIndex.Stats hs = index.stats();
    listener.debug("Hashed " + hs.hashed() + " files (" + hs.bytesHashed() + " bytes); "
        + hs.reused() + " unchanged since the last run.");
    return files;
  }

  private Verdict decide(Policy policy, Judge judge, WaiverBook waivers, ResultKey key,
      List<MediaFile> files, Map<String, MediaFile> byContent, int skipped,
      ResultCache cache, Map<String, Analysis> cached, Journal journal,
      List<Journal.Intent> earlier) {
    List<Journal.Intent> resume = new ArrayList<>();
    Map<String, Journal.Intent> resumedBy = new HashMap<>();
    for (Journal.Intent i : earlier) {
      if (!i.key().equals(key.canonical()) || i.abandoned() != null) {
        continue;
      }
      boolean open = i.parts().stream().anyMatch(p -> !cached.containsKey(p.sha256()));
      if (open) {
        resume.add(i);
        i.parts().forEach(p -> resumedBy.putIfAbsent(p.sha256(), i));
      }
    }
    List<BatchPlanner.Upload> uploads = new ArrayList<>();
    for (Map.Entry<String, MediaFile> e : byContent.entrySet()) {
      if (!cached.containsKey(e.getKey()) && !resumedBy.containsKey(e.getKey())) {
        uploads.add(BatchPlanner.Upload.of(e.getKey(), e.getValue()));
      }
    }
    BatchPlanner planner = new BatchPlanner(config.maxFilesPerBatch(), config.maxBytesPerBatch(),
        config.batchOptions().zeroRetention());
    // Everything this run might upload: the budget and a dry run count it all.
    BatchPlanner.Work work = planner.plan(uploads);
    Plan plan = BatchPlanner.describe(work, files.size(), byContent.size(), cached.size(), skipped);

    Map<String, Analysis> results = new HashMap<>(cached);
    Map<String, ResultMapper.Failure> failures = new HashMap<>();
    Map<String, String> skips = new HashMap<>();
    List<String> notices = new ArrayList<>();
    Remote remote = null;
    FailureKind special = null;
    String specialMessage = null;

    if (byContent.isEmpty()) {
      special = FailureKind.EMPTY;
      specialMessage = emptyMessage(files);
    } else if (config.maxFiles() > 0 && work.uploads() > config.maxFiles()) {
      special = FailureKind.BUDGET;
      String reason = "not submitted: this run would upload " + work.uploads() + " files (of "
          + files.size() + " matched), more than maxFiles " + config.maxFiles();
      specialMessage = "This run would upload " + work.uploads() + " files (of " + files.size()
          + " matched), more than the budget maxFiles " + config.maxFiles() + ", so nothing was"
          + " submitted; raise maxFiles (0 = no limit) or narrow the include patterns.";
      for (String sha : byContent.keySet()) {
        if (!cached.containsKey(sha)) {
          skips.put(sha, reason);
        }
      }
    } else if (config.dryRun()) {
      dryRunReasons(work, resumedBy, skips);
    } else if (!work.batches().isEmpty() || !work.singles().isEmpty() || !resume.isEmpty()) {
      if (config.token() == null) {
        listener.planned(plan);
        throw new GateException("No Resemble API token was provided. " + config.tokenAdvice());
      }
      remote = submitAndWait(key, files, byContent, skipped, cache, cached, journal, resume,
          resumedBy.keySet(), uploads, planner);
      plan = remote.plan;
      results.putAll(cached);
      results.putAll(remote.results);
      failures.putAll(remote.failures);
    }
    if (remote == null) {
      listener.planned(plan);
    }
    if (journal != null) {
      compact(journal, key, results, failures, cache);
    }

    // One outcome per matched file, in path order.
    List<FileResult> judged = new ArrayList<>(files.size());
    int fromCache = 0;
    for (MediaFile f : files) {
      FileResult r;
      if (!f.isCandidate()) {
        r = judge.skipped(f, f.skipReason());
      } else if (results.containsKey(f.sha256())) {
        boolean fromCacheHit = cached.containsKey(f.sha256());
        r = judge.judge(f, results.get(f.sha256()), fromCacheHit);
        if (fromCacheHit) {
          fromCache++;
        }
      } else if (failures.containsKey(f.sha256())) {
        ResultMapper.Failure fail = failures.get(f.sha256());
        r = judge.error(f, fail.reason(), fail.detectId(), fail.batchId());
      } else if (skips.containsKey(f.sha256())) {
        r = judge.skipped(f, skips.get(f.sha256()));
      } else {
        // Every content is planned, cached, resumed or failed; this would be a gate bug.
        r = judge.error(f, "no result was obtained for this file; re-run to check it", null, null);
      }
      judged.add(r);
      listener.fileJudged(r);
    }

    notices.addAll(waivers.notices(!config.dryRun() && special == null));
    VerdictRules.Decision d = VerdictRules.decide(policy, judged);
    VerdictStatus status = d.status();
    FailureKind kind = d.kind();
    String message = d.message();
    if (special == FailureKind.BUDGET) {
      status = VerdictStatus.FAILED;
      kind = FailureKind.BUDGET;
      message = specialMessage;
    } else if (special == FailureKind.EMPTY) {
      Reaction r = policy.onEmpty();
      status = r == Reaction.FAIL ? VerdictStatus.FAILED
          : r == Reaction.WARN ? VerdictStatus.UNSTABLE : VerdictStatus.PASSED;
      kind = r == Reaction.IGNORE ? FailureKind.NONE : FailureKind.EMPTY;
      message = specialMessage;
    } else if (config.dryRun() && status == VerdictStatus.PASSED) {
      message = "Dry run: would submit " + work.uploads() + " files (" + work.bytes()
          + " bytes) in " + plan.batches().size() + (plan.batches().size() == 1 ? " batch" : " batches")
          + " and " + plan.singles().size() + " single " + (plan.singles().size() == 1 ? "request"
          : "requests") + "; " + message;
    }
    Instant finishedAt = config.clock().instant();
    RunInfo info = new RunInfo(ResembleClient.version(), startedAt, finishedAt,
        ResultKey.normalizeUrl(config.apiUrl()),
        config.baseDirectory().toString(), config.dryRun(), RunOptions.describe(config),
        remote == null ? List.of() : List.copyOf(remote.batchIds));
    Totals totals = Totals.countOutcomes(judged, byContent.size(), fromCache,
        remote == null ? 0 : remote.uploadedFiles, remote == null ? 0 : remote.uploadedBytes,
        remote == null ? 0 : remote.batches);
    if (requests.get() > 0) {
      listener.debug("Made " + requests.get() + " HTTP requests.");
    }
    Verdict verdict = new Verdict(info, policy, judged, totals, status, kind, message, notices);
    listener.finished(verdict);
    return verdict;
  }

  /** What the remote part of a run found out, over all its sessions. */
  private static final class Remote {
    Plan plan;
    final Map<String, Analysis> results = new HashMap<>();
    final Map<String, ResultMapper.Failure> failures = new HashMap<>();
    final Set<String> batchIds = new java.util.LinkedHashSet<>();
    int uploadedFiles;
    long uploadedBytes;
    int batches;

    void add(RemoteSession.Result r) {
      results.putAll(r.results());
      r.failures().forEach(failures::putIfAbsent);
      r.results().keySet().forEach(failures::remove);
      batchIds.addAll(r.batchIds());
      uploadedFiles += r.uploadedFiles();
      uploadedBytes += r.uploadedBytes();
      batches += r.batches();
    }

    /** Results from the cache count as cached; failures as failures. */
    void add(SharedContents.Turn t, Map<String, Analysis> cached) {
      cached.putAll(t.answered());
      t.failed().forEach(failures::putIfAbsent);
    }
  }

  /**
   * Submits and waits: claims the contents to upload (when a cache is shared), submits what this
   * run holds and resumes its journal, then waits for the contents other runs hold, submitting or
   * collecting those they let go without a result. One deadline covers it all.
   */
  private Remote submitAndWait(ResultKey key, List<MediaFile> files,
      Map<String, MediaFile> byContent, int skipped, ResultCache cache,
      Map<String, Analysis> cached, Journal journal, List<Journal.Intent> resume,
      Set<String> resumed, List<BatchPlanner.Upload> uploads, BatchPlanner planner) {
    long deadline = System.nanoTime() + config.timeout().toNanos();
    Remote remote = new Remote();
    try (ResembleClient client = buildClient();
        SharedContents shared = cache == null ? null : new SharedContents(config, key, cache,
            journal.file(), startedMillis, listener)) {
      Settlement settlement = shared != null ? shared : Settlement.NONE;
      List<BatchPlanner.Upload> mine = uploads;
      List<Journal.Intent> collect = new ArrayList<>(resume);
      if (shared != null) {
        shared.claimResumed(resumed);
        SharedContents.Turn turn = shared.claim(uploads);
        remote.add(turn, cached);
        mine = turn.mine();
        collect.addAll(turn.adopt());
      }
      BatchPlanner.Work work = planner.plan(mine);
      remote.plan = BatchPlanner.describe(work, files.size(), byContent.size(),
          (int) byContent.keySet().stream().filter(cached::containsKey).count(), skipped);
      listener.planned(remote.plan);
      if (shared != null) {
        shared.announce();
      }
      if (!work.batches().isEmpty() || !work.singles().isEmpty() || !collect.isEmpty()) {
        remote.add(session(client, journal, key, settlement, deadline, collect, work, planner,
            byContent));
      }
      while (shared != null && shared.waitingCount() > 0) {
        SharedContents.Turn turn;
        try {
          turn = shared.await(deadline);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new GateException("The run was interrupted while it waited for another build;"
              + " run it again: results that build finds are kept in the cache.", e);
        }
        remote.add(turn, cached);
        BatchPlanner.Work more = planner.plan(turn.mine());
        if (!more.batches().isEmpty() || !more.singles().isEmpty() || !turn.adopt().isEmpty()) {
          remote.add(session(client, journal, key, settlement, deadline, turn.adopt(), more,
              planner, byContent));
        }
      }
    }
    return remote;
  }

  private RemoteSession.Result session(ResembleClient client, Journal journal, ResultKey key,
      Settlement settlement, long deadline, List<Journal.Intent> resume, BatchPlanner.Work work,
      BatchPlanner planner, Map<String, MediaFile> byContent) {
    return new RemoteSession(config, client, journal, key, listener, settlement, deadline)
        .run(resume, work, lost -> replan(planner, lost, byContent));
  }

  private static boolean needsUpload(Map<String, MediaFile> byContent,
      Map<String, Analysis> cached) {
    return byContent.keySet().stream().anyMatch(sha -> !cached.containsKey(sha));
  }

  /**
   * Plans again the contents of earlier submissions that were never created, from the files this
   * scan hashed: the journal's paths may since hold other bytes, or be gone.
   */
  private static BatchPlanner.Work replan(BatchPlanner planner, List<Journal.Part> lost,
      Map<String, MediaFile> byContent) {
    List<BatchPlanner.Upload> uploads = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Journal.Part p : lost) {
      MediaFile current = byContent.get(p.sha256());
      if (current != null && seen.add(p.sha256())) {
        uploads.add(BatchPlanner.Upload.of(p.sha256(), current));
      }
    }
    return planner.plan(uploads);
  }

  private void dryRunReasons(BatchPlanner.Work work, Map<String, Journal.Intent> resumedBy,
      Map<String, String> skips) {
    int n = work.batches().size();
    for (int i = 0; i < n; i++) {
      String reason = "dry run: would be submitted in batch " + (i + 1) + "/" + n;
      for (BatchPlanner.Upload u : work.batches().get(i)) {
        skips.put(u.sha256(), reason);
      }
    }
    for (BatchPlanner.Single s : work.singles()) {
      skips.put(s.upload().sha256(), "dry run: would be submitted on its own (" + s.why() + ")");
    }
    resumedBy.forEach((sha, intent) -> skips.putIfAbsent(sha, "dry run: an earlier run submitted"
        + " it" + (intent.batchId() == null ? "" : " in batch " + intent.batchId())
        + "; a real run resumes it"));
  }

  /** Keeps journal entries still waiting for a result; drops finished and abandoned ones. */
  private void compact(Journal journal, ResultKey key, Map<String, Analysis> results,
      Map<String, ResultMapper.Failure> failures, ResultCache cache) {
    Set<String> keep = new HashSet<>();
    for (Journal.Intent i : journal.intents()) {
      if (i.abandoned() != null) {
        continue;
      }
      if (!i.key().equals(key.canonical())) {
        keep.add(i.id());
        continue;
      }
      for (Journal.Part p : i.parts()) {
        ResultMapper.Failure f = failures.get(p.sha256());
        boolean settled = results.containsKey(p.sha256()) || (f != null && !f.retryable())
            || (cache != null && cache.get(p.sha256()) != null);
        if (!settled) {
          keep.add(i.id());
          break;
        }
      }
    }
    try {
      journal.compact(keep);
    } catch (IOException | UncheckedIOException e) {
      listener.warn("Could not tidy the journal " + journal.file() + " (" + e + "); it is read"
          + " again next run.");
    }
  }

  private String emptyMessage(List<MediaFile> files) {
    if (files.isEmpty()) {
      return "No media files matched in " + config.baseDirectory() + " with includes "
          + config.includes() + " and excludes " + config.excludes() + "; check the base"
          + " directory and the patterns (media extensions: " + MediaExtensions.describe() + ").";
    }
    MediaFile first = files.get(0);
    return "None of the " + files.size() + " matched files in " + config.baseDirectory()
        + " could be checked (for example " + first.path() + ": " + first.skipReason()
        + "); check the include patterns and the files.";
  }

  private ResembleClient buildClient() {
    try {
      ResembleClient.Builder b = ResembleClient.builder()
          .baseUrl(config.apiUrl())
          .token(config.token())
          .connectTimeout(config.connectTimeout())
          .readTimeout(config.readTimeout())
          .requestsPerSecond(config.requestsPerSecond())
          .retryBudget(config.retryBudget())
          .maxRetries(config.maxRetries())
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
      if (config.proxy() != null) {
        b.proxy(config.proxy());
      }
      if (config.userAgentSuffix() != null) {
        b.userAgentSuffix(config.userAgentSuffix());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new GateException(e.getMessage(), e);
    }
  }
}
