package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.internal.archive.TestZips;
import io.github.resemblegate.gate.internal.probe.MediaProbeTest;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.report.Reports;
import io.github.resemblegate.simulator.ReceivedBatch;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Media inside a zip archive the build ships is unpacked once and judged entry by entry. */
class GateArchiveEntriesTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*fake.wav", 0.97)));
  }

  /** A WAV of noise: real media to the content check, and barely compressible. */
  private static byte[] wav(long seed) {
    byte[] b = MediaProbeTest.wav(8000, 4000);
    byte[] noise = new byte[4000];
    new Random(seed).nextBytes(noise);
    System.arraycopy(noise, 0, b, 44, noise.length);
    return b;
  }

  private Path zip(String rel, Map<String, byte[]> entries) throws IOException {
    Path file = TestZips.write(fx.base.resolve(rel), entries);
    // Older than the racy window, so the archive's list of entries is kept for the next run.
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    return file;
  }

  private Path bundle() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("vo/intro.wav", wav(1));
    entries.put("vo/fake.wav", wav(2));
    entries.put("../evil.wav", wav(3));
    entries.put("README.txt", "read me".getBytes(StandardCharsets.UTF_8));
    return zip("dist/bundle.zip", entries);
  }

  @Test
  void eachMediaEntryIsUploadedUnderItsOwnNameAndJudgedUnderItsPathInTheArchive()
      throws IOException {
    bundle();

    GateResult v = Gate.run(fx.config().contentCheck(true).build(), listener);

    assertThat(v.files()).extracting(FileResult::path).containsExactly(
        "dist/bundle.zip!/../evil.wav", "dist/bundle.zip!/vo/fake.wav",
        "dist/bundle.zip!/vo/intro.wav");
    assertThat(result(v, "dist/bundle.zip!/vo/intro.wav").outcome()).isEqualTo(Outcome.PASSED);
    FileResult fake = result(v, "dist/bundle.zip!/vo/fake.wav");
    assertThat(fake.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(fake.score()).isEqualTo(0.97);
    FileResult evil = result(v, "dist/bundle.zip!/../evil.wav");
    assertThat(evil.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(evil.reason()).contains("climbs out with ../");
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    // The API saw the entries' own file names (behind the run's mark), one batch of two.
    List<ReceivedBatch> batches = SIM.simulator().batches();
    assertThat(batches).singleElement().satisfies(b -> assertThat(b.fileNames())
        .hasSize(2).anySatisfy(n -> assertThat(n).endsWith("-intro.wav"))
        .anySatisfy(n -> assertThat(n).endsWith("-fake.wav")));
    // Every report names the entries by their path inside the archive; SARIF keeps the "!" as
    // is, since RFC 3986 allows it in a path segment (as jar: URLs use it).
    Path out = root.resolve("out");
    Reports.write(v, EnumSet.allOf(ReportFormat.class), out);
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(Files.readString(out.resolve(format.fileName()))).as(format.name())
          .contains("dist/bundle.zip!/vo/fake.wav");
    }
    // Nothing was written beside the archive or above it.
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(p -> p.getFileName().toString().equals("evil.wav")))
          .isEmpty();
    }
  }

  @Test
  void anUnchangedArchiveIsNeitherUnpackedNorPaidForAgainAfterClean() throws IOException {
    bundle();
    Gate.run(fx.config().build(), listener);
    long posts = fx.counters().batchPosts();
    assertThat(listener.debugs).anySatisfy(d -> assertThat(d)
        .startsWith("Unpacked 2 of the 2 media entries of dist/bundle.zip"));
    deleteTree(fx.reports); // mvn clean: the cache lives elsewhere

    RecordingListener again = new RecordingListener();
    GateResult v = Gate.run(fx.config().build(), again);

    assertThat(again.debugs).anySatisfy(d -> assertThat(d)
        .startsWith("Unpacked 0 of the 2 media entries of dist/bundle.zip"));
    assertThat(fx.counters().batchPosts()).isEqualTo(posts);
    assertThat(result(v, "dist/bundle.zip!/vo/fake.wav").cached()).isTrue();
    assertThat(result(v, "dist/bundle.zip!/vo/fake.wav").score()).isEqualTo(0.97);
  }

  @Test
  void aChangedEntryIsUnpackedAndCheckedAgain() throws IOException {
    bundle();
    Gate.run(fx.config().build(), listener);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("vo/intro.wav", wav(1));
    entries.put("vo/fake.wav", wav(4));
    zip("dist/bundle.zip", entries);

    RecordingListener again = new RecordingListener();
    GateResult v = Gate.run(fx.config().build(), again);

    assertThat(again.debugs).anySatisfy(d -> assertThat(d)
        .startsWith("Unpacked 2 of the 2 media entries of dist/bundle.zip"));
    FileResult fake = result(v, "dist/bundle.zip!/vo/fake.wav");
    assertThat(fake.cached()).isFalse();
    assertThat(fake.score()).isEqualTo(0.97);
    assertThat(result(v, "dist/bundle.zip!/vo/intro.wav").cached()).isTrue();
  }

  @Test
  void withoutACacheEntriesAreUnpackedForTheRunAndDeletedAfterIt() throws IOException {
    bundle();

    GateResult v = Gate.run(fx.config().noCache().build(), listener);

    assertThat(result(v, "dist/bundle.zip!/vo/fake.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(result(v, "dist/bundle.zip!/vo/intro.wav").outcome()).isEqualTo(Outcome.PASSED);
    try (Stream<Path> left = Files.list(fx.reports)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("unpacked"));
    }
  }

  @Test
  void anEntryThatIsNotTheMediaItsNameClaimsIsSkippedByTheContentCheck() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("vo/notes.wav", "just some text, not audio at all".repeat(3)
        .getBytes(StandardCharsets.UTF_8));
    zip("dist/bundle.zip", entries);

    GateResult v = Gate.run(fx.config().contentCheck(true).build(), listener);

    assertThat(v.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("dist/bundle.zip!/vo/notes.wav");
      assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(f.reason()).startsWith("not media");
    });
    assertThat(fx.counters().batchPosts()).isZero();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
