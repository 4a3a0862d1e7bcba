package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.MediaExtensions;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.policy.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole runs that need no server: dry runs, the budget guard, empty matches, cache-only runs. */
class GateLocalTest {

  /** Nothing listens here: any request would fail the run loudly. */
  private static final String DEAD_API = "http://127.0.0.1:9/api/v2";

  @TempDir Path base;
  @TempDir Path cache;
  @TempDir Path reports;
  private final RecordingListener listener = new RecordingListener();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private Path file(String rel, String content) throws IOException {
    Path p = base.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private GateConfig.Builder config() {
    return GateConfig.builder().baseDirectory(base).cacheDirectory(cache)
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .reportsDirectory(reports).apiUrl(DEAD_API).clock(clock);
  }

  private void cacheResult(String content, double score) {
    new ResultCache(cache, ResultKey.of(DEAD_API, BatchOptions.DEFAULTS), listener::warn)
        .put(Sha256.ofText(content), new Analysis("d-" + content, "b-1", MediaType.AUDIO,
            new ScoreReading.Scored(score, "metrics.aggregated_score"), "fake", null, null,
            List.of(score), 2.0, null));
  }

  private static FileResult result(GateResult v, String path) {
    return v.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void dryRunSubmitsNothingAndSaysWhichBatchEachFileWouldGoIn() throws IOException {
    for (int i = 0; i < 120; i++) {
      file(String.format("media/f%03d.wav", i), "content " + i);
    }
    GateResult v = Gate.run(config().dryRun(true).build(), listener);
    assertThat(listener.plans).singleElement().satisfies(p -> {
      assertThat(p.batches()).extracting(b -> b.paths().size()).containsExactly(50, 50, 20);
      assertThat(p.matchedFiles()).isEqualTo(120);
    });
    assertThat(result(v, "media/f060.wav").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result(v, "media/f060.wav").reason())
        .isEqualTo("dry run: would be submitted in batch 2/3");
    assertThat(v.decision().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(v.run().dryRun()).isTrue();
    assertThat(v.decision().sentence()).startsWith("Would send 120 files, ")
        .endsWith(", in 3 batches and 0 single requests; this dry run sent and judged nothing.");
    assertThat(listener.requests).isEmpty();
    assertThat(GateFixture.journals(cache, reports)).isEmpty();
  }

  @Test
  void dryRunStillJudgesCacheHits() throws IOException {
    file("a.wav", "known");
    file("b.wav", "new");
    cacheResult("known", 0.9);
    GateResult v = Gate.run(config().dryRun(true).build(), listener);
    assertThat(result(v, "a.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(result(v, "a.wav").cached()).isTrue();
    assertThat(result(v, "b.wav").reason()).isEqualTo("dry run: would be submitted in batch 1/1");
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
  }

  @Test
  void budgetGuardSubmitsNothingAndSaysHowToRaiseTheLimit() throws IOException {
    file("a.wav", "a");
    file("b.wav", "b");
    file("c.wav", "c");
    cacheResult("c", 0.1);
    GateResult v = Gate.run(config().maxFiles(1).token(ApiToken.of("secret-token")).build(),
        listener);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().failureKind()).isEqualTo(FailureKind.BUDGET);
    assertThat(v.decision().sentence()).isEqualTo("This run would upload 2 of the 3 matched files,"
        + " more than maxFiles 1 allows, so nothing was sent; raise maxFiles, 0 means no limit, or"
        + " narrow the includes.");
    assertThat(result(v, "a.wav").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result(v, "a.wav").reason()).isEqualTo("not submitted: this run would upload 2"
        + " files (of 3 matched), more than maxFiles 1");
    assertThat(result(v, "c.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(listener.requests).isEmpty();
  }

  @ParameterizedTest(name = "onEmpty={0} -> {1}")
  @CsvSource({"FAIL, FAILED, EMPTY", "WARN, UNSTABLE, EMPTY", "IGNORE, PASSED, NONE"})
  void anEmptyMatchFollowsOnEmptyAndNamesWhereItLooked(Reaction onEmpty, Verdict status,
      FailureKind kind) throws IOException {
    file("src/Main.java", "class Main {}");
    Policy policy = new Policy(0.5, Map.of(), null, null, null, null, onEmpty, null, List.of());
    GateResult v = Gate.run(config().includes(List.of("media/**/*.wav")).policy(policy).build(),
        listener);
    assertThat(v.decision().verdict()).isEqualTo(status);
    assertThat(v.decision().failureKind()).isEqualTo(kind);
    assertThat(v.files()).isEmpty();
    assertThat(v.decision().sentence()).isEqualTo("No media files matched in " + base + " with includes"
        + " [media/**/*.wav] and excludes []; check the base directory and the patterns (media"
        + " extensions: " + MediaExtensions.describe() + ").");
  }

  @Test
  void filesThatAreNotTheMediaTheirNamesClaimAreSkippedBeforeAnythingIsPlanned()
      throws IOException {
    file("vo/script.wav", "Intro script, take 3.\nRead slowly.\n");
    Files.write(base.resolve("vo/silence.mp3"), new byte[50_000]);
    byte[] noise = new byte[200_000];
    new java.util.Random(18).nextBytes(noise);
    Files.write(base.resolve("vo/noise.wav"), noise);
    Files.write(base.resolve("vo/intro.wav"), io.github.resemblegate.gate.internal.probe
        .MediaProbeTest.wav(8000, 800));
    GateResult v = Gate.run(config().contentCheck(true).dryRun(true).build(), listener);
    assertThat(result(v, "vo/script.wav").reason()).isEqualTo("not media: its bytes look like"
        + " text (text/plain), not the audio a .wav file holds");
    assertThat(result(v, "vo/silence.mp3").reason())
        .isEqualTo("not media: its bytes are all zeros, not the audio a .mp3 file holds");
    assertThat(result(v, "vo/noise.wav").reason()).startsWith("not media: its bytes match no"
        + " known format");
    assertThat(result(v, "vo/intro.wav").reason())
        .isEqualTo("dry run: would be submitted in batch 1/1");
    assertThat(listener.plans).singleElement()
        .satisfies(p -> assertThat(p.batches()).singleElement()
            .satisfies(b -> assertThat(b.paths()).containsExactly("vo/intro.wav")));
  }

  @Test
  void includesTheUserTypedThatMatchNothingFailTheRunByDefault() throws IOException {
    file("media/intro.wav", "intro");
    GateResult v = Gate.run(config().includes(List.of("media/**/*.wva")).build(), listener);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().failureKind()).isEqualTo(FailureKind.EMPTY);
    assertThat(v.decision().sentence()).startsWith("No media files matched in " + base
        + " with includes [media/**/*.wva] and excludes []; check the base directory");
    assertThat(listener.requests).isEmpty();
  }

  @Test
  void theDefaultIncludesFindingNoMediaPassQuietly() throws IOException {
    file("src/Main.java", "class Main {}");
    GateResult v = Gate.run(config().defaultIncludes(List.of("src/main/media/**")).build(),
        listener);
    assertThat(v.decision()).isEqualTo(new Decision(Verdict.PASSED, FailureKind.NONE,
        "No media files in " + base + " under the default includes; nothing to check."));
    assertThat(v.files()).isEmpty();
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void mediaTheDefaultIncludesFoundButNoneCheckableFollowOnEmpty() throws IOException {
    file("src/main/media/placeholder.wav", "");
    GateResult v = Gate.run(config().build(), listener);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().failureKind()).isEqualTo(FailureKind.EMPTY);
    assertThat(v.files()).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED));
  }

  @Test
  void aRunWithoutMediaWritesNothingIntoTheCacheOrTheReportsFolder() throws IOException {
    file("src/Main.java", "class Main {}");
    GateResult v = Gate.run(config().build(), listener);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.PASSED);
    // No hash index, cache entry, claim or journal: a build without media stays cheap.
    try (var inCache = Files.list(cache); var inReports = Files.list(reports)) {
      assertThat(inCache).isEmpty();
      assertThat(inReports).isEmpty();
    }
  }

  @Test
  void aRunStoppedAfterItsScanHandsOutEveryMatchedFileForTheReports() throws IOException {
    file("vo/a.wav", "a");
    file("vo/b.wav", "b");
    file("vo/empty.wav", "");
    GateException stopped = catchThrowableOfType(GateException.class,
        () -> Gate.run(config().build(), listener));

    assertThat(stopped.getMessage()).startsWith("No Resemble API token was provided.");
    assertThat(stopped.matchedFiles()).containsExactly("vo/a.wav", "vo/b.wav", "vo/empty.wav");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cache", "reports"})
  void aFolderSettingThatNamesAFileStopsTheRunWithOneSentenceBeforeAnythingIsRead(String setting)
      throws IOException {
    file("vo/a.wav", "a");
    file("vo/b.wav", "b");
    Path notAFolder = Files.writeString(cache.resolve(setting + ".txt"), "a file, not a folder");
    GateConfig.Builder b = config().token(ApiToken.of("tok-5e0a"));
    b = setting.equals("cache") ? b.cacheDirectory(notAFolder) : b.reportsDirectory(notAFolder);
    GateConfig c = b.build();

    GateException stopped = catchThrowableOfType(GateException.class,
        () -> Gate.run(c, listener));

    assertThat(stopped.getMessage()).isEqualTo("The " + setting + " directory " + notAFolder
        + " is a file, not a folder; choose another " + setting + " directory or delete the"
        + " file.");
    assertThat(stopped.matchedFiles()).containsExactly("vo/a.wav", "vo/b.wav");
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void aGateExceptionKnowsNoFilesUntilTheCoreSaysWhichMatched() {
    GateException e = new GateException("Stopped.");

    assertThat(e.matchedFiles()).isEmpty();
    assertThat(e.withMatchedFiles(List.of("a.wav")).matchedFiles()).containsExactly("a.wav");
    assertThat(e.withMatchedFiles(List.of("b.wav")).matchedFiles())
        .as("the first list, from the run that stopped, stays").containsExactly("a.wav");
  }

  @Test
  void refusesToSubmitWithoutATokenBeforeAnyRequest() throws IOException {
    file("a.wav", "a");
    assertThatThrownBy(() -> Gate.run(config().tokenAdvice("Add <token> to the plugin.").build(),
        listener))
        .isInstanceOf(GateException.class)
        .hasMessage("No Resemble API token was provided. Add <token> to the plugin.");
    assertThat(listener.requests).isEmpty();
  }

  @Test
  void aFullyCachedRunNeedsNoTokenAndMakesNoRequest() throws IOException {
    file("src/main/resources/x.wav", "same");
    file("target/classes/x.wav", "same");
    cacheResult("same", 0.2);
    GateResult v = Gate.run(config().build(), listener);
    assertThat(v.files()).extracting(FileResult::path)
        .containsExactly("src/main/resources/x.wav", "target/classes/x.wav");
    assertThat(v.files()).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.cached()).isTrue();
      assertThat(f.score()).isEqualTo(0.2);
    });
    assertThat(v.totals().fromCache()).isEqualTo(2);
    assertThat(v.totals().uniqueContents()).isEqualTo(1);
    assertThat(v.totals().uploaded()).isZero();
    assertThat(listener.requests).isEmpty();
    assertThat(listener.judged).hasSize(2);
    assertThat(listener.finished).isEqualTo(v);
  }

  @Test
  void aThresholdChangeReJudgesFromTheCache() throws IOException {
    file("a.wav", "a");
    cacheResult("a", 0.42);
    assertThat(Gate.run(config().build(), listener).decision().verdict()).isEqualTo(Verdict.PASSED);
    Policy strict = new Policy(0.4, Map.of(), null, null, null, null, null, null, List.of());
    GateResult v = Gate.run(config().policy(strict).build(), listener);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().sentence()).isEqualTo("1 of 1 file is likely synthetic: a.wav scored"
        + " 0.42, at or above the threshold 0.40.");
    assertThat(listener.requests).isEmpty();
  }

