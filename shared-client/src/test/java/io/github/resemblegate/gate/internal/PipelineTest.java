package io.github.resemblegate.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The stages overlap: uploads start while later files are hashed, results are told as they come. */
class PipelineTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstUpload = new CountDownLatch(1);
  private final CountDownLatch accessChecked = new CountDownLatch(1);

  @AfterEach
  void defaultRules() {
    SIM.simulator().rules(ScoringRules.defaults());
  }

  private Path file(String rel) throws IOException {
    Path p = root.resolve("project").resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, rel.getBytes(StandardCharsets.UTF_8));
  }

  private GateConfig.Builder config() {
    return GateConfig.builder().baseDirectory(root.resolve("project"))
        .cacheDirectory(root.resolve("cache")).reportsDirectory(root.resolve("reports"))
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .apiUrl(SIM.baseUrl()).token(ApiToken.of("tok-pipeline"))
        .pollInterval(Duration.ofMillis(5)).maxPollInterval(Duration.ofMillis(25))
        .timeout(Duration.ofSeconds(30));
  }

  /** Keeps the order of the events that matter here. */
  private final GateListener listener = new GateListener() {
    @Override
    public void request(String method, String path) {
      if (method.equals("GET") && path.startsWith("/detect?")) {
        accessChecked.countDown();
      }
      if (method.equals("POST")) {
        events.add("upload");
        firstUpload.countDown();
      }
    }

    @Override
    public void progress(Progress p) {
      events.add("progress " + p.overallDone() + "/" + p.overallTotal());
    }

    @Override
    public void fileJudged(FileResult r) {
      events.add("judged " + r.path());
    }

    @Override
    public void debug(String message) {
      events.add("debug " + message);
    }

    @Override
    public void warn(String message) {
      events.add("warn " + message);
    }
  };

  @Test
  void theFirstBatchUploadsWhileLaterFilesAreStillBeingHashed() throws Exception {
    for (int i = 0; i < 120; i++) {
      file(String.format("media/take%03d.wav", i));
    }
    List<Boolean> uploadedBeforeHashed = new ArrayList<>();

    GateResult v = new GateRun(config().build(), listener,
        List.of(holding("media/take100.wav", uploadedBeforeHashed))).run();

    assertThat(uploadedBeforeHashed).containsExactly(true);
    assertThat(v.files()).hasSize(120)
        .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(v.totals().batches()).isEqualTo(3);
    assertThat(SIM.counters().batchPosts()).isEqualTo(3);
  }

  @Test
  void theAccessCheckStartsWithTheFirstContentToSendWhileTheFirstBatchIsStillHashed()
      throws Exception {
    for (int i = 0; i < 120; i++) {
      file(String.format("media/take%03d.wav", i));
    }
    List<Boolean> checkedBeforeHashed = new ArrayList<>();

    GateResult v = new GateRun(config().build(), listener,
        List.of(holding("media/take002.wav", accessChecked, checkedBeforeHashed))).run();

    assertThat(checkedBeforeHashed).as("events: %s", events).containsExactly(true);
    assertThat(SIM.counters().batchPosts()).isEqualTo(v.totals().batches());
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  /** Holds the hashing of {@code path} until an upload has started (or ten seconds): says which. */
  private ScanFilter holding(String path, List<Boolean> uploadedFirst) {
    return holding(path, firstUpload, uploadedFirst);
  }

  /** Holds the hashing of {@code path} until {@code event} (or ten seconds): says which. */
  private static ScanFilter holding(String path, CountDownLatch event, List<Boolean> seen) {
    return new ScanFilter() {
      @Override
      public String skipReason(Path file, ScannedFile scanned) {
        if (scanned.path().equals(path)) {
          try {
            seen.add(event.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return null;
      }
    };
  }

  @Test
  void aBudgetTheHashIndexAndTheCacheAlreadyProveLetsTheRunUploadWhileHashing() throws Exception {
    for (int i = 0; i < 100; i++) {
      Path old = file(String.format("a/take%03d.wav", i));
      // Older than the index's racy window, so the first run remembers its hash.
      Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
    }
    new GateRun(config().build(), GateListener.NONE, List.of()).run();
    for (int i = 100; i < 200; i++) {
      file(String.format("b/take%03d.wav", i));
    }
    List<Boolean> uploadedFirst = new ArrayList<>();

    // 200 candidates are more than maxFiles 150, but only the 100 new ones can need uploading.
    GateResult v = new GateRun(config().maxFiles(150).build(), listener,
        List.of(holding("b/take180.wav", uploadedFirst))).run();

    assertThat(uploadedFirst).as("events: %s", events).containsExactly(true);
    assertThat(v.totals().fromCache()).isEqualTo(100);
    assertThat(v.totals().uploaded()).isEqualTo(100);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void aBudgetOnlyTheWholePlanCanDecideIsDecidedBeforeAnythingIsSent() throws Exception {
    for (int i = 0; i < 120; i++) {
      file(String.format("media/take%03d.wav", i));
    }
    List<Boolean> uploadedFirst = new ArrayList<>();

    GateResult v = new GateRun(config().maxFiles(119).build(), listener,
        List.of(holding("media/take100.wav", uploadedFirst))).run();

    assertThat(uploadedFirst).containsExactly(false);
    assertThat(SIM.counters().batchPosts()).isZero();
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED));
  }

  @Test
  void aFileIsJudgedAsSoonAsItsResultArrivesNotWhenTheRunEnds() throws Exception {
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*-slow*", ScoringRules.REAL_SCORE)
        .withProcessingTime(Duration.ofMillis(1500))));
    file("media/fast.wav");
    file("media/slow.wav");

    GateResult v = new GateRun(config().maxFilesPerBatch(1).build(), listener, List.of()).run();

    assertThat(v.files()).extracting(FileResult::outcome)
        .containsExactly(Outcome.PASSED, Outcome.PASSED);
    assertThat(events).containsSubsequence("judged media/fast.wav", "progress 2/2");
    assertThat(events.stream().filter(e -> e.startsWith("judged"))).hasSize(2);
  }
}
