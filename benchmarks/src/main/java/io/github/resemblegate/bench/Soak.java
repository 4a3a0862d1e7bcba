package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The fault suite at scale: 10,000 files while the simulator answers 20% of requests with 429,
 * 5xx, resets (before and after taking effect), slow and malformed answers. Nothing may be created
 * twice, every file ends with an outcome, every result that arrived is judged right.
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
    Path tree = b.trees().resolve("soak");
    Path cache = b.work("soak-cache");
    Path reports = b.work("soak-reports");
    Trees.delete(tree);
    Trees.delete(cache);
    Trees.delete(reports);
    Trees.sparseMedia(tree, count, 2_000, 10);
    String w = "SOAK";
    b.results().note("SOAK fault seed " + seed + " (rerun with -Dbench.seed=" + seed + ")");
    try (SimulatorProcess sim = SimulatorProcess.start(simulatorJar, b.token(), 20, seed,
        b.work("logs").resolve("simulator-soak.log"))) {
      for (String f : faults()) {
        sim.fault(f);
      }
      GateJob job = GateJob.defaults(tree.toString(), sim.baseUrl(), cache.toString(),
          reports.toString()).maxFiles(0).polling(20, 200).readTimeoutMs(READ_TIMEOUT_MS)
          .writeReports(false).timeoutMs(TIMEOUT_MS);
      Forks.Forked run = b.forks().run("SOAK", job, List.of(), HARD_LIMIT);
      ProbeResult p = run.result();
      JsonNode c = sim.counters();
      JsonNode batches = sim.batches();
      b.results().raw(w, "seed", seed);
      b.results().raw(w, "probe", p);
      b.results().raw(w, "simulatorCounters", c);

      int duplicates = SimulatorProcess.createdTwice(batches);
      int outcomes = p.outcomes().values().stream().mapToInt(Integer::intValue).sum();
      long faulted = c.path("faultsFired").asLong();
      long total = c.path("totalRequests").asLong();
      b.results().info(w, String.format("%,d files, faults on %.0f%% of requests", count,
          100 * FAULT_RATE), faulted + " of " + total + " requests faulted; " + (p.files() == 0
          ? "no verdict" : p.outcomes().get("PASSED") + " PASSED, " + p.outcomes().get("FLAGGED")
          + " FLAGGED, " + p.outcomes().get("ERROR") + " ERROR"));
      b.results().check(w, "wall time (Gate.run)", "KILLED".equals(p.status())
          ? "not finished after " + Units.millis(p.gateMillis()) + ": stopped by the benchmark"
          + " (the run's own timeout was " + Units.millis(TIMEOUT_MS) + ")"
          : Units.millis(p.gateMillis()), "≤ 5 min",
          p.crash() == null && p.gateMillis() <= 5 * 60_000);
      b.results().check(w, "every file has an outcome", p.files() == 0 ? "no verdict ("
          + p.status() + ")" : outcomes + " of " + count,
          "all", p.crash() == null && outcomes == count && p.files() == count);
      b.results().check(w, "content created twice (files in two created batches)",
          Integer.toString(duplicates), "0", duplicates == 0);
      if (p.files() > 0) {
        b.results().check(w, "batches created = batches the gate reports",
            c.path("batchesCreated").asLong() + " = " + p.batches(), "equal",
            c.path("batchesCreated").asLong() == p.batches());
        b.results().check(w, "results judged as the simulator scored them",
            p.judgedWrong() + " wrong", "0", p.judgedWrong() == 0);
        b.results().check(w, "ERROR files without a reason", Integer.toString(
            p.errorsWithoutReason()), "0", p.errorsWithoutReason() == 0);
      } else {
        b.results().info(w, "batches created (no verdict to compare with)",
            Long.toString(c.path("batchesCreated").asLong()));
      }
      long peak = c.path("peakRequestsPerSecond").asLong();
      b.results().check(w, "highest request rate in any 1 s (server / client)", peak + " / "
          + p.clientPeakPerSecond() + " req/s", "≤ 40 req/s", peak <= 40);
      b.results().info(w, "requests by route (client)", p.requestsByRoute().toString());
      b.results().info(w, "timeline, after Gate.run started", Throughput.phases(p));
      p.reasons().forEach((reason, n) -> b.results().note("SOAK: " + n + " files " + reason));
    }
    Trees.delete(tree);
  }
}
