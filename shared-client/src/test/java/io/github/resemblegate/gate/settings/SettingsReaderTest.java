package io.github.resemblegate.gate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every setting means, read once for every front end. */
class SettingsReaderTest {

  @TempDir Path base;
  private final java.util.List<String> warnings = new java.util.ArrayList<>();

  private GateConfig read(RawSettings raw) {
    return SettingsReader.forBase(base).read(raw, warnings::add);
  }

  private GateConfig read(Setting s, String word) {
    return read(new RawSettings().set(s, word));
  }

  private static String problems(Runnable r) {
    try {
      r.run();
    } catch (SettingsException e) {
      return e.getMessage();
    }
    throw new AssertionError("no problem was found");
  }

  @Test
  void nothingGivenMeansTheDocumentedDefaults() {
    GateConfig c = read(new RawSettings());
    assertThat(c.scan().includes()).containsExactly("**/*");
    assertThat(c.scan().includesGiven()).isFalse();
    assertThat(c.scan().excludes()).isEmpty();
    assertThat(c.scan().defaultExcludes()).isTrue();
    assertThat(c.scan().archives()).isTrue();
    assertThat(c.policy().threshold()).isEqualTo(0.5);
    assertThat(c.policy().thresholds()).isEmpty();
    assertThat(c.policy().warnThreshold()).isNull();
    assertThat(c.policy().onFlagged()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().onError()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().onNoSpeech()).isEqualTo(Reaction.IGNORE);
    assertThat(c.policy().onEmpty()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().videoScoring()).isEqualTo(VideoScoring.MAX_OF_TRACKS);
    assertThat(c.budget().maxFiles()).isEqualTo(1000);
    assertThat(c.budget().timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.mode()).isEqualTo(GateConfig.Mode.CHECK);
    assertThat(c.reports().formats()).isEqualTo(EnumSet.allOf(ReportFormat.class));
    assertThat(c.cache().directory()).isEqualTo(GateConfig.defaultCacheDirectory());
    assertThat(c.api().url()).isEqualTo("https://app.resemble.ai/api/v2");
    GateConfig.Limits l = c.api().limits();
    assertThat(l.retryBudget()).isEqualTo(Duration.ofMinutes(2));
    assertThat(l.maxRetries()).isEqualTo(5);
    assertThat(l.requestsPerSecond()).isEqualTo(40);
    assertThat(l.maxFilesPerBatch()).isEqualTo(50);
    assertThat(l.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(l.maxPollInterval()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void everyDefaultWordReadsAsIfNothingWasGiven() {
    GateConfig none = read(new RawSettings());
    for (Setting s : Setting.values()) {
      if (s.defaultWord() != null && !s.defaultWord().isEmpty()) {
        assertThat(read(s, s.defaultWord())).as(s.id() + "=" + s.defaultWord())
            .usingRecursiveComparison().ignoringFields("clock").isEqualTo(none);
      }
    }
  }

  @Test
  void readsEverySettingByTheNameUsersType() {
    RawSettings raw = new RawSettings()
        .set(Setting.INCLUDES, "media/**/*.wav, art/**\nclips/*.mp4")
        .set(Setting.EXCLUDES, List.of("**/draft/**"))
        .set(Setting.DEFAULT_EXCLUDES, "false").set(Setting.ARCHIVES, "false")
        .set(Setting.THRESHOLD, 0.7).set(Setting.AUDIO_THRESHOLD, "0.6")
        .set(Setting.IMAGE_THRESHOLD, "0.8").set(Setting.VIDEO_THRESHOLD, "0.9")
        .set(Setting.WARN_THRESHOLD, "0.3")
        .set(Setting.ON_FLAGGED, "warn").set(Setting.ON_ERROR, "ignore")
        .set(Setting.ON_NO_SPEECH, "Fail").set(Setting.ON_EMPTY, "FAIL")
        .set(Setting.VIDEO_SCORING, "visual-only").set(Setting.MAX_FILES, 7)
        .set(Setting.MAX_BYTES, "2000000000").set(Setting.MAX_MEDIA_MINUTES, "45")
        .set(Setting.TIMEOUT, "90s").set(Setting.REPORTS_DIRECTORY, "out/reports")
        .set(Setting.FORMATS, "json,sarif").set(Setting.CACHE_DIRECTORY, "gate-cache")
        .set(Setting.REFRESH, true).set(Setting.API_URL, "http://127.0.0.1:1234/api/v2")
        .set(Setting.CONNECT_TIMEOUT, "3s").set(Setting.READ_TIMEOUT, "45s")
        .set(Setting.REQUESTS_PER_SECOND, "5").set(Setting.RETRY_BUDGET, "20s")
        .set(Setting.MAX_RETRIES, "2").set(Setting.CONCURRENCY, "2")
        .set(Setting.INTAKE_MODE, "zip").set(Setting.MAX_FILES_PER_BATCH, "10")
        .set(Setting.MAX_BYTES_PER_BATCH, "1000000").set(Setting.POLL_INTERVAL, "250ms")
        .set(Setting.MAX_POLL_INTERVAL, "PT1S")
        .set(Setting.CALLBACK_URL, "https://hooks.example.com/resemble")
        .set(Setting.INTELLIGENCE, true).set(Setting.SEARCH_IDENTITY, "true")
        .set(Setting.VISUALIZE, "false").set(Setting.AUDIO_SOURCE_TRACING, "true")
        .set(Setting.FRAME_LENGTH, 3).set(Setting.START_REGION, "1.5")
        .set(Setting.END_REGION, "9.5").set(Setting.MAX_VIDEO_SECS, "30")
        .set(Setting.USE_LLM, "true").set(Setting.ZERO_RETENTION_MODE, "true");
    GateConfig c = read(raw);

    assertThat(c.scan().includes()).containsExactly("media/**/*.wav", "art/**", "clips/*.mp4");
    assertThat(c.scan().includesGiven()).isTrue();
    assertThat(c.scan().excludes()).containsExactly("**/draft/**");
    assertThat(c.scan().defaultExcludes()).isFalse();
    assertThat(c.scan().archives()).isFalse();
    assertThat(c.policy().threshold()).isEqualTo(0.7);
    assertThat(c.policy().thresholdFor(MediaType.AUDIO)).isEqualTo(0.6);
    assertThat(c.policy().thresholdFor(MediaType.IMAGE)).isEqualTo(0.8);
    assertThat(c.policy().thresholdFor(MediaType.VIDEO)).isEqualTo(0.9);
    assertThat(c.policy().warnThreshold()).isEqualTo(0.3);
    assertThat(c.policy().onFlagged()).isEqualTo(Reaction.WARN);
    assertThat(c.policy().onError()).isEqualTo(Reaction.IGNORE);
    assertThat(c.policy().onNoSpeech()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().onEmpty()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().videoScoring()).isEqualTo(VideoScoring.VISUAL_ONLY);
    assertThat(c.budget()).isEqualTo(new GateConfig.Budget(7, 2_000_000_000L, 45,
        Duration.ofSeconds(90)));
    assertThat(c.reports().directory()).isEqualTo(base.resolve("out/reports"));
    assertThat(c.reports().formats()).containsExactlyInAnyOrder(ReportFormat.JSON,
        ReportFormat.SARIF);
    assertThat(c.cache()).isEqualTo(new GateConfig.Cache(base.resolve("gate-cache"), true));
    assertThat(c.api().url()).isEqualTo("http://127.0.0.1:1234/api/v2");
    assertThat(c.api().intakeMode()).isEqualTo(IntakeMode.ZIP);
    assertThat(c.api().limits()).isEqualTo(new GateConfig.Limits(Duration.ofSeconds(3),
        Duration.ofSeconds(45), 5, Duration.ofSeconds(20), 2, 10, 1_000_000L, 2,
        Duration.ofMillis(250), Duration.ofSeconds(1)));
    var o = c.api().options();
    assertThat(o.callbackUrl()).isEqualTo("https://hooks.example.com/resemble");
    assertThat(List.of(o.intelligence(), o.searchIdentity(), o.audioSourceTracing(), o.useLlm(),
        o.zeroRetentionMode())).containsOnly(true);
    assertThat(o.visualize()).isFalse();
    assertThat(o.frameLength()).isEqualTo(3);
    assertThat(List.of(o.startRegion(), o.endRegion(), o.maxVideoSecs()))
        .containsExactly(1.5, 9.5, 30.0);
  }

  @Test
  void readsTheSingleEndpointsOwnOptionsApartFromTheBatchOptions() {
    GateConfig c = read(new RawSettings().set(Setting.MODEL_TYPES, "talking-head")
        .set(Setting.USE_REVERSE_SEARCH, "true").set(Setting.USE_OOD_DETECTOR, true)
        .set(Setting.MAX_VIDEO_FPS, "2.5"));

    var single = c.api().singleOptions();
    assertThat(single.modelTypes()).isEqualTo("talking_head");
    assertThat(List.of(single.useReverseSearch(), single.useOodDetector())).containsOnly(true);
    assertThat(single.maxVideoFps()).isEqualTo(2.5);
    assertThat(c.api().options()).isEqualTo(io.github.resemblegate.client.BatchOptions.DEFAULTS);
    assertThat(problems(() -> read(Setting.MODEL_TYPES, "face"))).isEqualTo(
        "modelTypes must be one of IMAGE, TALKING_HEAD, not 'face'.");
    assertThat(problems(() -> read(Setting.MAX_VIDEO_FPS, "0"))).startsWith(
        "maxVideoFps must be a number greater than 0");
  }

  @Test
  void saysEveryProblemAtOnceEachInOneSentenceWithTheValueAndWhatIsAllowed() {
    RawSettings raw = new RawSettings().set(Setting.THRESHOLD, "1.5")
        .set(Setting.ON_FLAGGED, "maybe").set(Setting.TIMEOUT, "soon")
        .set(Setting.VIDEO_SCORING, "loudest").set(Setting.MAX_FILES_PER_BATCH, "80");
    SettingsException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        SettingsException.class, () -> read(raw));
    assertThat(e.problems()).extracting(Problem::sentence).containsExactly(
        "threshold must be between 0 and 1 (a deepfake probability), not '1.5'.",
        "onFlagged must be FAIL, WARN or IGNORE, not 'maybe'.",
        "videoScoring must be one of MAX_OF_TRACKS, VISUAL_ONLY, not 'loudest'.",
        "timeout must be a duration such as 500ms, 90s, 30m or 1h, not 'soon'.",
        "maxFilesPerBatch must be a whole number from 1 to 50 (the API's limit), not '80'.");
    assertThat(e.getMessage()).startsWith("threshold must be between 0 and 1").contains(
        ". onFlagged must be");
  }

  @Test
  void jenkinsWordsForReactionsMeanTheSame() {
    assertThat(read(Setting.ON_FLAGGED, "UNSTABLE").policy().onFlagged()).isEqualTo(Reaction.WARN);
    assertThat(read(Setting.ON_ERROR, "failure").policy().onError()).isEqualTo(Reaction.FAIL);
  }

  @Test
  void aFrontEndWithoutDefaultIncludesNeedsThemGiven() {
    assertThat(problems(() -> SettingsReader.forBase(base).defaultIncludes(null)
        .read(new RawSettings(), warnings::add))).isEqualTo("includes is empty; give at least one pattern such"
        + " as media/**/*.wav.");
  }

  @Test
  void aPatternWithDoubleStarInsideANameIsRefused() {
    assertThat(problems(() -> read(Setting.EXCLUDES, "media/**.wav"))).isEqualTo("excludes"
        + " pattern 'media/**.wav' uses ** inside a name; ** stands for whole folders, as in"
        + " media/**/*.wav.");
  }

  @Test
  void pathsMayBeConfinedToTheBaseFolder() {
    SettingsReader jenkins = SettingsReader.forBase(base).confineToBase("the workspace")
        .defaultReportsDirectory(base.resolve("resemble-reports"));
    assertThat(problems(() -> jenkins.read(new RawSettings().set(Setting.REPORTS_DIRECTORY,
        "../elsewhere"), warnings::add))).isEqualTo("reportsDirectory must be a path inside the workspace, not"
        + " '../elsewhere'.");
    assertThat(jenkins.read(new RawSettings(), warnings::add).reports().directory())
        .isEqualTo(base.resolve("resemble-reports"));
  }

  @Test
  void readsTheWaiverFileAndTheInlineWaivers() throws Exception {
    Files.writeString(base.resolve("waivers.yaml"), "waivers:\n  - path: media/demo/**\n"
        + "    reason: Intentionally synthetic demo\n");
    GateConfig c = read(new RawSettings().set(Setting.WAIVERS_FILE, "waivers.yaml")
        .waiver("a".repeat(64), null, "licensed voice", "2031-01-31"));
    assertThat(c.policy().waivers()).containsExactly(
        new Waiver("a".repeat(64), null, "licensed voice", LocalDate.of(2031, 1, 31)),
        new Waiver(null, "media/demo/**", "Intentionally synthetic demo", null));
  }

  @Test
  void aMissingWaiverFileOrABadDateIsAProblem() {
    assertThat(problems(() -> read(new RawSettings().set(Setting.WAIVERS_FILE, "nope.yaml"))))
        .startsWith("The waiver file ").endsWith("nope.yaml does not exist; check the path or"
        + " remove the setting.");
    assertThat(problems(() -> read(new RawSettings().waiver(null, "a/**", "old", "31.01.2031"))))
        .isEqualTo("The until of the waiver for a/** must be a date written YYYY-MM-DD, not"
        + " '31.01.2031'.");
  }

  @Test
  void anInlineWaiverWhoseSha256IsNotOneIsAProblem() {
    // A mistyped hash would match no file, so the flagged file it meant would still fail.
    assertThat(problems(() -> read(new RawSettings().waiver("abc123", null, "licensed", null))))
        .isEqualTo("The sha256 of the waiver for abc123 must be 64 hexadecimal characters"
        + " (sha256sum prints it), not 'abc123'.");
  }

  @Test
  void theCacheCanBeTurnedOff() {
    assertThat(read(Setting.CACHE, "false").cache().enabled()).isFalse();
  }

  @Test
  void offlineJudgesFromTheCacheUnlessItIsADryRun() {
    SettingsReader offline = SettingsReader.forBase(base).offline("Maven is offline (-o)");
    assertThat(offline.read(new RawSettings(), warnings::add).mode())
        .isEqualTo(new GateConfig.Mode.Offline("Maven is offline (-o)"));
    assertThat(offline.read(new RawSettings().set(Setting.DRY_RUN, "true"), warnings::add).mode())
        .isEqualTo(GateConfig.Mode.DRY_RUN);
  }

  @Test
  void aTokenThatCannotBeSentIsSaidWithoutShowingIt() {
    String secret = "test token-" + java.util.UUID.randomUUID();
    String said = problems(() -> SettingsReader.forBase(base).token(secret, "advice")
        .read(new RawSettings(), warnings::add));
    assertThat(said).startsWith("The Resemble API token contains a space").doesNotContain(secret);
  }

  @Test
  void plainHttpIsRefusedExceptToThisMachine() {
    assertThat(problems(() -> read(Setting.API_URL, "http://api.example.com/v2")))
        .startsWith("apiUrl: The Resemble API base URL 'http://api.example.com/v2' uses plain"
        + " http://");
  }

  @Test
  void aFormCheckNamesOnlyItsOwnFieldsProblems() {
    RawSettings form = new RawSettings().set(Setting.START_REGION, "5")
        .set(Setting.END_REGION, "2").set(Setting.THRESHOLD, "2");
    assertThat(SettingsReader.forBase(base).check(Setting.END_REGION, form)).extracting(Problem::sentence)
        .containsExactly("endRegion (2.0) must be after startRegion (5.0).");
    assertThat(SettingsReader.forBase(base).check(Setting.START_REGION, form)).isEmpty();
    assertThat(SettingsReader.forBase(base).check(Setting.MAX_FILES, new RawSettings()
        .set(Setting.MAX_FILES, "0"))).singleElement().satisfies(p -> {
          assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
          assertThat(p.sentence()).isEqualTo("maxFiles 0 means no limit: every matched file may"
              + " be uploaded and billed.");
        });
    assertThat(SettingsReader.forBase(base).check(Setting.WARN_THRESHOLD, new RawSettings()
        .set(Setting.WARN_THRESHOLD, "0.6"))).extracting(Problem::level)
        .containsExactly(Problem.Level.WARNING);
  }

  @Test
  void sentencesNameASettingAsTheFrontEndSpellsIt() {
    SettingsReader jenkins = SettingsReader.forBase(base)
        .spelling(s -> s == Setting.VIDEO_THRESHOLD ? "videoThreshold" : s.id());
    assertThat(problems(() -> jenkins.read(new RawSettings().set(Setting.VIDEO_THRESHOLD, "9"),
        warnings::add))).isEqualTo("videoThreshold must be between 0 and 1 (a deepfake"
        + " probability), not '9'.");
  }

  @Test
  void warningsReachTheFrontEndAndTheRunGoesAhead() {
    GateConfig c = read(new RawSettings().set(Setting.MAX_FILES, "0")
        .set(Setting.WARN_THRESHOLD, "0.7"));
    assertThat(c.budget().maxFiles()).isZero();
    assertThat(warnings).containsExactly("warnThreshold 0.7 is not below the threshold 0.5, so"
        + " no file will be warned about.", "maxFiles 0 means no limit: every matched file may"
        + " be uploaded and billed.");
  }

  @Test
  void aFormCheckKeepsTheFrontEndsRules() {
    SettingsReader jenkins = SettingsReader.forBase(base).defaultIncludes(null)
        .confineToBase("the workspace");
    assertThat(jenkins.check(Setting.INCLUDES, new RawSettings())).extracting(Problem::sentence)
        .containsExactly("includes is empty; give at least one pattern such as media/**/*.wav.");
    assertThat(jenkins.check(Setting.WAIVERS_FILE, new RawSettings()
        .set(Setting.WAIVERS_FILE, "/etc/waivers.yaml"))).extracting(Problem::sentence)
        .containsExactly("waiversFile must be a path inside the workspace, not"
            + " '/etc/waivers.yaml'.");
  }

  @Test
  void optionsLeftOutAreNotSentSoTheApisDefaultsApply() {
    var o = read(new RawSettings()).api().options();
    assertThat(List.of(o)).allSatisfy(opts -> {
      assertThat(opts.visualize()).isNull();
      assertThat(opts.intelligence()).isNull();
      assertThat(opts.frameLength()).isNull();
      assertThat(opts.callbackUrl()).isNull();
    });
  }
}
