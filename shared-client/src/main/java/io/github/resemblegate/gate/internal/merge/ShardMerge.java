package io.github.resemblegate.gate.internal.merge;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins the reports of a sharded run's shards into the result of one run: every file once, one
 * decision made over all of them by the shards' common policy, as a single run would. Refuses a
 * set that is not one whole run, with one sentence: a report that is no shard, shards of
 * different splits or configurations, a shard missing or given twice, or a file in two shards.
 */
public final class ShardMerge {

  private ShardMerge() {}

  /**
   * The merged result; its run is no shard and its files are in path order.
   *
   * @throws GateException with one sentence when the reports are not the shards of one run
   */
  public static GateResult merge(List<GateResult> shards) {
    if (shards.isEmpty()) {
      throw new GateException("There are no shard reports to merge; give the resemble-report.json"
          + " of every shard, or the folder that holds them.");
    }
    refuseIncomplete(shards);
    GateResult first = shards.get(0);
    Shard firstShard = shardOf(first);
    Map<Integer, GateResult> byIndex = new HashMap<>();
    for (GateResult r : shards) {
      Shard s = shardOf(r);
      if (s.total() != firstShard.total()) {
        throw new GateException("Shard " + s.id() + " and shard " + firstShard.id() + " split"
            + " the files differently; merge the shards of one run, all with the same n in i/n.");
      }
      if (byIndex.putIfAbsent(s.index(), r) != null) {
        throw new GateException("Shard " + s.id() + " is given twice; give each shard's report"
            + " once.");
      }
      sameConfiguration(first, r);
    }
    List<Integer> missing = new ArrayList<>();
    for (int i = 1; i <= firstShard.total(); i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new GateException((missing.size() == 1 ? "Shard " + missing.get(0) + " of "
          + firstShard.total() + " is missing" : "Shards " + join(missing) + " of "
          + firstShard.total() + " are missing") + "; merge needs the report of every shard.");
    }
    return join(byIndex, firstShard.total());
  }

  private static GateResult join(Map<Integer, GateResult> byIndex, int total) {
    Map<String, String> owner = new HashMap<>();
    List<FileResult> files = new ArrayList<>();
    int matched = byIndex.get(1).run().sharding().matchedFiles();
    Instant started = null;
    Instant finished = null;
    List<String> batchIds = new ArrayList<>();
    int fromCache = 0;
    int uploaded = 0;
    long bytes = 0;
    int batches = 0;
    int contents = 0;
    for (int i = 1; i <= total; i++) {
      GateResult r = byIndex.get(i);
      String id = r.run().sharding().shard().id();
      if (r.run().sharding().matchedFiles() != matched) {
        throw new GateException("Shard " + id + " matched " + r.run().sharding().matchedFiles()
            + " files but shard 1/" + total + " matched " + matched + "; the shards scanned"
            + " different trees, so run them all on the same commit.");
      }
      for (FileResult f : r.files()) {
        String other = owner.putIfAbsent(f.path(), id);
        if (other != null) {
          throw new GateException(f.path() + " is in shard " + other + " and in shard " + id
              + "; merge the shards of one run only.");
        }
        files.add(f);
      }
      started = min(started, r.run().startedAt());
      finished = max(finished, r.run().finishedAt());
      batchIds.addAll(r.run().batchIds());
      Totals t = r.totals();
      fromCache += t.fromCache();
      uploaded += t.uploaded();
      bytes += t.bytesUploaded();
      batches += t.batches();
      contents += t.uniqueContents();
    }
    if (files.size() != matched) {
      throw new GateException("The shards hold " + files.size() + " files but matched "
          + matched + "; a shard's report is not from this run, so run every shard again.");
    }
    files.sort(Comparator.comparing(FileResult::path));
    GateResult any = byIndex.get(1);
    RunInfo r = any.run();
    RunInfo run = new RunInfo(r.toolVersion(), started, finished, r.apiUrl(), r.baseDirectory(),
        r.dryRun(), r.options(), batchIds, null, r.configuration());
    // A dry run that would pass says what it would send: the shards' plans added up.
    Decision before = decisionBefore(byIndex);
    if (r.dryRun() && before.failureKind() != FailureKind.BUDGET
        && !Rejudging.nothingToCheck(files)) {
      before = DryRunSums.decision(any.policy(), byIndex.values(), files);
    }
    GateResult joined = new GateResult(run, any.policy(), files, Totals.countOutcomes(files,
        contents, fromCache, uploaded, bytes, batches), before, List.of());
    LocalDate day = started == null ? LocalDate.now(ZoneOffset.UTC)
        : LocalDate.ofInstant(started, ZoneOffset.UTC);
    return Rejudging.again(joined, any.policy(), day);
  }

