package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.remote.PartMarker;
import io.github.resemblegate.gate.internal.share.ClaimHolderProbe;
import io.github.resemblegate.gate.internal.share.Claims;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.Fault;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel builds (mvn -T, two executors, two JVMs) share one cache without damaging it, and
 * content they share is uploaded by one of them only.
 */
class GateParallelTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Module {@code name} holds contents {@code from} (inclusive) to {@code to} (exclusive). */
  private GateFixture module(String name, int from, int to) {
    GateFixture fx = new GateFixture(SIM, root.resolve(name));
    for (int i = from; i < to; i++) {
      fx.file(String.format("media/c%02d.wav", i), "content " + i);
    }
    return fx;
  }

  private GateConfig.Builder sharedCache(GateFixture fx) {
    return fx.config().cacheDirectory(root.resolve("shared-cache"));
  }

  /** Every file name the simulator received in a batch or on its own; one per upload. */
  private static List<String> uploadedNames() {
    List<String> names = new ArrayList<>();
    SIM.simulator().batches().forEach(b -> names.addAll(b.fileNames()));
    SIM.simulator().detects().stream().filter(d -> d.batchUuid() == null)
        .forEach(d -> names.add(d.fileName()));
    // Each upload carries its submission's mark; the file's own name is what repeats.
    return names.stream().map(PartMarker::bare).toList();
  }

  private static List<String> names(int from, int to) {
    List<String> names = new ArrayList<>();
    for (int i = from; i < to; i++) {
      names.add(String.format("c%02d.wav", i));
    }
    return names;
  }

  private static void await(CountDownLatch latch, String what) {
    Conditions.await(what, () -> latch.getCount() == 0);
  }

  /** Blocks a run once its plan is made (its claims are held then) until {@code go} opens. */
  private static RecordingListener holdingAfterPlan(CountDownLatch go) {
    return new RecordingListener() {
      @Override
      public void planned(Plan plan) {
        super.planned(plan);
        await(go, "the other run to wait");
      }
    };
  }

  /** Opens {@code waiting} when the run says it waits for another build. */
  private static RecordingListener signallingWait(CountDownLatch waiting) {
    return new RecordingListener() {
      @Override
      public void info(String message) {
        super.info(message);
        if (message.startsWith("Waiting for another build")) {
          waiting.countDown();
        }
      }
    };
  }

  private void assertAllCachedAfterwards() {
    GateFixture all = module("all", 0, 60);
    long before = SIM.counters().totalRequests();
    RecordingListener listener = new RecordingListener();
    GateResult v = Gate.run(sharedCache(all).build(), listener);
    assertThat(SIM.counters().totalRequests()).isEqualTo(before);
    assertThat(v.files()).hasSize(60).allSatisfy(f -> {
      assertThat(f.cached()).isTrue();
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
    });
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void twoThreadsUploadSharedContentOnce() throws Exception {
    GateFixture a = module("a", 0, 40);
    GateFixture b = module("b", 20, 60);
    List<Future<GateResult>> runs = new ArrayList<>();
    for (GateFixture fx : List.of(a, b)) {
      runs.add(pool.submit(() -> Gate.run(sharedCache(fx).build(), new RecordingListener())));
    }
    for (Future<GateResult> run : runs) {
      GateResult v = run.get(60, TimeUnit.SECONDS);
      assertThat(v.decision().verdict()).isEqualTo(Verdict.PASSED);
      assertThat(v.files()).hasSize(40)
          .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    }
    assertThat(uploadedNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        names(0, 60));
    assertAllCachedAfterwards();
  }

  @Test
  void twoJvmsUploadSharedContentOnce() throws Exception {
    GateFixture a = module("a", 0, 40);
    GateFixture b = module("b", 20, 60);
    List<Process> processes = new ArrayList<>();
    for (GateFixture fx : List.of(a, b)) {
      processes.add(new ProcessBuilder(java(), "-Xmx128m", "-cp",
          System.getProperty("java.class.path"), ParallelRunProbe.class.getName(),
          SIM.baseUrl(), fx.base.toString(), root.resolve("shared-cache").toString(),
          fx.reports.toString()).redirectErrorStream(true).start());
    }
    for (Process p : processes) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as(out).contains("status=PASSED files=40 passed=40 warnings=0");
    }
    assertThat(uploadedNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        names(0, 60));
    assertAllCachedAfterwards();
  }

  @Test
  void aRunWaitsForTheSharedContentAnotherRunIsAnalysing() throws Exception {
    GateFixture a = module("a", 0, 30);
    GateFixture b = module("b", 20, 40);
    CountDownLatch bWaits = new CountDownLatch(1);
    RecordingListener aListener = holdingAfterPlan(bWaits);
    RecordingListener bListener = signallingWait(bWaits);
    Future<GateResult> runA = pool.submit(() -> Gate.run(sharedCache(a).build(), aListener));
    Conditions.await("a's plan", () -> !aListener.plans.isEmpty());
    Future<GateResult> runB = pool.submit(() -> Gate.run(sharedCache(b).build(), bListener));
    GateResult va = runA.get(60, TimeUnit.SECONDS);
    GateResult vb = runB.get(60, TimeUnit.SECONDS);

    assertThat(bListener.infos).contains("Waiting for another build that is analysing 10 files"
        + " shared with this one, so they are billed once.");
    assertThat(bListener.plans.get(0).batches()).singleElement()
        .satisfies(batch -> assertThat(batch.paths()).hasSize(10)
            .allMatch(p -> p.compareTo("media/c30.wav") >= 0));
    assertThat(va.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(vb.files()).hasSize(20).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.cached()).isEqualTo(f.path().compareTo("media/c30.wav") < 0);
    });
    assertThat(result(vb, "media/c25.wav").detectId())
        .isEqualTo(result(va, "media/c25.wav").detectId());
    assertThat(vb.totals().fromCache()).isEqualTo(10);
    assertThat(vb.totals().uploaded()).isEqualTo(10);
    assertThat(uploadedNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        names(0, 40));
  }

  @Test
  void whenTheOwnersDetectionFailsTheWaiterReportsTheSameErrorWithoutUploadingAgain()
      throws Exception {
    SIM.simulator().rules(ScoringRules.of(ScoringRule.failing("*-corrupt*",
        "Audio stream unreadable")));
    GateFixture a = module("a", 0, 3);
    a.file("media/corrupt-jingle.wav", "jingle");
    GateFixture b = module("b", 3, 5);
    b.file("media/corrupt-jingle.wav", "jingle");
    CountDownLatch bWaits = new CountDownLatch(1);
    RecordingListener aListener = holdingAfterPlan(bWaits);
    Future<GateResult> runA = pool.submit(() -> Gate.run(sharedCache(a).build(), aListener));
    Conditions.await("a's plan", () -> !aListener.plans.isEmpty());
    Future<GateResult> runB = pool.submit(() -> Gate.run(sharedCache(b).build(),
        signallingWait(bWaits)));
    GateResult va = runA.get(60, TimeUnit.SECONDS);
    GateResult vb = runB.get(60, TimeUnit.SECONDS);

    FileResult owner = result(va, "media/corrupt-jingle.wav");
    FileResult waiter = result(vb, "media/corrupt-jingle.wav");
    assertThat(owner.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(owner.reason()).isEqualTo("the API could not analyse this file: Audio stream"
        + " unreadable; re-running will not help");
    assertThat(waiter.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(waiter.reason()).isEqualTo("the API could not analyse this file: Audio stream"
        + " unreadable; re-running will not help; another build running at the same time got this answer for the same"
        + " content, so it was not submitted again");
    assertThat(waiter.detectId()).isEqualTo(owner.detectId());
    assertThat(vb.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(uploadedNames()).filteredOn(n -> n.startsWith("corrupt")).hasSize(1);
    // A later build tries the failed content again, as after any failed detection.
    Gate.run(sharedCache(b).build(), new RecordingListener());
    assertThat(uploadedNames()).filteredOn(n -> n.startsWith("corrupt")).hasSize(2);
  }

  @Test
  void whenTheOwnerIsRefusedTheWaiterSubmitsTheContentItself() throws Exception {
    GateFixture a = module("a", 0, 3);
    GateFixture b = module("b", 1, 3);
    SIM.faults().inject(Fault.insufficientCredit().on(Endpoint.CREATE_BATCH).times(1));
    CountDownLatch bWaits = new CountDownLatch(1);
    RecordingListener aListener = holdingAfterPlan(bWaits);
    RecordingListener bListener = signallingWait(bWaits);
    Future<GateResult> runA = pool.submit(() -> Gate.run(sharedCache(a).build(), aListener));
    Conditions.await("a's plan", () -> !aListener.plans.isEmpty());
    Future<GateResult> runB = pool.submit(() -> Gate.run(sharedCache(b).build(), bListener));
    GateResult va = runA.get(60, TimeUnit.SECONDS);
    GateResult vb = runB.get(60, TimeUnit.SECONDS);

    assertThat(va.files()).allSatisfy(f -> assertThat(f.reason())
        .startsWith("The Resemble wallet cannot pay for"));
    assertThat(vb.files()).hasSize(2).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.cached()).isFalse();
    });
    assertThat(bListener.infos).contains("Another build stopped without a result for 2 files"
        + " shared with this one; submitting them from this build.");
    assertThat(SIM.counters().batchesCreated()).isEqualTo(1);
    assertThat(uploadedNames()).containsExactlyInAnyOrderElementsOf(names(1, 3));
  }

  @Test
  void twoRefreshingRunsAskTheApiAgainOnceForSharedContent() throws Exception {
    GateFixture a = module("a", 0, 2);
    GateFixture b = module("b", 0, 2);
    Gate.run(sharedCache(a).build(), new RecordingListener());
    CountDownLatch bWaits = new CountDownLatch(1);
    RecordingListener aListener = holdingAfterPlan(bWaits);
    Future<GateResult> runA = pool.submit(() -> Gate.run(sharedCache(a).refresh(true).build(),
        aListener));
    Conditions.await("a's plan", () -> !aListener.plans.isEmpty());
    Future<GateResult> runB = pool.submit(() -> Gate.run(sharedCache(b).refresh(true).build(),
        signallingWait(bWaits)));
    GateResult va = runA.get(60, TimeUnit.SECONDS);
    GateResult vb = runB.get(60, TimeUnit.SECONDS);

    assertThat(SIM.counters().batchesCreated()).isEqualTo(2);
    assertThat(va.files()).allSatisfy(f -> assertThat(f.cached()).isFalse());
    assertThat(vb.files()).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.detectId()).isEqualTo(result(va, f.path()).detectId());
    });
  }

  @Test
  void aClaimOfAKilledProcessIsTakenOver() throws Exception {
    GateFixture fx = module("a", 0, 2);
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), ClaimHolderProbe.class.getName(), SIM.baseUrl(),
        root.resolve("shared-cache").toString()));
    command.add(Sha256.ofText("content 0"));
    command.add(Sha256.ofText("content 1"));
    Process holder = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("holding 2");

      // While that build lives, this one waits for it, up to its own timeout.
      GateResult waited = Gate.run(sharedCache(fx).timeout(Duration.ofMillis(200)).build(),
          new RecordingListener());
      assertThat(waited.files()).hasSize(2).allSatisfy(f -> {
        assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(f.reason()).isEqualTo("timed out after 200ms waiting for another build"
            + " running at the same time that is analysing the same content; re-run to use its"
            + " result");
      });
      assertThat(SIM.counters().totalRequests()).isZero();
    } finally {
      holder.destroyForcibly();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    GateResult v = Gate.run(sharedCache(fx).build(), new RecordingListener());
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(uploadedNames()).containsExactlyInAnyOrderElementsOf(names(0, 2));
  }

  @Test
  void aClaimOfARunWhoseThreadEndedIsTakenOver() throws Exception {
    GateFixture fx = module("a", 0, 1);
    ResultKey key = ResultKey.of(SIM.baseUrl(),
        io.github.resemblegate.client.BatchOptions.DEFAULTS);
    Thread lost = new Thread(() -> new Claims(root.resolve("shared-cache"), key, m -> { })
        .claim(Sha256.ofText("content 0")));
    lost.start();
    lost.join();
    GateResult v = Gate.run(sharedCache(fx).build(), new RecordingListener());
    assertThat(result(v, "media/c00.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(uploadedNames()).containsExactly("c00.wav");
  }

  @Test
  void aSubmissionOfAKilledRunIsCollectedByTheNextBuildWithoutUploadingAgain() {
    GateFixture a = module("a", 0, 3);
    GateFixture b = module("b", 0, 3);
    GateListener killedAfterSubmitting = new GateListener() {
      @Override
      public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
        throw new IllegalStateException("killed");
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gate.run(sharedCache(a).build(),
        killedAfterSubmitting)).hasMessage("killed");
    assertThat(SIM.counters().batchesCreated()).isEqualTo(1);

    RecordingListener listener = new RecordingListener();
    GateResult v = Gate.run(sharedCache(b).build(), listener);
    assertThat(v.files()).hasSize(3).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.batchId()).isEqualTo(SIM.simulator().batches().get(0).uuid());
    });
    assertThat(v.totals().uploaded()).isZero();
    assertThat(SIM.counters().batchPosts()).isEqualTo(1);
    // The killed build's journal is beside the shared cache: the next build takes it over.
    assertThat(listener.infos).contains("Resuming batch " + SIM.simulator().batches().get(0).uuid()
        + " (3 files) submitted earlier; nothing is uploaded again.");
    // The killed build, run again, finds everything in the cache.
    long before = SIM.counters().totalRequests();
    GateResult again = Gate.run(sharedCache(a).build(), new RecordingListener());
    assertThat(again.files()).allMatch(FileResult::cached);
    assertThat(SIM.counters().totalRequests()).isEqualTo(before);
    assertThat(GateFixture.journals(root)).isEmpty();
  }

  @Test
  void aDryRunClaimsNothing() {
    GateFixture fx = module("a", 0, 2);
    GateResult v = Gate.run(sharedCache(fx).dryRun(true).build(), new RecordingListener());
    assertThat(v.files()).allSatisfy(f -> assertThat(f.reason()).startsWith("dry run:"));
    assertThat(root.resolve("shared-cache").resolve("claims")).doesNotExist();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
