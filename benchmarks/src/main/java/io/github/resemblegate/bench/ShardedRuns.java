package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * W6: the W1 tree checked by one process, then by four shards run at the same time, each a
 * {@code java -jar resemble-gate.jar detect --shard i/4} of its own as four CI agents would run
 * it, against one simulator that limits every connection's upload (its
 * {@code --upload-bandwidth}); then {@code merge} of the four reports against the one-process
 * verdict.
 *
 * <p>The simulator limits each connection, not each client. Every process here runs with
 * {@code --concurrency 1}, so its uploads go over one connection at a time and the limit is that
 * process's uplink, as an agent's is; with more connections one process would get a multiple of
 * the limit, which no real uplink gives. Each process has its own cache and reports folder, as
 * separate agents would.
 */
final class ShardedRuns {

  static final int SHARDS = 4;
  static final String W = "W6";

  private final Bench b;
  private final Path cliJar;
  private final Path simulatorJar;
  private final int files;
  private final long bandwidth;
  private final Path tree;
  private final Path work;

  ShardedRuns(Bench b, Path cliJar, Path simulatorJar) {
    this.b = b;
    this.cliJar = cliJar;
    this.simulatorJar = simulatorJar;
    this.files = b.scale(1000, 100);
    // Upload must be the limit: about 100 s of it for one process (40 s in a quick run).
    this.bandwidth = b.scale(10_000_000, 2_500_000);
    this.tree = b.trees().resolve("w6");
    this.work = b.work("w6");
  }

  /** A finished command line run: its exit code, start and end, and its folder. */
  record Cli(String name, int exitCode, long startNanos, long endNanos, Path folder,
      java.time.Instant startedAt) {
    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }

    Path report() {
      return folder.resolve("reports").resolve("resemble-report.json");
    }

