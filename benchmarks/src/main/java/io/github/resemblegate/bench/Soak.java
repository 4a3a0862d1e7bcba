package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fault suite at scale: 10,000 files while the simulator answers 20% of requests with 429,
 * 5xx, resets (before and after taking effect), slow and malformed answers. Nothing may be created
 * twice, every file ends with an outcome, every result that arrived is judged right. A second
 * round, under the same faults, checks a tree with the same file names and other contents, as an
 * asset library checked on every build does: the API already holds detections under every name,
 * so a lost answer must be told apart from them, with no file uploaded twice and none left ERROR
 * because the gate could not be sure.
 */
final class Soak {

  /** Overall share of requests that get a fault. */
  static final double FAULT_RATE = 0.20;
  static final long READ_TIMEOUT_MS = 1_000;
  /** The target is 5 minutes; 30 s past it the run stops waiting and reports the rest as ERROR. */
  static final long TIMEOUT_MS = 330_000;
  /** Keeps the whole benchmark near 15 minutes should the gate not honour its own timeout. */
  static final java.time.Duration HARD_LIMIT = java.time.Duration.ofSeconds(
      Long.getLong("bench.soakLimitSeconds", 480));

  /** The fault mix in the simulator's admin JSON; each fires at the same rate. */
  static List<String> faults() {
    List<String> kinds = List.of(
        "{\"fault\":\"rate_limited\"}",
        "{\"fault\":\"server_error\",\"status\":500}",
        "{\"fault\":\"server_error\",\"status\":503}",
        "{\"fault\":\"connection_reset\"}",
        "{\"fault\":\"connection_reset\",\"after_processing\":true}",
        "{\"fault\":\"slow_response\",\"delay_ms\":300}",
        "{\"fault\":\"slow_response\",\"delay_ms\":" + (READ_TIMEOUT_MS + 500) + "}",
        "{\"fault\":\"malformed_json\"}",
        "{\"fault\":\"malformed_json\",\"after_processing\":true}");
    // Faults are tried in turn, each at rate p: 1 - (1 - p)^n of requests get one.
    double p = 1 - Math.pow(1 - FAULT_RATE, 1.0 / kinds.size());
    return kinds.stream().map(k -> k.substring(0, k.length() - 1)
        + String.format(java.util.Locale.ROOT, ",\"rate\":%.5f}", p)).toList();
  }

  private final Bench b;
  private final Path simulatorJar;

  Soak(Bench b, Path simulatorJar) {
    this.b = b;
    this.simulatorJar = simulatorJar;
  }

  void run() throws Exception {
    int count = b.scale(10_000, 1_000);
    long seed = Long.getLong("bench.seed", Math.floorMod(System.nanoTime(), 100_000L));
    b.results().note("SOAK fault seed " + seed + " (rerun with -Dbench.seed=" + seed + ")");
    try (SimulatorProcess sim = SimulatorProcess.start(simulatorJar, b.token(), 20, seed,
        b.work("logs").resolve("simulator-soak.log"))) {
      for (String f : faults()) {
        sim.fault(f);
      }
      b.results().raw("SOAK", "seed", seed);
      round(sim, new Round("SOAK", "soak", "", 2_000), count);
      // The same names, one byte count further on (so every content is new): the first round
      // left detections under every one of them, some of their answers lost.
      round(sim, new Round("SOAK", "soak-repeat", "names checked before: ", 2_000 + count), count);
    }
  }

  /**
   * One round's tree, cache and reports folders ({@code name}), its measures' prefix, and the
   * size of its first file (file i has {@code firstSize + i} bytes).
   */
  private record Round(String workload, String name, String prefix, long firstSize) {}