  /**
   * The decision the joined files are judged again from: a shard over its budget makes the run
   * over budget; when no shard had a file to check, the first with files says why (judging again
   * words it by onEmpty); otherwise the first shard's, which judging again replaces.
   */
  private static Decision decisionBefore(Map<Integer, GateResult> byIndex) {
    List<GateResult> inOrder = new ArrayList<>(new TreeMap<>(byIndex).values());
    return inOrder.stream().map(GateResult::decision)
        .filter(d -> d.failureKind() == FailureKind.BUDGET).findFirst()
        .orElse(inOrder.stream().filter(r -> !r.files().isEmpty()).findFirst()
            .orElse(inOrder.get(0)).decision());
  }

  /**
   * A report without a finish time is from a run that stopped early (a front end wrote it with
   * every file not judged); it cannot stand for its shard. It does not say which shard it was, so
   * the sentence names the shard the complete reports leave open when that is the only reading.
   */
  private static void refuseIncomplete(List<GateResult> shards) {
    List<GateResult> stopped = shards.stream().filter(r -> r.run().finishedAt() == null)
        .toList();
    if (stopped.isEmpty()) {
      return;
    }
    String why = whyStopped(stopped.get(0));
    Set<Integer> open = new TreeSet<>();
    Set<Integer> totals = new TreeSet<>();
    Set<Integer> done = new TreeSet<>();
    for (GateResult r : shards) {
      if (r.run().finishedAt() != null && r.run().sharding() != null) {
        totals.add(r.run().sharding().shard().total());
        done.add(r.run().sharding().shard().index());
      }
    }
    if (totals.size() == 1) {
      int total = totals.iterator().next();
      for (int i = 1; i <= total; i++) {
        if (!done.contains(i)) {
          open.add(i);
        }
      }
      if (stopped.size() == 1 && open.size() == 1) {
        throw new GateException("Shard " + open.iterator().next() + "/" + total + " did not"
            + " complete: " + why + "; run that shard again, then merge.");
      }
    }
    throw new GateException(stopped.size() == 1
        ? "A shard report is from a run that did not complete: " + why + "; run that shard"
            + " again, then merge."
        : stopped.size() + " shard reports are from runs that did not complete, the first: " + why
            + "; run those shards again, then merge.");
  }

  /** What the stopped run said, as part of a sentence: its decision after the common head. */
  private static String whyStopped(GateResult r) {
    String s = r.decision().sentence().strip();
    String head = "The run did not complete: ";
    if (s.startsWith(head)) {
      s = s.substring(head.length());
    }
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? "it did not say why" : s;
  }

  private static Shard shardOf(GateResult r) {
    if (r.run().sharding() == null) {
      throw new GateException("A report of a run that is no shard cannot be merged (its base is "
          + r.run().baseDirectory() + "); give the reports of a run made with shard i/n.");
    }
    return r.run().sharding().shard();
  }

  private static void sameConfiguration(GateResult first, GateResult r) {
    Set<String> keys = new TreeSet<>(first.run().configuration().keySet());
    keys.addAll(r.run().configuration().keySet());
    for (String key : keys) {
      String a = RunConfiguration.value(first.run().configuration(), key);
      String b = RunConfiguration.value(r.run().configuration(), key);
      if (!Objects.equals(a, b)) {
        throw new GateException("Shard " + r.run().sharding().shard().id() + " ran with " + key
            + " " + b + " but shard " + first.run().sharding().shard().id() + " with " + a
            + "; run every shard with the same settings.");
      }
    }
  }

  private static String join(List<Integer> numbers) {
    Set<String> words = new LinkedHashSet<>();
    numbers.forEach(n -> words.add(Integer.toString(n)));
    return String.join(", ", words);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
