package io.github.resemblegate.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the benchmark workloads and writes {@code benchmark-results.json} and {@code .md}.
 * Started by {@code ./mvnw -B -Pbench verify}; see docs/performance.md.
 *
 * <p>System properties: {@code bench.out} (the module's target folder), {@code bench.simulatorJar},
 * {@code bench.repoRoot}, {@code bench.pluginVersion}, {@code bench.workloads} ({@code all} or a
 * comma list of W1 W2 W3 W4 W5 W6 SOAK), {@code bench.cliJar} (W6's command line jar),
 * {@code bench.quick} (smaller counts for a smoke run),
 * {@code bench.seed} (the soak's fault seed).
 */
public final class BenchMain {

  static final String COMMAND = "./mvnw -B -Pbench verify";
  static final Set<String> ALL = Set.of("W1", "W2", "W3", "W4", "W5", "W6", "SOAK");
  /** Sparse trees need little disk, but W5 writes 1,100,000 small files (about 4.5 GB). */
  static final long MIN_FREE_BYTES = 6_000_000_000L;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", "benchmarks/target")).toAbsolutePath();
    Path jar = Path.of(System.getProperty("bench.simulatorJar",
        "resemble-simulator/target/resemble-simulator-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    Path repoRoot = Path.of(System.getProperty("bench.repoRoot", ".")).toAbsolutePath().normalize();
    boolean quick = Boolean.getBoolean("bench.quick");
    Set<String> workloads = workloads(System.getProperty("bench.workloads", "all"));
    Files.createDirectories(out);
    FileStore store = Files.getFileStore(out);
    long needed = workloads.contains("W5") ? MIN_FREE_BYTES : MIN_FREE_BYTES / 6;
    if (store.getUsableSpace() < needed) {
      System.err.println("Only " + Units.mb(store.getUsableSpace()) + " are free under " + out
          + "; the benchmarks need about 6 GB (most of it for W5's 1,100,000 files). Free some"
          + " disk space and run again.");
      System.exit(2);
    }
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = "bench-" + HexFormat.of().formatHex(secret);
    Results results = new Results();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long t0 = System.nanoTime();
    Path trees = out.resolve("bench-trees");
    double loadAtStart = ProcessCpu.loadAverage();
    System.out.println("Resemble Gate benchmarks: " + workloads + (quick ? " (quick)" : "")
        + ", simulator " + jar);

    try (SimulatorProcess sim = SimulatorProcess.start(jar, token, 2000, 42,
        out.resolve("bench-work").resolve("logs").resolve("simulator.log"))) {
      Bench b = new Bench(out, trees, repoRoot, System.getProperty("bench.pluginVersion",
          "0.1.0-SNAPSHOT"), quick, token, sim, new Forks(out.resolve("bench-work")
          .resolve("forks"), token), results);
      if (workloads.contains("W1") || workloads.contains("W2") || workloads.contains("W4")) {
        Throughput w1 = new Throughput(b);
        List<Path> made = w1.generate();
        if (workloads.contains("W1")) {
          w1.w1(made);
        }
        if (workloads.contains("W2")) {
          w1.w2();
        }
        if (workloads.contains("W4")) {
          new MavenRuns(b).run(w1.tree(), w1.files());
        }
        if (workloads.contains("W1")) {
          w1.baseline(made);
        }
        Trees.delete(w1.tree());
      }
      if (workloads.contains("W3")) {
        new MemoryBound(b).run();
      }
      if (workloads.contains("W5")) {
        new ScanScale(b).run();
      }
      if (workloads.contains("W6")) {
        new ShardedRuns(b, Path.of(System.getProperty("bench.cliJar",
            "resemble-cli/target/resemble-gate.jar")).toAbsolutePath(), jar).run();
      }
      if (workloads.contains("SOAK")) {
        new Soak(b, jar).run();
      }
    } finally {
      if (ScanScale.KEEP_TREES && Files.isDirectory(trees)) {
        // Only W5's trees (and their counts) are kept; the other workloads' go as always.
        try (Stream<Path> all = Files.list(trees)) {
          for (Path p : all.filter(p -> !p.getFileName().toString().startsWith("w5")).toList()) {
            Trees.delete(p);
          }
        }
      } else {
        Trees.delete(trees);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path json = out.resolve("benchmark-results.json");
    Path md = out.resolve("benchmark-results.md");
    Map<String, Object> machine = machine(out);
    machine.put("load", String.format(Locale.ROOT, "1-min load average %.2f at the start, %.2f at"
        + " the end (other work on the machine slows every number)", loadAtStart,
        ProcessCpu.loadAverage()));
    results.write(json, md, machine, COMMAND + (quick ? " -Dbench.quick" : "")
        + (workloads.equals(ALL) ? "" : " -Dbench.workloads=" + String.join(",", workloads)),
        started.toString(), seconds);
    long missed = results.rows().stream().filter(r -> r.verdict() == Results.TargetCheck.MISSED)
        .count();
    System.out.println();
    System.out.println(Files.readString(md));
    System.out.println("Wrote " + json + " and " + md + " in " + Units.seconds(seconds)
        + (missed > 0 ? "; " + missed + " targets missed (see the table)." : "; every target met."));
  }

  static Set<String> workloads(String spec) {
    if (spec == null || spec.isBlank() || spec.equalsIgnoreCase("all")) {
      return ALL;
    }
    Set<String> chosen = Stream.of(spec.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT))
        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(java.util.TreeSet::new));
    for (String w : chosen) {
      if (!ALL.contains(w)) {
        throw new IllegalArgumentException("Unknown workload " + w + " in bench.workloads; use"
            + " some of " + new java.util.TreeSet<>(ALL) + " or all.");
      }
    }
    return chosen;
  }

  /** The facts someone reproducing the numbers needs about this machine. */
  static Map<String, Object> machine(Path out) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", cpuModel() + " × " + Runtime.getRuntime().availableProcessors()
        + " (nproc " + Runtime.getRuntime().availableProcessors() + ")");
    long memKb = Rss.field(Path.of("/proc/meminfo"), "MemTotal:");
    m.put("memory", memKb > 0 ? Units.mib(memKb * 1024).replace(".0 MiB", " MiB") : "unknown");
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    FileStore store = Files.getFileStore(out);
    m.put("disk", store.name() + " (" + store.type() + "), " + Units.mb(store.getTotalSpace())
        + " total, " + Units.mb(store.getUsableSpace()) + " free");
    return m;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // Not Linux: the core count still says something.
    }
    return System.getProperty("os.arch");
  }
}