    /** CPU seconds (user + system) GNU time measured for the process, or -1 without it. */
    double cpuSeconds() {
      try {
        String[] t = Files.readString(folder.resolve("cpu.txt")).strip().split("\\s+");
        return Double.parseDouble(t[t.length - 2]) + Double.parseDouble(t[t.length - 1]);
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
  }

  private record Started(String name, Process process, long startNanos, Path folder,
      java.time.Instant startedAt) {}

  void run() throws Exception {
    if (!Files.isRegularFile(cliJar)) {
      throw new IllegalStateException("The command line jar " + cliJar + " is missing; build it"
          + " with ./mvnw -B -pl resemble-cli -am package -DskipTests.");
    }
    Trees.delete(tree);
    Trees.delete(work);
    List<Path> made = Trees.sparseMedia(tree, files, Throughput.FILE_SIZE, 100);
    long bytes = 0;
    for (Path p : made) {
      bytes += Files.size(p);
    }
    try (SimulatorProcess sim = SimulatorProcess.start(simulatorJar, b.token(), 2000, 42,
        work.resolve("simulator.log"), List.of("--upload-bandwidth", Long.toString(bandwidth)))) {
      sim.reset();
      Phase one = Phase.of(List.of(await(detect("one-process", sim, null))), sim);
      sim.reset();
      List<Started> started = new ArrayList<>();
      for (int i = 1; i <= SHARDS; i++) {
        started.add(detect("shard-" + i, sim, i + "/" + SHARDS));
      }
      List<Cli> shards = new ArrayList<>();
      for (Started s : started) {
        shards.add(await(s));
      }
      Phase four = Phase.of(shards, sim);
      Cli merged = await(merge(shards));
      // Four shards on one 2-core machine share its CPU, where four agents would each have
      // their own; one shard run alone shows what a shard takes on an agent of its own.
      sim.reset();
      Cli alone = await(detect("shard-1-alone", sim, "1/" + SHARDS));
      table(bytes, one, four, merged, alone);
    } finally {
      Trees.delete(tree);
    }
  }

  /** Runs of one step (one process, or the shards at once) and what the simulator saw. */
  private record Phase(List<Cli> runs, JsonNode counters, JsonNode batches) {
    static Phase of(List<Cli> runs, SimulatorProcess sim) {
      return new Phase(runs, sim.counters(), sim.batches());
    }

    /** First start to last exit. */
    double seconds() {
      long first = runs.stream().mapToLong(Cli::startNanos).min().orElseThrow();
      long last = runs.stream().mapToLong(Cli::endNanos).max().orElseThrow();
      return (last - first) / 1e9;
    }

    long counter(String name) {
      return counters.path(name).asLong();
    }

    /** When each batch was created (its upload done), in seconds after the first start. */
    String uploadsDone() {
      java.time.Instant start = runs.stream().map(Cli::startedAt).min(java.time.Instant::compareTo)
          .orElseThrow();
      List<Double> at = new ArrayList<>();
      for (JsonNode batch : batches) {
        at.add(java.time.Duration.between(start, java.time.Instant.parse(batch.path("createdAt")
            .asText())).toMillis() / 1000.0);
      }
      at.sort(null);
      return at.stream().map(Units::seconds).collect(Collectors.joining(", "));
    }

    String cpu() {
      return runs.stream().map(c -> ShardedRuns.cpu(c.cpuSeconds()))
          .collect(Collectors.joining(", ")) + (runs.size() == 1 ? "" : " (sum "
              + ShardedRuns.cpu(runs.stream().mapToDouble(Cli::cpuSeconds).sum()) + ")");
    }
  }

  private void table(long bytes, Phase one, Phase four, Cli merged, Cli alone)
      throws IOException {
    Results r = b.results();
    Cli single = one.runs().get(0);
    double speedUp = one.seconds() / four.seconds();
    r.raw(W, "bytes", bytes);
    r.raw(W, "uploadBandwidthPerConnection", bandwidth);
    r.raw(W, "oneProcess", java.util.Map.of("seconds", one.seconds(), "exitCode",
        single.exitCode(), "simulatorCounters", one.counters()));
    r.raw(W, "shards", four.runs().stream().map(s -> java.util.Map.of("name", s.name(),
        "seconds", s.seconds(), "exitCode", s.exitCode(), "cpuSeconds", s.cpuSeconds()))
        .toList());
    r.raw(W, "shardsSimulatorCounters", four.counters());
    r.raw(W, "merge", java.util.Map.of("seconds", merged.seconds(), "exitCode",
        merged.exitCode()));
    r.raw(W, "shardAlone", java.util.Map.of("seconds", alone.seconds(), "exitCode",
        alone.exitCode(), "cpuSeconds", alone.cpuSeconds()));

    r.info(W, files + " files × 1 MB (the W1 tree), upload limited per connection, processing 2 s",
        Units.mb(bytes) + ", " + Units.mb(bandwidth) + "/s per connection, every process"
            + " --concurrency 1 (one uplink each)");
    r.info(W, "upload alone at that limit: one uplink / four uplinks", Units.seconds(
        bytes / (double) bandwidth) + " / " + Units.seconds(bytes / (double) bandwidth / SHARDS));
    r.info(W, "one process: java -jar resemble-gate.jar detect (JVM included)",
        Units.seconds(one.seconds()) + ", exit " + single.exitCode());
    r.info(W, "four shards at once: first start to last exit", Units.seconds(four.seconds())
        + " (shards " + four.runs().stream().map(s -> Units.seconds(s.seconds()) + " exit "
            + s.exitCode()).collect(Collectors.joining(", ")) + ")");
    r.info(W, "uploads done (batches created), seconds after the start: one process / four"
        + " shards", one.uploadsDone() + " / " + four.uploadsDone());
    r.info(W, "CPU (user + system): one process / each shard, on this machine's 2 cores",
        one.cpu() + " / " + four.cpu());
    r.info(W, "shard 1/4 alone, as on an agent of its own (the shards are even by bytes): wall"
        + " time, CPU; one process ÷ it", Units.seconds(alone.seconds()) + ", " + cpu(alone
            .cpuSeconds()) + ", exit " + alone.exitCode() + "; " + Units.ratio(one.seconds()
                / alone.seconds()));
    r.check(W, "speed-up: one process ÷ four shards at once", Units.ratio(speedUp), "≥ 3×",
        speedUp >= 3);
    long peak = four.counter("peakRequestsPerSecond");
    r.check(W, "highest request rate in any 1 s, all shards together (server); each shard"
        + " paces itself at 40 ÷ 4 = 10 req/s", peak + " req/s (one process: "
        + one.counter("peakRequestsPerSecond") + ")", "≤ 40 req/s", peak <= 40);
    r.info(W, "HTTP requests per file (server): one process / four shards",
        String.format(Locale.ROOT, "%.3f / %.3f", one.counter("totalRequests") / (double) files,
            four.counter("totalRequests") / (double) files));
    int oneTwice = SimulatorProcess.createdTwice(one.batches());
    int twice = SimulatorProcess.createdTwice(four.batches());
    long created = four.counter("detectsCreated");
    r.check(W, "content created twice (files in two created batches): one / four shards",
        oneTwice + " / " + twice + " (four shards created " + created + " detections for "
            + files + " files)", "0", oneTwice == 0 && twice == 0 && created == files);
    String oneVerdict = verdict(single.report());
    Path mergedReport = merged.folder().resolve("resemble-report.json");
    String mergedVerdict = verdict(mergedReport);
    boolean sameFiles = sameFiles(single.report(), mergedReport);
    r.check(W, "merge of the four reports = the one-process verdict", "exit " + merged.exitCode()
        + " = " + single.exitCode() + "; " + mergedVerdict + (sameFiles ? "; every file's"
            + " outcome and score equal" : "; files DIFFER"), "equal", merged.exitCode()
        == single.exitCode() && Objects.equals(oneVerdict, mergedVerdict) && sameFiles);
    r.info(W, "merge: wall time (JVM included)", Units.seconds(merged.seconds()));
  }

  /** Starts {@code detect} over the tree (the working folder) with its own cache and reports. */
  private Started detect(String name, SimulatorProcess sim, String shard) throws IOException {
    Path folder = work.resolve(name);
    Files.createDirectories(folder);
    List<String> cmd = new ArrayList<>(List.of(SimulatorProcess.javaBinary(), "-jar",
        cliJar.toString(), "detect", "--api-url", sim.baseUrl(), "--cache-dir",
        folder.resolve("cache").toString(), "--reports-dir", folder.resolve("reports").toString(),
        "--concurrency", "1"));
    if (shard != null) {
      cmd.add("--shard");
      cmd.add(shard);
    }
    return start(name, cmd, folder, tree);
  }

  private Started merge(List<Cli> shards) throws IOException {
    Path folder = work.resolve("merged");
    List<String> cmd = new ArrayList<>(List.of(SimulatorProcess.javaBinary(), "-jar",
        cliJar.toString(), "merge", "--reports-dir", folder.toString()));
    shards.forEach(s -> cmd.add(s.report().toString()));
    Files.createDirectories(folder);
    return start("merge", cmd, folder, work);
  }

  private Started start(String name, List<String> cmd, Path folder, Path workingDirectory)
      throws IOException {
    List<String> timed = new ArrayList<>();
    if (Files.isExecutable(MavenRuns.GNU_TIME)) {
      timed.addAll(List.of(MavenRuns.GNU_TIME.toString(), "-f", "%U %S", "-o",
          folder.resolve("cpu.txt").toString()));
    }
    timed.addAll(cmd);
    ProcessBuilder pb = new ProcessBuilder(timed).directory(workingDirectory.toFile())
        .redirectErrorStream(true).redirectOutput(folder.resolve("console.log").toFile());
    // The token travels in the environment, never on the command line; a CI's own shard
    // variables must not change which shard a process is.
    pb.environment().put("RESEMBLE_API_KEY", b.token());
    pb.environment().remove("CI_NODE_INDEX");
    pb.environment().remove("CI_NODE_TOTAL");
    java.time.Instant at = java.time.Instant.now();
    long t0 = System.nanoTime();
    return new Started(name, pb.start(), t0, folder, at);
  }

  private static Cli await(Started s) throws InterruptedException {
    if (!s.process().waitFor(20, TimeUnit.MINUTES)) {
      s.process().destroyForcibly().waitFor();
    }
    long end = System.nanoTime();
    return new Cli(s.name(), s.process().exitValue(), s.startNanos(), end, s.folder(),
        s.startedAt());
  }

  private static String cpu(double seconds) {
    return seconds < 0 ? "not measured" : Units.seconds(seconds);
  }

  private static String verdict(Path report) throws IOException {
    if (!Files.isRegularFile(report)) {
      return "no report";
    }
    JsonNode v = BenchJson.MAPPER.readTree(report.toFile()).path("verdict");
    return v.path("status").asText() + " \"" + v.path("message").asText() + "\"";
  }

  /** Whether both reports list the same files with the same outcome and score. */
  private static boolean sameFiles(Path a, Path b) throws IOException {
    if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
      return false;
    }
    return fileLines(a).equals(fileLines(b));
  }

  private static List<String> fileLines(Path report) throws IOException {
    List<String> lines = new ArrayList<>();
    for (JsonNode f : BenchJson.MAPPER.readTree(report.toFile()).path("files")) {
      lines.add(f.path("path").asText() + " " + f.path("outcome").asText() + " "
          + f.path("score").asText());
    }
    return lines;
  }
}
