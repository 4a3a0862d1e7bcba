package io.github.resemblegate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * W5: the scale of the scan, in dry runs: 100,000 small files under a 96 MiB heap (first time,
 * then with the hashes reused), and 1,000,000 files under 256 MiB (first time, to write the hash
 * index, then with the hashes reused, the measured case).
 */
final class ScanScale {

  static final long SMALL_HEAP_MB = 96;
  static final long LARGE_HEAP_MB = 256;

  /** {@code -Dbench.keepTrees=true}: W5's trees stay after the run and are used again. */
  static final boolean KEEP_TREES = Boolean.getBoolean("bench.keepTrees");

  private final Bench b;

  ScanScale(Bench b) {
    this.b = b;
  }

  void run() throws Exception {
    int count = b.scale(100_000, 10_000);
    Forks.Forked[] small = tree("w5", count, SMALL_HEAP_MB);
    report(String.format("%,d", count) + " files", small, SMALL_HEAP_MB, 10_000);
    int large = b.scale(1_000_000, 50_000);
    Forks.Forked[] big = tree("w5-large", large, LARGE_HEAP_MB);
    report(String.format("%,d", large) + " files", big, LARGE_HEAP_MB, 0);
  }

  /** The heap a run gets when the capped one ran out, to report how much it needs. */
  static final long ROOMY_HEAP_MB = 1024;

  /** Writes a tree of {@code count} files and runs two dry runs over it under {@code heapMb}. */
  private Forks.Forked[] tree(String name, int count, long heapMb) throws Exception {
    Path tree = b.trees().resolve(name);
    Path cache = b.work(name + "-cache");
    Path reports = b.work(name + "-reports");
    Trees.delete(cache);
    Trees.delete(reports);
    // Writing a million files takes minutes: with bench.keepTrees a tree of the same count
    // written by an earlier run is used again (the cache is always new, so "first" is first).
    Path written = b.trees().resolve(name + ".count");
    boolean reuse = KEEP_TREES && Files.exists(written)
        && Files.readString(written).strip().equals(Integer.toString(count));
    if (!reuse) {
      Trees.delete(tree);
      Files.deleteIfExists(written);
      long t0 = System.nanoTime();
      Trees.smallFiles(tree, count);
      b.results().raw(name, "generateSeconds", (System.nanoTime() - t0) / 1e9);
      Files.writeString(written, Integer.toString(count));
    }
    b.results().raw(name, "treeDiskBytes", Trees.allocatedBytes(tree));
    GateJob job = GateJob.defaults(tree.toString(), b.sim().baseUrl(), cache.toString(),
        reports.toString()).dryRun(true).maxFiles(0).writeReports(false);
    Forks forks = new Forks(b.work("forks"), null);
    List<String> heap = List.of("-Xmx" + heapMb + "m");
    Forks.Forked first = forks.run(name + "-first", job, heap);
    b.results().raw(name + "-first", "probe", first.result());
    if (first.result().crash() != null) {
      // The hash index must be written for the run that reuses it: give the first run room.
      first = forks.run(name + "-first-roomy", job, List.of("-Xmx" + ROOMY_HEAP_MB + "m"));
      b.results().raw(name + "-first-roomy", "probe", first.result());
    }
    Forks.Forked again = forks.run(name + "-again", job, heap);
    b.results().raw(name + "-again", "probe", again.result());
    Forks.Forked roomy = null;
    if (again.result().crash() != null) {
      roomy = forks.run(name + "-again-roomy", job, List.of("-Xmx" + ROOMY_HEAP_MB + "m"));
      b.results().raw(name + "-again-roomy", "probe", roomy.result());
    }
    if (!KEEP_TREES) {
      Trees.delete(tree);
      Files.deleteIfExists(written);
    }
    Trees.delete(cache);
    return new Forks.Forked[] {first, again, roomy};
  }

  /** The rows of one tree; {@code limitMillis} 0: time is reported, not held to a target. */
  private void report(String label, Forks.Forked[] runs, long heapMb, long limitMillis) {
    String w = "W5";
    for (int i = 0; i < 2; i++) {
      ProbeResult p = runs[i].result();
      String cap = "heap max " + Units.mib(p.maxHeapBytes());
      int files = Integer.parseInt(label.replaceAll("\\D", ""));
      boolean ok = p.crash() == null && p.files() == files;
      String run = label + ", dry run, " + (i == 0 ? "first time" : "hashes reused") + ", "
          + cap;
      String value = ok ? Units.millis(p.gateMillis()) + ", heap peak / live "
          + Units.mib(p.peakHeapBytes()) + " / " + Units.mib(p.maxLiveHeapBytes()) + ", RSS "
          + Units.mib(p.vmHwmKb() * 1024) : "did not complete: " + p.crash();
      String target = "completes within -Xmx" + heapMb + "m" + (limitMillis > 0 ? ", < "
          + limitMillis / 1000 + " s" : "");
      b.results().check(w, run, value, target, ok && p.maxHeapBytes() <= heapMb * 1048576
          && (limitMillis == 0 || p.gateMillis() < limitMillis));
      if (ok && i == 0) {
        b.results().info(w, label + ", first time: timeline", Throughput.phases(p));
      }
    }
    if (runs[2] != null) {
      ProbeResult p = runs[2].result();
      b.results().info(w, label + ", hashes reused, with room (-Xmx" + ROOMY_HEAP_MB + "m)",
          p.crash() != null ? "did not complete: " + p.crash() : Units.millis(p.gateMillis())
              + ", heap peak / live " + Units.mib(p.peakHeapBytes()) + " / "
              + Units.mib(p.maxLiveHeapBytes()));
    }
  }
}
