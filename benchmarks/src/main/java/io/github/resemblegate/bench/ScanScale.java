package io.github.resemblegate.bench;

import java.nio.file.Path;
import java.util.List;

/** W5: a 100,000-file tree in dry-run, heap capped at 256 MB: time and memory of the scan. */
final class ScanScale {

  static final long HEAP_MB = 256;

  private final Bench b;

  ScanScale(Bench b) {
    this.b = b;
  }

  void run() throws Exception {
    int count = b.scale(100_000, 10_000);
    Path tree = b.trees().resolve("w5");
    Path cache = b.work("w5-cache");
    Path reports = b.work("w5-reports");
    Trees.delete(tree);
    Trees.delete(cache);
    Trees.delete(reports);
    long t0 = System.nanoTime();
    Trees.smallFiles(tree, count);
    b.results().raw("W5", "generateSeconds", (System.nanoTime() - t0) / 1e9);
    b.results().raw("W5", "treeDiskBytes", Trees.allocatedBytes(tree));
    GateJob job = GateJob.defaults(tree.toString(), b.sim().baseUrl(), cache.toString(),
        reports.toString()).dryRun(true).maxFiles(0).writeReports(false);
    Forks forks = new Forks(b.work("forks"), null);
    String w = "W5";
    String label = String.format("%,d", count);
    Forks.Forked first = forks.run("W5-first", job, List.of("-Xmx" + HEAP_MB + "m"));
    ProbeResult p = first.result();
    b.results().raw("W5-first", "probe", p);
    boolean ok = p.crash() == null && p.files() == count;
    b.results().check(w, label + " files, dry run, first time: gate wall time",
        ok ? Units.millis(p.gateMillis()) + " (" + Throughput.phases(p) + ")"
            : "did not complete: " + p.crash(), "< 10 s", ok && p.gateMillis() < 10_000);
    b.results().check(w, "first time: heap peak used / live after GC (-Xmx" + HEAP_MB + "m)",
        Units.mib(p.peakHeapBytes()) + " / " + Units.mib(p.maxLiveHeapBytes()),
        "≤ " + HEAP_MB + " MiB", ok && p.peakHeapBytes() <= HEAP_MB * 1048576);
    b.results().info(w, "first time: peak RSS (VmHWM), JVM wall time",
        Units.mib(p.vmHwmKb() * 1024) + ", " + Units.millis(first.processMillis()));
    Forks.Forked second = forks.run("W5-again", job, List.of("-Xmx" + HEAP_MB + "m"));
    ProbeResult p2 = second.result();
    b.results().raw("W5-again", "probe", p2);
    b.results().info(w, "again, hashes reused: gate wall time, heap peak / live",
        Units.millis(p2.gateMillis()) + ", " + Units.mib(p2.peakHeapBytes()) + " / "
            + Units.mib(p2.maxLiveHeapBytes()));
    Trees.delete(tree);
  }
}
