package io.github.resemblegate.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.internal.remote.PartMarker;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.simulator.Counters;
import io.github.resemblegate.simulator.Fault;
import io.github.resemblegate.simulator.ReceivedBatch;
import io.github.resemblegate.simulator.ReceivedDetect;
import io.github.resemblegate.simulator.ResembleSimulator;
import io.github.resemblegate.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 200-file run while the simulator answers 20% of all requests with a fault drawn at random:
 * 429, 500, 503, a reset before and after the request took effect (a lost response), a slow
 * answer within and beyond the read timeout, and a cut-off JSON body before and after taking
 * effect. Every file must end with an outcome, nothing may be created twice, every result that
 * arrived must be judged as the simulator scored it, and everything else is ERROR with a reason.
 *
 * <p>The faults come from the simulator's seeded random sequence. Each seed is printed; rerun one
 * with {@code -Dresemble.faultSeed=<seed>}. Requests from several threads interleave differently
 * from run to run, so a seed reproduces the fault sequence, not every thread's timing.
 */
class FaultSuiteTest {

  static final int FILES = 200;
  static final double FAULT_RATE = 0.20;
  static final Duration READ_TIMEOUT = Duration.ofMillis(300);

  @TempDir
  Path root;

  /**
   * One fixed seed by default, so the suite stays a few seconds long; {@code
   * -Dresemble.faultSeed=1,2,3} runs those, {@code -Dresemble.faultSeed=random} a fresh one.
   */
  static LongStream seeds() {
    String chosen = System.getProperty("resemble.faultSeed", "").strip();
    if (chosen.isEmpty()) {
      return LongStream.of(103L);
    }
    if (chosen.equalsIgnoreCase("random")) {
      return LongStream.of(new java.security.SecureRandom().nextLong());
    }
    return java.util.Arrays.stream(chosen.split(",")).map(String::strip)
        .mapToLong(Long::parseLong);
  }

  /** The fault mix, each at the same rate, so that one request in five gets one of them. */
  static List<Fault> faults() {
    List<Fault> kinds = List.of(
        Fault.rateLimited(),
        Fault.serverError(500),
        Fault.serverError(503),
        Fault.connectionReset(),
        Fault.connectionReset().afterProcessing(),
        Fault.slowResponse(Duration.ofMillis(100)),
        Fault.slowResponse(READ_TIMEOUT.plusMillis(200)),
        Fault.malformedJson(),
        Fault.malformedJson().afterProcessing());
    // Armed faults are tried in turn, each firing with probability p: 1 - (1 - p)^n fire overall.
    double p = 1 - Math.pow(1 - FAULT_RATE, 1.0 / kinds.size());
    return kinds.stream().map(f -> f.atRate(p)).toList();
  }

