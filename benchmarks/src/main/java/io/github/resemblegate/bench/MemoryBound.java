package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** W3: one 450 MB file and 49 small ones, with the gate's heap capped at 64 MB. */
final class MemoryBound {

  static final long HEAP_MB = 64;

  private final Bench b;

  MemoryBound(Bench b) {
    this.b = b;
  }

  void run() throws Exception {
    Path tree = b.trees().resolve("w3");
    Path cache = b.work("w3-cache");
    Path reports = b.work("w3-reports");
    Trees.delete(tree);
    Trees.delete(cache);
    Trees.delete(reports);
    long big = b.quick() ? 45_000_000L : 450_000_000L;
    Trees.sparse(tree.resolve("masters").resolve("feature-film-mix.wav"), big);
    for (int i = 0; i < 49; i++) {
      Trees.sparse(tree.resolve("stems").resolve(String.format("stem-%02d.wav", i)), 100_000 + i);
    }
    b.sim().reset();
    GateJob job = GateJob.defaults(tree.toString(), b.sim().baseUrl(), cache.toString(),
        reports.toString());
    Forks.Forked run = b.forks().run("W3", job, List.of("-Xmx" + HEAP_MB + "m"));
    ProbeResult p = run.result();
    JsonNode c = b.sim().counters();
    b.results().raw("W3", "probe", p);
    b.results().raw("W3", "simulatorCounters", c);
    String w = "W3";
    boolean completed = p.crash() == null && p.files() == 50 && p.outcomes().get("ERROR") == 0;
    b.results().check(w, "1 × " + Units.mb(big) + " + 49 small files under -Xmx" + HEAP_MB + "m",
        completed ? "completed: " + p.outcomes().get("PASSED") + " PASSED in "
            + Units.millis(p.gateMillis()) : "did not complete: " + (p.crash() != null
            ? p.crash() : p.message()), "completes", completed);
    b.results().check(w, "gate JVM heap: peak used / live after GC",
        Units.mib(p.peakHeapBytes()) + " / " + Units.mib(p.maxLiveHeapBytes()),
        "≤ " + HEAP_MB + " MiB", p.peakHeapBytes() <= HEAP_MB * 1048576);
    b.results().info(w, "gate JVM peak RSS (VmHWM)", Units.mib(p.vmHwmKb() * 1024));
    b.results().info(w, "uploaded (server saw)", Units.mb(c.path("bytesReceived").asLong())
        + " in " + c.path("batchPosts").asLong() + " batch POSTs, "
        + c.path("detectPosts").asLong() + " single POSTs, "
        + c.path("secureUploads").asLong() + " secure uploads");
    Trees.delete(tree);
  }
}