  private void round(SimulatorProcess sim, Round r, int count) throws Exception {
    Path tree = b.trees().resolve(r.name());
    Path cache = b.work(r.name() + "-cache");
    Path reports = b.work(r.name() + "-reports");
    Trees.delete(tree);
    Trees.delete(cache);
    Trees.delete(reports);
    Trees.sparseMedia(tree, count, r.firstSize(), 10);
    String w = r.workload();
    String m = r.prefix();
    JsonNode before = sim.counters();
    int batchesBefore = sim.batches().size();
    GateJob job = GateJob.defaults(tree.toString(), sim.baseUrl(), cache.toString(),
        reports.toString()).maxFiles(0).polling(20, 200).readTimeoutMs(READ_TIMEOUT_MS)
        .writeReports(false).timeoutMs(TIMEOUT_MS);
    Forks.Forked run = b.forks().run(r.name().toUpperCase(java.util.Locale.ROOT), job, List.of(),
        HARD_LIMIT);
    ProbeResult p = run.result();
    JsonNode c = sim.counters();
    JsonNode batches = sim.batches();
    String raw = m.isEmpty() ? "" : "repeatedNames.";
    b.results().raw(w, raw + "probe", p);
    b.results().raw(w, raw + "simulatorCounters", c);

    // Only this round's batches: the first round's carry the same names on purpose.
    List<JsonNode> created = new java.util.ArrayList<>();
    batches.forEach(created::add);
    int duplicates = SimulatorProcess.createdTwice(created.subList(Math.min(batchesBefore,
        created.size()), created.size()));
    int outcomes = p.outcomes().values().stream().mapToInt(Integer::intValue).sum();
    long faulted = delta(c, before, "faultsFired");
    long total = delta(c, before, "totalRequests");
    long batchesCreated = delta(c, before, "batchesCreated");
    b.results().info(w, m + String.format("%,d files, faults on %.0f%% of requests", count,
        100 * FAULT_RATE), faulted + " of " + total + " requests faulted; " + (p.files() == 0
        ? "no verdict" : p.outcomes().get("PASSED") + " PASSED, " + p.outcomes().get("FLAGGED")
        + " FLAGGED, " + p.outcomes().get("ERROR") + " ERROR"));
    b.results().check(w, m + "wall time (Gate.run)", "KILLED".equals(p.status())
        ? "not finished after " + Units.millis(p.gateMillis()) + ": stopped by the benchmark"
        + " (the run's own timeout was " + Units.millis(TIMEOUT_MS) + ")"
        : Units.millis(p.gateMillis()), "≤ 5 min",
        p.crash() == null && p.gateMillis() <= 5 * 60_000);
    b.results().check(w, m + "every file has an outcome", p.files() == 0 ? "no verdict ("
        + p.status() + ")" : outcomes + " of " + count,
        "all", p.crash() == null && outcomes == count && p.files() == count);
    b.results().check(w, m + "content created twice (files in two created batches)",
        Integer.toString(duplicates), "0", duplicates == 0);
    if (!m.isEmpty()) {
      int unsure = unsure(p);
      b.results().check(w, m + "ERROR because the gate could not tell whether the API had"
          + " created a file", Integer.toString(unsure), "0", p.files() > 0 && unsure == 0);
    }
    if (p.files() > 0) {
      b.results().check(w, m + "batches created = batches the gate reports",
          batchesCreated + " = " + p.batches(), "equal", batchesCreated == p.batches());
      b.results().check(w, m + "results judged as the simulator scored them",
          p.judgedWrong() + " wrong", "0", p.judgedWrong() == 0);
      b.results().check(w, m + "ERROR files without a reason", Integer.toString(
          p.errorsWithoutReason()), "0", p.errorsWithoutReason() == 0);
    } else {
      b.results().info(w, m + "batches created (no verdict to compare with)",
          Long.toString(batchesCreated));
    }
    if (m.isEmpty()) {
      long peak = c.path("peakRequestsPerSecond").asLong();
      b.results().check(w, "highest request rate in any 1 s (server / client)", peak + " / "
          + p.clientPeakPerSecond() + " req/s", "≤ 40 req/s", peak <= 40);
    } else {
      b.results().info(w, m + "highest request rate in any 1 s (client)",
          p.clientPeakPerSecond() + " req/s");
    }
    b.results().info(w, m + "requests by route (client)", p.requestsByRoute().toString());
    b.results().info(w, m + "timeline, after Gate.run started", Throughput.phases(p));
    p.reasons().forEach((reason, n) -> b.results().note("SOAK: " + m + n + " files " + reason));
    Trees.delete(tree);
  }

  private static long delta(JsonNode after, JsonNode before, String counter) {
    return after.path(counter).asLong() - before.path(counter).asLong();
  }

  /**
   * Files left ERROR because a submission's answer was lost and the gate could not tell whether
   * the API had created it (it then keeps the submission for the next run instead of paying
   * again): the uncertainty that marks in part names are there to remove.
   */
  static int unsure(ProbeResult p) {
    return p.reasons().entrySet().stream()
        .filter(e -> e.getKey().startsWith("ERROR") && (e.getKey().contains("answer was lost")
            || e.getKey().contains("cannot tell whether")))
        .mapToInt(Map.Entry::getValue).sum();
  }
}