  private static long count(Transcript t, String phrase) {
    return t.lines().stream().filter(l -> l.startsWith("info ") && l.contains(phrase)).count();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyFileEndsWithOneOutcomeAndNothingIsCreatedTwice(long seed) throws IOException {
    run(seed, false);
  }

  /**
   * The same, after another folder had every one of these names checked with other contents a
   * moment before: a lost answer must be found by its own detections, never by those.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSameWhenEveryNameWasCheckedJustBefore(long seed) throws IOException {
    run(seed, true);
  }

  private static String name(int i) {
    return (i % 10 == 3 ? "fake-voice-" : "clip-") + String.format("%03d", i)
        + (i % 4 == 0 ? ".png" : ".wav");
  }

  private void run(long seed, boolean namesCheckedBefore) throws IOException {
    System.out.println("FaultSuiteTest: fault seed " + seed + " (rerun with -Dresemble.faultSeed="
        + seed + ")");
    Path base = Files.createDirectories(root.resolve("media"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(base.resolve(name(i)), "content of file " + i, StandardCharsets.UTF_8);
    }
    try (ResembleSimulator sim = ResembleSimulator.start(SimulatorOptions.builder()
        .processingTime(Duration.ofMillis(5)).seed(seed).build())) {
      Set<String> earlier = new HashSet<>();
      long earlierBatches = 0;
      if (namesCheckedBefore) {
        Path other = Files.createDirectories(root.resolve("earlier"));
        for (int i = 0; i < FILES; i++) {
          Files.writeString(other.resolve(name(i)), "an earlier take of " + i,
              StandardCharsets.UTF_8);
        }
        GateResult before = Gate.run(GateConfig.builder().contentCheck(false).baseDirectory(other)
            .apiUrl(sim.baseUrl()).token(ApiToken.of("fault-suite-token")).noCache()
            .reportsDirectory(root.resolve("earlier-reports")).pollInterval(Duration.ofMillis(5))
            .build(), new Transcript());
        assertThat(before.filesWith(Outcome.ERROR)).isEmpty();
        sim.detects().forEach(d -> earlier.add(d.uuid()));
        earlierBatches = sim.counters().batchesCreated();
      }
      faults().forEach(sim.faults()::inject);
      GateConfig config = GateConfig.builder()
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
          .baseDirectory(base)
          .apiUrl(sim.baseUrl())
          .token(ApiToken.of("fault-suite-token"))
          .cacheDirectory(root.resolve("cache"))
          .reportsDirectory(root.resolve("reports"))
          .maxFilesPerBatch(10)
          .pollInterval(Duration.ofMillis(5))
          .maxPollInterval(Duration.ofMillis(20))
          .readTimeout(READ_TIMEOUT)
          .timeout(Duration.ofSeconds(60))
          .build();

      Transcript transcript = new Transcript();
      GateResult verdict = Gate.run(config, transcript);

      Counters counters = sim.counters();
      String context = (namesCheckedBefore ? "names checked before, " : "") + "seed " + seed
          + ", " + counters.faultsFired() + " of "
          + counters.totalRequests() + " requests faulted";
      System.out.println("FaultSuiteTest: " + context + "; outcomes " + verdict.totals()
          .byOutcome() + ", " + counters.batchPosts() + " batch POSTs, "
          + counters.batchesCreated() + " batches created; lost answers "
          + count(transcript, "was lost") + " (found " + count(transcript, "Found the lost")
          + ", not created and sent again " + count(transcript, "sending it once more")
          + "), retries " + count(transcript, "retrying"));

      // Every file exactly once, each with an outcome.
      assertThat(verdict.files()).as(context).hasSize(FILES);
      assertThat(verdict.files().stream().map(FileResult::path).distinct()).as(context)
          .hasSize(FILES);

      // Nothing created twice: each file name reached at most one created detection.
      Map<String, ReceivedDetect> createdByName = new HashMap<>();
      // (Each upload's name carries its submission's mark; the file's own name is what repeats.)
      for (ReceivedDetect d : sim.detects()) {
        if (earlier.contains(d.uuid())) {
          continue;
        }
        assertThat(createdByName.put(PartMarker.bare(d.fileName()), d))
            .as("%s: %s was created twice (billed twice)", context, d.fileName()).isNull();
      }
      Set<String> simBatches = new HashSet<>();
      sim.batches().stream().map(ReceivedBatch::uuid).forEach(simBatches::add);
      List<FileResult> errors = verdict.filesWith(Outcome.ERROR);
      assertThat(counters.batchesCreated() - earlierBatches).as("%s: batches created vs batches the gate reports"
          + " (ERROR files: %s)", context, errors.stream().map(f -> f.path() + ": " + f.reason())
          .distinct().limit(3).toList()).isEqualTo(verdict.totals().batches());
      assertThat(simBatches).as(context).containsAll(verdict.run().batchIds());

      for (FileResult f : verdict.files()) {
        ReceivedDetect created = createdByName.get(f.path());
        if (f.outcome() == Outcome.ERROR) {
          assertThat(f.reason()).as("%s: reason of ERROR file %s", context, f.path())
              .isNotBlank();
          if (f.detectId() != null) {
            assertThat(created).as("%s: %s names detection %s the API never created", context,
                f.path(), f.detectId()).isNotNull();
            assertThat(f.detectId()).as(context).isEqualTo(created.uuid());
          }
          if (f.batchId() != null) {
            assertThat(simBatches).as(context).contains(f.batchId());
          }
          continue;
        }
        boolean fake = f.path().contains("fake");
        assertThat(f.outcome()).as("%s: outcome of %s (%s)", context, f.path(), f.reason())
            .isEqualTo(fake ? Outcome.FLAGGED : Outcome.PASSED);
        assertThat(f.score()).as("%s: score of %s", context, f.path())
            .isEqualTo(fake ? 0.97 : 0.04);
        assertThat(created).as("%s: %s was judged but never created", context, f.path())
            .isNotNull();
        assertThat(f.detectId()).as("%s: %s judged from another file's detection", context,
            f.path()).isEqualTo(created.uuid());
      }
      System.out.println("FaultSuiteTest: seed " + seed + ": " + (FILES - errors.size())
          + " judged, " + errors.size() + " ERROR" + (errors.isEmpty() ? ""
          : ", e.g. " + errors.get(0).path() + ": " + errors.get(0).reason()));
    }
  }
}
