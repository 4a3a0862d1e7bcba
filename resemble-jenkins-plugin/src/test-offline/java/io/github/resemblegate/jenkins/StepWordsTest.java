package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the Jenkins step decides about its settings: how its fields become the words the
 * agent reads, what the workspace means to them, and how its old names still work. What each
 * setting means is the core's, tested once there.
 */
class StepWordsTest {

  @TempDir Path workspace;

  private ResembleDetectBuilder step() {
    return new ResembleDetectBuilder("media/**/*.wav, trailers/*.mp4");
  }

  private GateConfig read(ResembleDetectBuilder b) {
    return StepWords.of(b).read(workspace, "tok-123456", null, w -> { });
  }

  private Path base() {
    return workspace.toAbsolutePath().normalize();
  }

  @Test
  void theStepsFieldsBecomeWordsUnderTheCataloguesNames() {
    ResembleDetectBuilder b = step();
    b.setThreshold(0.6);
    b.setAudioThreshold(0.7);
    b.setOnFlagged("WARN");
    b.setTimeout("10m");
    b.setMaxFiles(200);
    b.setConcurrency(8);

    assertThat(StepWords.of(b).words())
        .containsEntry("includes", "media/**/*.wav, trailers/*.mp4")
        .containsEntry("threshold", "0.6")
        .containsEntry("thresholds.audio", "0.7")
        .containsEntry("onFlagged", "WARN")
        .containsEntry("timeout", "10m")
        .containsEntry("maxFiles", "200")
        .containsEntry("concurrency", "8")
        .doesNotContainKeys("audioThreshold", "credentialsId");
  }

  @Test
  void theWordsReachTheGateThroughTheReader() {
    ResembleDetectBuilder b = step();
    b.setAudioThreshold(0.7);
    b.setTimeout("10m");
    b.setRetryBudget("15s");

    GateConfig c = read(b);

    assertThat(c.scan().includes()).containsExactly("media/**/*.wav", "trailers/*.mp4");
    assertThat(c.scan().baseDirectory()).isEqualTo(base());
    assertThat(c.policy().thresholds()).hasSize(1).containsValue(0.7);
    assertThat(c.budget().timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.api().limits().retryBudget()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.api().token().secret()).isEqualTo("tok-123456");
    assertThat(c.api().userAgentSuffix()).isEqualTo("jenkins");
    assertThat(c.api().tokenAdvice()).isEqualTo(Tokens.ADVICE);
  }

  @Test
  void neitherTheTokenNorTheCredentialsNameTravelsInTheWords() {
    ResembleDetectBuilder b = step();
    b.setCredentialsId("resemble-api-key");

    assertThat(StepWords.of(b).words()).doesNotContainKey("credentialsId")
        .doesNotContainValue("resemble-api-key");
  }

