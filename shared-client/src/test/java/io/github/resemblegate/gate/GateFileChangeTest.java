package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.plan.BatchCutter;
import io.github.resemblegate.gate.internal.remote.PartMarker;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.Fault;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A file that changes while the gate runs never has a result filed under its old hash. */
class GateFileChangeTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
  }

  /** Runs {@code change} once the plan is made: after hashing, before any upload. */
  private static RecordingListener changingAfterPlan(Runnable change) {
    return new RecordingListener() {
      @Override
      public void planned(Plan plan) {
        super.planned(plan);
        change.run();
      }
    };
  }

  private ResultCache cache() {
    return new ResultCache(fx.cache, ResultKey.of(SIM.baseUrl(), BatchOptions.DEFAULTS), m -> { });
  }

  private List<String> uploadedNames() {
    List<String> names = new ArrayList<>();
    SIM.simulator().batches().forEach(b -> names.addAll(b.fileNames()));
    SIM.simulator().detects().stream().filter(d -> d.batchUuid() == null)
        .forEach(d -> names.add(d.fileName()));
    // Each upload carries its submission's mark; the file's own name is what repeats.
    return names.stream().map(PartMarker::bare).toList();
  }

  @Test
  void aFileThatChangesAfterHashingIsAnErrorAndIsNotUploaded() {
    fx.file("media/take1.wav", "first take");
    fx.file("media/take2.wav", "second take");
    GateResult v = Gate.run(fx.config().build(),
        changingAfterPlan(() -> fx.file("media/take1.wav", "first take, re-recorded")));

    FileResult changed = result(v, "media/take1.wav");
    assertThat(changed.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(changed.reason()).isEqualTo("changed while the gate was running (its size changed"
        + " from 10 to 23 bytes after it was hashed), so it was not submitted; re-run to check its"
        + " new content");
    assertThat(result(v, "media/take2.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(uploadedNames()).containsExactly("take2.wav");
    assertThat(cache().get(Sha256.ofText("first take"))).isNull();

    GateResult again = Gate.run(fx.config().build(), new RecordingListener());
    assertThat(result(again, "media/take1.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result(again, "media/take1.wav").sha256())
        .isEqualTo(Sha256.ofText("first take, re-recorded"));
  }

  @Test
  void aFileRewrittenWithTheSameSizeIsCaughtByItsModificationTime() {
    Path take = fx.file("media/take.wav", "take A");
    GateResult v = Gate.run(fx.config().build(), changingAfterPlan(() -> {
      fx.file("media/take.wav", "take B");
      touch(take, Duration.ofSeconds(5));
    }));
    assertThat(result(v, "media/take.wav").outcome()).isEqualTo(Outcome.ERROR);
    assertThat(result(v, "media/take.wav").reason()).startsWith("changed while the gate was"
        + " running (its content changed after it was hashed)");
    assertThat(uploadedNames()).isEmpty();
  }

  @Test
  void aFileOnlyTouchedAfterHashingIsUploadedAsUsual() {
    Path take = fx.file("media/take.wav", "take A");
    GateResult v = Gate.run(fx.config().build(),
        changingAfterPlan(() -> touch(take, Duration.ofSeconds(5))));
    assertThat(result(v, "media/take.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(uploadedNames()).containsExactly("take.wav");
  }

  @Test
  void aFileSentOnItsOwnIsCheckedToo() {
    fx.file("media/long-take.wav", "x".repeat(2_000));
    GateResult v = Gate.run(fx.config().maxBytesPerBatch(1_000).build(),
        changingAfterPlan(() -> fx.file("media/long-take.wav", "y".repeat(2_001))));
    assertThat(result(v, "media/long-take.wav").outcome()).isEqualTo(Outcome.ERROR);
    assertThat(SIM.counters().detectPosts()).isZero();
    assertThat(SIM.counters().batchPosts()).isZero();
  }

  @Test
  void aFileForASecureUploadIsCheckedBeforeItIsStored() throws Exception {
    // Larger than a direct upload may be, so it would go through a secure upload; sparse, so
    // the test writes next to nothing.
    Path big = fx.base.resolve("media/feature.mp4");
    Files.createDirectories(big.getParent());
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(BatchCutter.DIRECT_UPLOAD_LIMIT + 1);
    }
    RecordingListener listener = changingAfterPlan(() -> {
      try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
        f.setLength(BatchCutter.DIRECT_UPLOAD_LIMIT + 2);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    GateResult v = Gate.run(fx.config().maxBytesPerBatch(1_000).build(), listener);
    assertThat(listener.plans.get(0).singles()).singleElement()
        .satisfies(single -> assertThat(single.path()).isEqualTo("media/feature.mp4"));
    assertThat(result(v, "media/feature.mp4").outcome()).isEqualTo(Outcome.ERROR);
    assertThat(result(v, "media/feature.mp4").reason()).startsWith("changed while the gate was"
        + " running (its size changed");
    assertThat(SIM.counters().secureUploads()).isZero();
    assertThat(SIM.counters().detectPosts()).isZero();
  }

  @Test
  void aFileThatChangesWhileItIsUploadedIsAnErrorAndItsResultIsNotKept() throws Exception {
    fx.file("media/take1.wav", "first take");
    fx.file("media/take2.wav", "second take");
    // The batch is created at once; its answer comes late, and meanwhile take1 changes.
    SIM.faults().inject(Fault.slowResponse(Duration.ofSeconds(1)).on(Endpoint.CREATE_BATCH)
        .times(1));
    Thread editor = new Thread(() -> {
      Conditions.await("the batch to be created", () -> !SIM.simulator().batches().isEmpty());
      fx.file("media/take1.wav", "first take, longer");
    });
    editor.start();
    GateResult v = Gate.run(fx.config().build(), new RecordingListener());
    editor.join();

    FileResult changed = result(v, "media/take1.wav");
    assertThat(changed.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(changed.reason()).isEqualTo("changed while it was being uploaded (its size changed"
        + " from 10 to 18 bytes), so the result cannot be trusted for either version and is not"
        + " kept; re-run to check its new content");
    assertThat(result(v, "media/take2.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(cache().get(Sha256.ofText("first take"))).isNull();
    assertThat(cache().get(Sha256.ofText("second take"))).isNotNull();
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void aFileThatShrinksMidUploadFailsAloneAndTheRestOfItsBatchGoesAgain() {
    fx.file("media/take1.wav", "first take, the long one");
    fx.file("media/take2.wav", "second take");
    // Truncate take1 when the batch request starts, after the gate's own checks: the client
    // then finds it shorter than announced while streaming and cuts the request short.
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    RecordingListener truncating = new RecordingListener() {
      @Override
      public void request(String method, String path) {
        super.request(method, path);
        if (method.equals("POST") && path.endsWith("/detect/batch") && done.compareAndSet(false, true)) {
          fx.file("media/take1.wav", "short");
        }
      }
    };

    GateResult v = Gate.run(fx.config().build(), truncating);

    FileResult broken = result(v, "media/take1.wav");
    assertThat(broken.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(broken.reason()).contains("take1.wav").contains("shorter");
    assertThat(result(v, "media/take2.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(SIM.simulator().batches()).hasSize(1);
    assertThat(uploadedNames()).containsExactly("take2.wav");
    assertThat(cache().get(Sha256.ofText("second take"))).isNotNull();
  }

  private static void touch(Path file, Duration later) {
    try {
      FileTime t = Files.getLastModifiedTime(file);
      Files.setLastModifiedTime(file, FileTime.fromMillis(t.toMillis() + later.toMillis()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
