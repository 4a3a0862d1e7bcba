package io.github.resemblegate.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree moves under the gate: a symbolic link loop while it scans, files deleted or rewritten
 * after they were hashed and before they are uploaded. The run must end, report every file, and
 * never judge a file by content it did not send.
 */
class ScanAndUploadRacesTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir
  Path root;

  private Path base;

  @BeforeEach
  void folder() throws IOException {
    base = Files.createDirectories(root.resolve("media"));
  }

  @Test
  void symbolicLinkLoopsEndTheScanCleanly() throws IOException {
    Path real = Files.createDirectories(base.resolve("real"));
    write(real.resolve("song.wav"), "song");
    write(real.resolve("deeper").resolve("take.wav"), "take");
    Files.createSymbolicLink(real.resolve("loop"), Path.of(".."));
    Files.createSymbolicLink(real.resolve("deeper").resolve("back-up"), Path.of("../../real"));
    Files.createSymbolicLink(real.resolve("self.wav"), Path.of("self.wav"));

    Transcript transcript = new Transcript();
    GateResult verdict = Gate.run(config(), transcript);

    assertThat(verdict.files()).extracting(FileResult::path)
        .containsExactlyInAnyOrder("real/deeper/take.wav", "real/self.wav", "real/song.wav");
    assertThat(result(verdict, "real/song.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result(verdict, "real/deeper/take.wav").outcome()).isEqualTo(Outcome.PASSED);
    FileResult self = result(verdict, "real/self.wav");
    assertThat(self.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(self.reason()).isNotBlank();
    assertThat(transcript.text()).contains("loop");
  }

  @Test
  void aFileDeletedAfterTheScanIsReportedWithAReason() throws IOException {
    write(base.resolve("keep.wav"), "keep");
    Path gone = write(base.resolve("vanish.wav"), "vanish");

    GateResult verdict = Gate.run(config(), new Transcript().onPlanned(plan -> delete(gone)));

    assertThat(verdict.files()).extracting(FileResult::path)
        .containsExactlyInAnyOrder("keep.wav", "vanish.wav");
    assertUnjudgedWithReason(result(verdict, "vanish.wav"));
  }

  @Test
  void filesBesideADeletedOneAreStillJudged() throws IOException {
    write(base.resolve("keep.wav"), "keep");
    write(base.resolve("keep-too.wav"), "keep too");
    Path gone = write(base.resolve("vanish.wav"), "vanish");

    GateResult verdict = Gate.run(config(), new Transcript().onPlanned(plan -> delete(gone)));

    assertThat(result(verdict, "keep.wav").outcome()).as(result(verdict, "keep.wav").reason())
        .isEqualTo(Outcome.PASSED);
    assertThat(result(verdict, "keep-too.wav").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aFileThatGrowsBetweenHashingAndUploadIsNotJudgedByItsOldContent() throws IOException {
    write(base.resolve("keep.wav"), "keep");
    Path grows = write(base.resolve("grows.wav"), "grows");

    GateResult verdict = Gate.run(config(), new Transcript().onPlanned(plan ->
        append(grows, " and grows")));

    assertThat(verdict.files()).hasSize(2);
    assertUnjudgedWithReason(result(verdict, "grows.wav"));
  }

  @Test
  void aFileRewrittenInPlaceBetweenHashingAndUploadIsNotJudgedByItsOldHash() throws IOException {
    write(base.resolve("keep.wav"), "keep");
    Path rewritten = write(base.resolve("rewritten.wav"), "original take");

    // Same length, other bytes: the hash the gate computed no longer describes what it sends.
    GateResult verdict = Gate.run(config(), new Transcript().onPlanned(plan ->
        write(rewritten, "replaced take")));

    assertThat(verdict.files()).hasSize(2);
    assertUnjudgedWithReason(result(verdict, "rewritten.wav"));
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertUnjudgedWithReason(FileResult f) {
    assertThat(f.outcome()).as("%s: %s (%s)", f.path(), f.outcome(), f.reason())
        .isIn(Outcome.ERROR, Outcome.SKIPPED);
    assertThat(f.reason()).as(f.path()).isNotBlank();
  }

  private static FileResult result(GateResult v, String path) {
    return v.files().stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + path + " in " + v.files()));
  }

  private GateConfig config() {
    return GateConfig.builder()
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .baseDirectory(base)
        .apiUrl(SIM.baseUrl())
        .token(ApiToken.of("races-token"))
        .cacheDirectory(root.resolve("cache"))
        .reportsDirectory(root.resolve("reports"))
        .pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(20))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static Path write(Path p, String content) {
    try {
      Files.createDirectories(p.getParent());
      return Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Path p, String content) {
    try {
      Files.writeString(p, content, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
