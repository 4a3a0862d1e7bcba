package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted run resumes from its journal and uploads nothing twice. */
class GateResumeTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
    for (int i = 0; i < 100; i++) {
      fx.file(String.format("media/f%03d.wav", i));
    }
  }

  /** Stands for Ctrl-C or a killed agent: throws once {@code after} batches were submitted. */
  private static GateListener killAfter(int after) {
    AtomicInteger submitted = new AtomicInteger();
    return new GateListener() {
      @Override
      public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
        if (submitted.incrementAndGet() == after) {
          throw new IllegalStateException("killed");
        }
      }
    };
  }

  /** Every submission the journals beside the cache hold. */
  private List<Submission> journaled() {
    List<Submission> all = new ArrayList<>();
    fx.journals().forEach(f -> all.addAll(Journal.read(f, m -> { }).values()));
    return all;
  }

  @Test
  void aRunAfterCleanResumesFromTheJournalBesideTheCacheWithoutUploadingAgain() throws Exception {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(2).build(), killAfter(2)))
        .hasMessage("killed");
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    // mvn clean: the reports folder, and everything else under target/, is gone.
    deleteTree(fx.reports);

    RecordingListener listener = new RecordingListener();
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(2);
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    assertThat(v.totals().uploaded()).isZero();
    assertThat(v.files()).hasSize(100)
        .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(listener.infos).anyMatch(m -> m.matches("Resuming (batch \\S+ \\(50 files\\)"
        + " submitted earlier|100 files submitted earlier, in 2 uploads); nothing is uploaded"
        + " again\\."));
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void aFreshWorkspaceWithTheSameFilesResumesAKilledRunsSubmissions() throws Exception {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(2).build(), killAfter(2)))
        .hasMessage("killed");
    // A retried CI job: another checkout of the same files, its own reports, the same cache.
    Path fresh = root.resolve("checkout-2");
    copyTree(fx.base, fresh);
    GateResult v = Gate.run(fx.config().baseDirectory(fresh)
        .reportsDirectory(root.resolve("reports-2")).build(), new RecordingListener());
    assertThat(v.totals().uploaded()).isZero();
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    assertThat(v.files()).hasSize(100)
        .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void aRunTakesOverOnlyTheSubmissionsOfItsOwnFiles() throws Exception {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(1).maxFilesPerBatch(50).build(),
        killAfter(1))).hasMessage("killed");
    assertThat(fx.counters().batchesCreated()).isEqualTo(1);
    List<String> left = journaled().stream().map(Submission::id).toList();
    assertThat(left).isNotEmpty();
    // Another project sharing the cache holds none of those files: it leaves them alone.
    Path other = root.resolve("other-project");
    Files.createDirectories(other.resolve("media"));
    Files.writeString(other.resolve("media/unrelated.wav"), "unrelated take");
    GateResult v = Gate.run(fx.config().baseDirectory(other)
        .reportsDirectory(root.resolve("reports-other")).build(), new RecordingListener());
    assertThat(v.totals().uploaded()).isEqualTo(1);
    assertThat(journaled()).extracting(Submission::id)
        .containsExactlyInAnyOrderElementsOf(left);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void aRunKilledAfterSubmittingResumesWithoutUploadingAgain() {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(2).build(), killAfter(2)))
        .hasMessage("killed");
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    assertThat(journaled()).hasSize(2).allMatch(Submission::accepted);

    RecordingListener listener = new RecordingListener();
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(2);
    assertThat(v.totals().uploaded()).isZero();
    assertThat(v.files()).hasSize(100)
        .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    // Results the killed run had already received were cached then; the rest is resumed.
    assertThat(SIM.simulator().batches()).extracting(b -> b.uuid())
        .containsAll(v.run().batchIds());
    assertThat(v.run().batchIds().size() * 50 + v.totals().fromCache()).isEqualTo(100);
    assertThat(listener.infos).anyMatch(m -> m.matches("Resuming (batch \\S+ \\(50 files\\)"
        + " submitted earlier|100 files submitted earlier, in 2 uploads); nothing is uploaded"
        + " again\\."));
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void resultsReceivedBeforeAKillAreKeptInTheCache() {
    ResultCache cache = new ResultCache(fx.cache, ResultKey.of(SIM.baseUrl(),
        io.github.resemblegate.client.BatchOptions.DEFAULTS), m -> { });
    // Listener calls are serialised, so the kill must not block inside one: the second batch is
    // kept busy for a while and the run is killed from a progress event once the first batch's
    // results are in the cache.
    java.util.concurrent.atomic.AtomicBoolean secondSubmitted =
        new java.util.concurrent.atomic.AtomicBoolean();
    GateListener killedOnceTheFirstBatchIsIn = new GateListener() {
      @Override
      public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
        if (batchIndex == 1) {
          SIM.simulator().processingTime(java.time.Duration.ofSeconds(2));
        } else {
          secondSubmitted.set(true);
        }
      }

      @Override
      public void progress(Progress progress) {
        if (secondSubmitted.get() && cache.get(Sha256.ofText("media/f049.wav")) != null) {
          throw new IllegalStateException("killed");
        }
      }
    };
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(1).build(),
        killedOnceTheFirstBatchIsIn)).hasMessage("killed");
    for (int i = 0; i < 100; i++) {
      String path = String.format("media/f%03d.wav", i);
      assertThat(cache.get(Sha256.ofText(path)) != null).as(path).isEqualTo(i < 50);
    }
    GateResult v = Gate.run(fx.config().build(), new RecordingListener());
    assertThat(v.totals().fromCache()).isEqualTo(50);
    assertThat(v.totals().uploaded()).isZero();
    assertThat(fx.counters().batchPosts()).isEqualTo(2);
  }

  @Test
  void aDryRunAfterAKillSaysTheJournalCoversTheFiles() {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(2).build(), killAfter(2)))
        .hasMessage("killed");
    long before = fx.counters().totalRequests();
    GateResult dry = Gate.run(fx.config().dryRun(true).build(), new RecordingListener());
    assertThat(fx.counters().totalRequests()).isEqualTo(before);
    // Results the killed run received are in the cache; the journal covers the rest.
    assertThat(dry.files()).allSatisfy(f -> {
      if (!f.cached()) {
        assertThat(f.reason())
            .matches("dry run: an earlier run submitted it in batch .+; a real run resumes it");
      }
    });
    assertThat(dry.files()).filteredOn(f -> !f.cached()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(journaled()).hasSize(2);
  }

  @Test
  void aRunKilledHalfWaySubmitsOnlyWhatWasNeverSent() {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(1).maxFilesPerBatch(25).build(),
        killAfter(1))).hasMessage("killed");
    // A run sending while it hashes may have created a second batch before the first was told:
    // whatever it created, the next run sends exactly the rest.
    long createdBeforeTheKill = fx.counters().batchesCreated();
    assertThat(createdBeforeTheKill).isPositive();

    GateResult v = Gate.run(fx.config().concurrency(1).maxFilesPerBatch(25).build(),
        new RecordingListener());
    assertThat(fx.counters().batchesCreated()).isEqualTo(4);
    assertThat(v.totals().uploaded()).isEqualTo(100 - 25 * createdBeforeTheKill);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void aRunWithOtherOptionsDoesNotAdoptTheBatchesOfAnother() {
    assertThatThrownBy(() -> Gate.run(fx.config().concurrency(2).build(), killAfter(2)))
        .hasMessage("killed");
    GateResult other = Gate.run(fx.config().batchOptions(
        io.github.resemblegate.client.BatchOptions.builder().frameLength(3).build()).build(),
        new RecordingListener());
    assertThat(other.totals().uploaded()).isEqualTo(100);
    assertThat(fx.counters().batchesCreated()).isEqualTo(4);
    // The first run's submissions are still there for a run with its options.
    assertThat(journaled()).hasSize(2);
    GateResult first = Gate.run(fx.config().build(), new RecordingListener());
    assertThat(first.totals().uploaded()).isZero();
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void anInterruptedThreadEndsTheRunAndTheNextRunResumes() throws Exception {
    SIM.simulator().processingTime(java.time.Duration.ofMillis(500));
    java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(2);
    GateListener listener = new GateListener() {
      @Override
      public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
        submitted.countDown();
      }
    };
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread runner = new Thread(() -> {
      try {
        Gate.run(fx.config().concurrency(2).build(), listener);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    runner.start();
    assertThat(submitted.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // Like a user pressing Ctrl-C until the build stops.
    while (runner.isAlive()) {
      runner.interrupt();
      runner.join(5);
    }
    assertThat(thrown.get()).isInstanceOf(GateException.class)
        .hasMessageStartingWith("The run was interrupted; run it again to resume");
    GateResult v = Gate.run(fx.config().build(), new RecordingListener());
    assertThat(v.totals().uploaded()).isZero();
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }
}
