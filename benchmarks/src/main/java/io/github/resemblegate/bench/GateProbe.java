package io.github.resemblegate.bench;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.report.Reports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gate's JVM in a benchmark: runs {@code Gate.run} once, as a front end would, and writes what
 * it measured about itself (time, requests, heap, RSS) as JSON. One fork per workload keeps the
 * measurements free of the orchestrator's and the simulator's memory.
 *
 * <p>{@code java -cp … GateProbe job.json result.json}, with the token in {@code RESEMBLE_API_KEY}.
 */
public final class GateProbe {

  private GateProbe() {}

  public static void main(String[] args) throws Exception {
    HeapWatch heap = HeapWatch.start();
    GateJob job = BenchJson.MAPPER.readValue(Path.of(args[0]).toFile(), GateJob.class);
    Path out = Path.of(args[1]);
    Counting listener = new Counting();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    // Stopped from outside (the orchestrator's time limit): still say what was seen until then.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (done.compareAndSet(false, true)) {
        write(out, failed("KILLED", "stopped from outside before Gate.run returned", heap,
            listener, "killed"));
      }
    }, "probe-killed"));
    ProbeResult result;
    try {
      result = run(job, heap, listener);
    } catch (Throwable t) {
      // An OutOfMemoryError is a measurement too: record it rather than lose the fork's result.
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      System.err.println(trace);
      result = failed("CRASHED", String.valueOf(t), heap, listener, t.getClass().getName());
    }
    if (done.compareAndSet(false, true)) {
      write(out, result);
    }
  }

  private static ProbeResult failed(String status, String message, HeapWatch heap,
      Counting listener, String crash) {
    HeapWatch.Figures h = heap.figures();
    long gate = listener.start == 0 ? 0 : (System.nanoTime() - listener.start) / 1_000_000;
    return new ProbeResult(status, message, gate, 0, 0, Map.of(), 0, 0, 0, 0, List.of(),
        listener.requests.get(), listener.peakPerSecond(), listener.byRoute(), listener.phases(),
        0, 0, h.peak(), h.maxLive(), h.poolPeaks(), h.max(), h.gcCount(), h.gcMillis(),
        Rss.highWaterKb(), cpuMillis(), ProcessCpu.jitMillis(), List.of(), Map.of(), crash);
  }

  private static void write(Path out, ProbeResult result) {
    try {
      BenchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    } catch (java.io.IOException e) {
      System.err.println("Could not write " + out + ": " + e);
    }
  }

  static ProbeResult run(GateJob job, HeapWatch heap, Counting listener) throws Exception {
    String token = System.getenv("RESEMBLE_API_KEY");
    GateConfig.Builder config = GateConfig.builder()
        .baseDirectory(Path.of(job.baseDir()))
        .includes(job.includes())
        .apiUrl(job.apiUrl())
        .token(ApiToken.ofNullable(token))
        .cacheDirectory(Path.of(job.cacheDir()))
        .reportsDirectory(Path.of(job.reportsDir()))
        .dryRun(job.dryRun())
        .maxFiles(job.maxFiles())
        .concurrency(job.concurrency())
        .pollInterval(Duration.ofMillis(job.pollInitialMs()))
        .maxPollInterval(Duration.ofMillis(job.pollMaxMs()))
        .readTimeout(Duration.ofMillis(job.readTimeoutMs()))
        .requestsPerSecond(job.requestsPerSecond())
        .timeout(Duration.ofMillis(job.timeoutMs()))
        .policy(new Policy(Policy.DEFAULT_THRESHOLD, Map.of(), null,
            reaction(job.onFlagged()), Reaction.FAIL, Reaction.IGNORE,
            Reaction.WARN, null, List.of()));
    long t0 = System.nanoTime();
    listener.start = t0;
    GateResult result = Gate.run(config.build(), listener);
    long gateNanos = System.nanoTime() - t0;
    long reportNanos = 0;
    if (job.writeReports()) {
      long r0 = System.nanoTime();
      Reports.write(result, EnumSet.allOf(ReportFormat.class), Path.of(job.reportsDir()));
      reportNanos = System.nanoTime() - r0;
    }
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      outcomes.put(o.name(), result.totals().count(o));
    }
    List<String> samples = new ArrayList<>();
    int wrong = 0;
    int errorsWithoutReason = 0;
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    for (FileResult f : result.files()) {
      // In a dry run too: W5 shows its files were planned, not set aside by the content check.
      if (f.outcome() == Outcome.ERROR || f.outcome() == Outcome.SKIPPED) {
        reasons.merge(f.outcome() + ": " + reasonKind(f.reason()), 1, Integer::sum);
      }
      if (f.outcome() == Outcome.ERROR && (f.reason() == null || f.reason().isBlank())) {
        errorsWithoutReason++;
      }
      if (f.score() != null && !judgedAsSimulatorScores(f)) {
        wrong++;
      }
      if ((f.outcome() == Outcome.ERROR || f.outcome() == Outcome.SKIPPED) && samples.size() < 5
          && !job.dryRun()) {
        samples.add(f.outcome() + " " + f.path() + ": " + f.reason());
      }
    }
    HeapWatch.Figures h = heap.figures();
    return new ProbeResult(result.decision().verdict().name(), result.decision().sentence(),
        gateNanos / 1_000_000, reportNanos / 1_000_000, result.totals().files(), outcomes,
        result.totals().uploaded(), result.totals().bytesUploaded(), result.totals().batches(),
        result.totals().fromCache(), result.run().batchIds(), listener.requests.get(),
        listener.peakPerSecond(), new LinkedHashMap<>(listener.byRoute()), listener.phases(),
        wrong, errorsWithoutReason, h.peak(), h.maxLive(), h.poolPeaks(), h.max(), h.gcCount(),
        h.gcMillis(), Rss.highWaterKb(), cpuMillis(), ProcessCpu.jitMillis(), samples, reasons,
        null);
  }

  /**
   * The job's {@code onFlagged} as the gate's settings read it: {@code fail}, {@code warn},
   * {@code ignore} in any case, {@code failure} and {@code unstable} as aliases.
   */
  static Reaction reaction(String value) {
    String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    return switch (v) {
      case "FAIL", "FAILURE" -> Reaction.FAIL;
      case "WARN", "UNSTABLE" -> Reaction.WARN;
      case "IGNORE" -> Reaction.IGNORE;
      default -> throw new GateException("onFlagged must be FAIL, WARN or IGNORE, not '"
          + value + "'.");
    };
  }

  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|/\\S+|\\d+");

  /**
   * A reason with its ids, paths and numbers blanked out, so equal causes count together; long
   * reasons keep their start and the clause that says why the gate gave up.
   */
  static String reasonKind(String reason) {
    String r = reason == null ? "(none)" : ID.matcher(reason).replaceAll("#");
    if (r.length() <= 240) {
      return r;
    }
    int why = r.indexOf("could not confirm it (");
    String head = r.substring(0, 160) + " … ";
    return why < 0 ? head : head + r.substring(why, Math.min(r.length(), why + 200)) + " …";
  }

  static long cpuMillis() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1_000_000 : -1;
  }

  /** The simulator's default rules: names with "fake" score 0.97 (FLAGGED), others 0.04. */
  static boolean judgedAsSimulatorScores(FileResult f) {
    boolean fake = f.path().toLowerCase(Locale.ROOT).contains("fake");
    double expected = fake ? 0.97 : 0.04;
    Outcome outcome = fake ? Outcome.FLAGGED : Outcome.PASSED;
    return Math.abs(f.score() - expected) < 1e-9 && f.outcome() == outcome;
  }

  /** Counts the gate's HTTP requests by route, and notes when each step of the run happened. */
  static final class Counting implements GateListener {
    final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> routes = new ConcurrentHashMap<>();
    private final List<Long> started = new ArrayList<>();
    volatile long start;
    private volatile long scanned;
    private volatile long firstUpload;
    private volatile long planned;
    private volatile long lastSubmitted;
    private volatile long firstResult;
    private volatile long finished;

    @Override
    public void scanned(int matchedFiles, long totalBytes) {
      scanned = System.nanoTime();
    }

    @Override
    public void planned(Plan plan) {
      planned = System.nanoTime();
    }

    @Override
    public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
      lastSubmitted = System.nanoTime();
      System.out.println("[accepted] " + ms(start, lastSubmitted) + " ms batch " + batchIndex
          + " of " + batchCount + ", " + files + " files");
    }

    @Override
    public void fileJudged(FileResult result) {
      if (firstResult == 0) {
        firstResult = System.nanoTime();
      }
    }

    @Override
    public void finished(GateResult result) {
      finished = System.nanoTime();
    }

    /**
     * When each step happened, in milliseconds after {@code Gate.run} started (steps overlap: a
     * pipelined run uploads while it still hashes): the scan done, the first upload started, the
     * plan complete, the last batch accepted (as told: a batch accepted before the plan was
     * complete is told with it), the first file judged, the run finished. A step that did not
     * happen is left out.
     */
    Map<String, Long> phases() {
      Map<String, Long> m = new LinkedHashMap<>();
      mark(m, "scanned", scanned);
      mark(m, "firstUpload", firstUpload);
      mark(m, "planned", planned);
      mark(m, "lastAccepted", lastSubmitted);
      mark(m, "firstResult", firstResult);
      mark(m, "finished", finished != 0 ? finished : System.nanoTime());
      return m;
    }

    private void mark(Map<String, Long> m, String step, long at) {
      if (at != 0) {
        m.put(step, ms(start, at));
      }
    }

    private static long ms(long from, long to) {
      return Math.max(0, (to - from) / 1_000_000);
    }

    @Override
    public void request(String method, String path) {
      if (firstUpload == 0 && method.equals("POST")) {
        firstUpload = System.nanoTime();
      }
      requests.incrementAndGet();
      // The fork's log gets each request with its time, to see when the run asked what.
      System.out.println("[request] " + ms(start, System.nanoTime()) + " ms " + method + " "
          + path);
      synchronized (started) {
        started.add(System.nanoTime());
      }
      routes.computeIfAbsent(method + " " + Routes.shape(path), k -> new AtomicLong())
          .incrementAndGet();
    }

    /** The most requests started within any one-second window. */
    long peakPerSecond() {
      synchronized (started) {
        long peak = 0;
        int from = 0;
        for (int i = 0; i < started.size(); i++) {
          while (started.get(i) - started.get(from) >= 1_000_000_000L) {
            from++;
          }
          peak = Math.max(peak, i - from + 1);
        }
        return peak;
      }
    }

    Map<String, Long> byRoute() {
      Map<String, Long> m = new java.util.TreeMap<>();
      routes.forEach((k, v) -> m.put(k, v.get()));
      return m;
    }

    @Override
    public void warn(String message) {
      System.err.println("[gate warn] " + message);
    }

    @Override
    public void info(String message) {
      System.out.println("[gate] " + message);
    }
  }
}