  @Test
  void refreshIgnoresTheCache() throws IOException {
    file("a.wav", "a");
    cacheResult("a", 0.42);
    assertThatThrownBy(() -> Gate.run(config().refresh(true).build(), listener))
        .isInstanceOf(GateException.class).hasMessageStartingWith("No Resemble API token");
  }

  @Test
  void aCorruptCacheEntryIsIgnoredWithAWarning() throws IOException {
    file("a.wav", "a");
    cacheResult("a", 0.42);
    ResultCache c = new ResultCache(cache, ResultKey.of(DEAD_API, BatchOptions.DEFAULTS),
        listener::warn);
    Files.writeString(c.entryFile(Sha256.ofText("a")), "{not json");
    GateResult v = Gate.run(config().dryRun(true).build(), listener);
    assertThat(result(v, "a.wav").reason()).startsWith("dry run: would be submitted");
    assertThat(listener.warnings).anyMatch(w -> w.startsWith("Ignoring a corrupt cache entry"));
  }

  @Test
  void reportsExpiredAndUnusedWaiversAsNotices() throws IOException {
    file("media/a.wav", "a");
    cacheResult("a", 0.9);
    Waiver expired = new Waiver(null, "media/*.wav", "trial", LocalDate.of(2026, 1, 31));
    Waiver unused = new Waiver("f".repeat(64), null, "old take", null);
    Policy policy = new Policy(0.5, Map.of(), null, null, null, null, null, null,
        List.of(expired, unused));
    GateResult v = Gate.run(config().policy(policy).build(), listener);
    assertThat(result(v, "media/a.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(v.notices()).containsExactly(
        "The waiver for path media/*.wav expired on 2026-01-31 (reason: trial) and no longer"
            + " waives anything: media/a.wav is FLAGGED; renew or remove it.",
        "The waiver for sha256 " + "f".repeat(64) + " (reason: old take) waived no file in this"
            + " run; remove it if it is no longer needed.");
  }

  @Test
  void runInfoShowsTheSettingsButNeverTheToken() throws IOException {
    file("a.wav", "a");
    cacheResult("a", 0.1);
    GateResult v = Gate.run(config().token(ApiToken.of("tok-3a7f9c")).build(), listener);
    assertThat(v.run().options()).containsEntry("threshold", "0.5").containsEntry("maxFiles",
        "1000").containsEntry("retryBudget", "2m").containsEntry("maxRetries", "5");
    assertThat(v.run().apiUrl()).isEqualTo(DEAD_API);
    assertThat(v.run().toolVersion()).isEqualTo(io.github.resemblegate.client.ResembleClient.version())
        .isNotBlank();
    assertThat(v.run().baseDirectory()).isEqualTo(base.toString());
    assertThat(v.toString() + listener.allText()).doesNotContain("tok-3a7f9c");
  }

  @Test
  void refusesARetryBudgetOrRetryCountThatCannotWorkWithOneSentence() {
    assertThatThrownBy(() -> config().retryBudget(Duration.ZERO).build())
        .isInstanceOf(GateException.class)
        .hasMessage("retryBudget must be a positive duration, not PT0S.");
    assertThatThrownBy(() -> config().maxRetries(-1).build())
        .isInstanceOf(GateException.class)
        .hasMessage("maxRetries must be 0 (no retries) or more, not -1.");
  }
}