  @Test
  void aBlankFieldIsNotSentSoTheReaderGivesTheDefault() {
    ResembleDetectBuilder b = step();
    b.setTimeout("  ");
    b.setFormats("");
    b.setThreshold(null);

    assertThat(StepWords.of(b).words()).containsOnlyKeys("includes");
    assertThat(read(b).budget().timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(read(b).policy().threshold()).isEqualTo(0.5);
  }

  @Test
  void theControllersApiUrlFillsInOnlyWhenTheStepHasNone() {
    ResembleDetectBuilder own = step();
    own.setApiUrl("https://own.example.com/api/v2");

    assertThat(StepWords.of(step()).orElse(Setting.API_URL, "https://global.example.com/v2")
        .word(Setting.API_URL)).isEqualTo("https://global.example.com/v2");
    assertThat(StepWords.of(own).orElse(Setting.API_URL, "https://global.example.com/v2")
        .word(Setting.API_URL)).isEqualTo("https://own.example.com/api/v2");
    assertThat(StepWords.of(step()).orElse(Setting.API_URL, null).word(Setting.API_URL))
        .isNull();
  }

  @Test
  void aCallbackUrlIsSentButNeverPrinted() {
    ResembleDetectBuilder b = step();
    b.setCallbackUrl("https://hooks.example.com/resemble?key=hook-secret");

    assertThat(StepWords.of(b).words()).containsEntry("callbackUrl",
        "https://hooks.example.com/resemble?key=hook-secret");
    assertThat(StepWords.of(b).toString()).contains("callbackUrl=(set)")
        .doesNotContain("hook-secret");
  }

  @Test
  void includesAreRequiredInJenkins() {
    assertThatThrownBy(() -> read(new ResembleDetectBuilder(" , ")))
        .isInstanceOf(SettingsException.class)
        .hasMessage("includes is empty; give at least one pattern such as media/**/*.wav.");
  }

  @Test
  void reportsGoIntoTheWorkspaceByDefault() {
    GateConfig c = read(step());

    assertThat(c.reports().directory()).isEqualTo(base().resolve("resemble-reports"));
    assertThat(c.scan().excludes()).isEmpty();
  }

  @Test
  void aReportsDirectoryIsReadInsideTheWorkspace() {
    ResembleDetectBuilder b = step();
    b.setReportsDirectory("out/resemble");

    assertThat(read(b).reports().directory()).isEqualTo(base().resolve("out/resemble"));
  }

  @Test
  void pathsLeavingTheWorkspaceAreRefused() {
    ResembleDetectBuilder reports = step();
    reports.setReportsDirectory("../elsewhere");
    ResembleDetectBuilder waivers = step();
    waivers.setWaiversFile("/etc/waivers.yaml");

    assertThatThrownBy(() -> read(reports)).isInstanceOf(SettingsException.class)
        .hasMessage("reportsDirectory must be a path inside the workspace, not '../elsewhere'.");
    assertThatThrownBy(() -> read(waivers)).isInstanceOf(SettingsException.class)
        .hasMessage("waiversFile must be a path inside the workspace, not '/etc/waivers.yaml'.");
  }

  @Test
  void aWaiverFileIsReadFromTheWorkspace() throws Exception {
    Files.createDirectories(workspace.resolve("ci"));
    Files.writeString(workspace.resolve("ci/waivers.yaml"), """
        waivers:
          - path: media/licensed/**
            reason: Licensed synthetic narrator
        """);
    ResembleDetectBuilder b = step();
    b.setWaiversFile("ci/waivers.yaml");

    assertThat(read(b).policy().waivers()).singleElement()
        .satisfies(w -> assertThat(w.path()).isEqualTo("media/licensed/**"));
  }

  @Test
  void theCacheMayBeMovedRelativeToTheWorkspaceOrTurnedOff() {
    ResembleDetectBuilder moved = step();
    moved.setCacheDirectory(".resemble-cache");
    ResembleDetectBuilder off = step();
    off.setCache(false);

    assertThat(read(moved).cache().directory()).isEqualTo(base().resolve(".resemble-cache"));
    assertThat(read(off).cache().enabled()).isFalse();
  }

  @Test
  void untickedDetectionOptionsAreNotSentAndTickedOnesAre() {
    ResembleDetectBuilder b = step();
    b.setVisualize(true);
    b.setFrameLength(2);

    GateConfig c = read(b);

    assertThat(StepWords.of(b).words()).containsEntry("visualize", "true")
        .doesNotContainKeys("intelligence", "zeroRetentionMode", "useLlm", "searchIdentity",
            "audioSourceTracing");
    assertThat(c.api().options().visualize()).isTrue();
    assertThat(c.api().options().intelligence()).isNull();
    assertThat(c.api().options().zeroRetentionMode()).isNull();
    assertThat(c.api().options().frameLength()).isEqualTo(2);
  }

  @Test
  void onEmptyAndVideoScoringAreTheUsersNowAsInMaven() {
    ResembleDetectBuilder b = step();
    b.setOnEmpty("FAIL");
    b.setVideoScoring("visual_only");
    b.setOnFlagged("IGNORE");

    GateConfig c = read(b);

    assertThat(c.policy().onEmpty()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().videoScoring()).isEqualTo(VideoScoring.VISUAL_ONLY);
    assertThat(c.policy().onFlagged()).isEqualTo(Reaction.IGNORE);
  }

  @Test
  void jenkinsWordsForReactionsBecomeTheCataloguesWords() {
    ResembleDetectBuilder b = step();
    b.setOnFlagged("unstable");
    b.setOnError("FAILURE");
    b.setOnNoSpeech("Unstable");

    assertThat(StepWords.of(b).words()).containsEntry("onFlagged", "WARN")
        .containsEntry("onError", "FAIL").containsEntry("onNoSpeech", "WARN");
    assertThat(read(b).policy().onFlagged()).isEqualTo(Reaction.WARN);
  }

  @Test
  @SuppressWarnings("deprecation")
  void oldPipelineNamesSetTheNewFields() {
    ResembleDetectBuilder b = step();
    b.setTimeoutMinutes(5);
    b.setRetryBudgetSeconds(90);
    b.setReportsDir("out/resemble");
    b.setCacheDir(".cache");
    b.setWaivers("ci/waivers.yaml");

    assertThat(b.getTimeout()).isEqualTo("5m");
    assertThat(b.getRetryBudget()).isEqualTo("90s");
    assertThat(b.getReportsDirectory()).isEqualTo("out/resemble");
    assertThat(b.getCacheDirectory()).isEqualTo(".cache");
    assertThat(b.getWaiversFile()).isEqualTo("ci/waivers.yaml");
    assertThat(StepWords.of(b).words()).containsEntry("timeout", "5m")
        .containsEntry("retryBudget", "90s").doesNotContainKeys("timeoutMinutes", "reportsDir");
  }

  @Test
  @SuppressWarnings("deprecation")
  void theOldNamesGettersAnswerFromTheNewFields() {
    ResembleDetectBuilder b = step();
    b.setTimeout("2h");
    b.setRetryBudget("2m");

    assertThat(b.getTimeoutMinutes()).isEqualTo(120);
    assertThat(b.getRetryBudgetSeconds()).isEqualTo(120);
    b.setTimeout("90s");
    assertThat(b.getTimeoutMinutes()).isNull();
  }

  @Test
  @SuppressWarnings("deprecation")
  void anOldTimeoutOfZeroMinutesIsRefusedByTheReader() {
    ResembleDetectBuilder b = step();
    b.setTimeoutMinutes(0);

    assertThatThrownBy(() -> read(b)).isInstanceOf(SettingsException.class)
        .hasMessage("timeout must be a duration such as 500ms, 90s, 30m or 1h, not '0m'.");
  }
}
