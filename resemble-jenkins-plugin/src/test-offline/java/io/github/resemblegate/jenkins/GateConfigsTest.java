package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.Reaction;
import io.github.resemblegate.report.ReportFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateConfigsTest {

  @TempDir Path workspace;

  private ResembleDetectBuilder step() {
    return new ResembleDetectBuilder("media/**/*.wav, trailers/*.mp4");
  }

  private GateConfig build(ResembleDetectBuilder b) {
    return GateConfigs.build(b.toSettings(), workspace, "tok-123456", null);
  }

  @Test
  void defaultsFailOnFlaggedAndOnErrorAndIgnoreNoSpeech() {
    GateConfig c = build(step());

    assertThat(c.includes()).containsExactly("media/**/*.wav", "trailers/*.mp4");
    assertThat(c.policy().threshold()).isEqualTo(0.5);
    assertThat(c.policy().onFlagged()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().onError()).isEqualTo(Reaction.FAIL);
    assertThat(c.policy().onNoSpeech()).isEqualTo(Reaction.IGNORE);
    assertThat(c.timeout()).hasMinutes(30);
    assertThat(c.retryBudget()).isEqualTo(GateConfig.DEFAULT_RETRY_BUDGET);
    assertThat(c.maxRetries()).isEqualTo(GateConfig.DEFAULT_MAX_RETRIES);
    assertThat(c.maxFiles()).isEqualTo(1000);
    assertThat(c.token().secret()).isEqualTo("tok-123456");
    assertThat(c.cacheDirectory()).isEqualTo(GateConfig.defaultCacheDirectory());
  }

  @Test
  void unstableChoicesBecomeWarnReactions() {
    ResembleDetectBuilder b = step();
    b.setOnFlagged("unstable");
    b.setOnError("UNSTABLE");
    b.setOnNoSpeech("unstable");

    GateConfig c = build(b);

    assertThat(c.policy().onFlagged()).isEqualTo(Reaction.WARN);
    assertThat(c.policy().onError()).isEqualTo(Reaction.WARN);
    assertThat(c.policy().onNoSpeech()).isEqualTo(Reaction.WARN);
  }

  @Test
  void apiErrorsCanBeOnlyReported() {
    ResembleDetectBuilder b = step();
    b.setOnError("IGNORE");

    assertThat(build(b).policy().onError()).isEqualTo(Reaction.IGNORE);
  }

  @Test
  void flaggedFilesCannotBeIgnored() {
    ResembleDetectBuilder b = step();
    b.setOnFlagged("IGNORE");

    assertThatThrownBy(() -> build(b)).isInstanceOf(GateException.class)
        .hasMessage("onFlagged must be FAILURE or UNSTABLE, not 'IGNORE'.");
  }

  @Test
  void perTypeThresholdsOverrideTheGeneralOne() {
    ResembleDetectBuilder b = step();
    b.setThreshold(0.6);
    b.setAudioThreshold(0.7);
    b.setVideoThreshold(0.9);
    b.setWarnThreshold(0.3);

    GateConfig c = build(b);

    assertThat(c.policy().thresholdFor(MediaType.AUDIO)).isEqualTo(0.7);
    assertThat(c.policy().thresholdFor(MediaType.IMAGE)).isEqualTo(0.6);
    assertThat(c.policy().thresholdFor(MediaType.VIDEO)).isEqualTo(0.9);
    assertThat(c.policy().warnThreshold()).isEqualTo(0.3);
  }

  @Test
  void thresholdAboveOneIsASettingToFix() {
    ResembleDetectBuilder b = step();
    b.setThreshold(1.5);

    assertThatThrownBy(() -> build(b)).isInstanceOf(GateException.class)
        .hasMessageStartingWith("threshold must be between 0 and 1");
  }

  @Test
  void reportsGoIntoTheWorkspaceAndAreNeverScanned() {
    GateConfig c = build(step());

    assertThat(c.reportsDirectory()).isEqualTo(workspace.toAbsolutePath().normalize()
        .resolve("resemble-reports"));
    assertThat(c.excludes()).contains("resemble-reports/**");
  }

  @Test
  void reportsOutsideTheWorkspaceAreRefused() {
    ResembleDetectBuilder b = step();
    b.setReportsDir("../elsewhere");

    assertThatThrownBy(() -> build(b)).isInstanceOf(GateException.class)
        .hasMessage("reportsDir must name a path inside the workspace, not '../elsewhere'.");
  }

  @Test
  void untickedDetectionOptionsAreNotSentAndTickedOnesAre() {
    ResembleDetectBuilder b = step();
    b.setVisualize(true);
    b.setFrameLength(2);
    b.setCallbackUrl("https://hooks.example.com/resemble");

    GateConfig c = build(b);

    assertThat(c.batchOptions().visualize()).isTrue();
    assertThat(c.batchOptions().intelligence()).isNull();
    assertThat(c.batchOptions().zeroRetentionMode()).isNull();
    assertThat(c.batchOptions().frameLength()).isEqualTo(2);
    assertThat(c.batchOptions().callbackUrl()).isEqualTo("https://hooks.example.com/resemble");
  }

  @Test
  void frameLengthOutOfRangeIsASettingToFix() {
    ResembleDetectBuilder b = step();
    b.setFrameLength(9);

    assertThatThrownBy(() -> build(b)).isInstanceOf(GateException.class)
        .hasMessageContaining("frame_length must be between 1 and 4 seconds");
  }

  @Test
  void cacheCanBeTurnedOffOrMoved() {
    ResembleDetectBuilder off = step();
    off.setCache(false);
    ResembleDetectBuilder moved = step();
    moved.setCacheDir(".resemble-cache");

    assertThat(build(off).cacheDirectory()).isNull();
    assertThat(build(moved).cacheDirectory())
        .isEqualTo(workspace.toAbsolutePath().normalize().resolve(".resemble-cache"));
  }

  @Test
  void emptyIncludesIsASettingToFix() {
    assertThatThrownBy(() -> build(new ResembleDetectBuilder(" , "))).isInstanceOf(
        GateException.class).hasMessageStartingWith("includes is empty");
  }

  @Test
  void apiUrlAndTimeoutAreApplied() {
    ResembleDetectBuilder b = step();
    b.setApiUrl("http://127.0.0.1:8089/api/v2");
    b.setTimeoutMinutes(5);
    b.setMaxFiles(0);
    b.setDryRun(true);

    GateConfig c = build(b);

    assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:8089/api/v2");
    assertThat(c.timeout()).hasMinutes(5);
    assertThat(c.maxFiles()).isZero();
    assertThat(c.dryRun()).isTrue();
  }

  @Test
  void jenkinsProxyReachesTheClient() {
    ProxySettings proxy = ProxySettings.from(new hudson.ProxyConfiguration("proxy.corp", 3128,
        "ci", "proxy-pw", "localhost\n*.internal | 127.0.0.1"));

    GateConfig c = GateConfigs.build(step().toSettings(), workspace, "tok", proxy);

    assertThat(c.proxy().host()).isEqualTo("proxy.corp");
    assertThat(c.proxy().port()).isEqualTo(3128);
    assertThat(c.proxy().username()).isEqualTo("ci");
    assertThat(c.proxy().password()).isEqualTo("proxy-pw");
    assertThat(c.proxy().nonProxyHosts()).containsExactly("localhost", "*.internal", "127.0.0.1");
  }

  @Test
  void noJenkinsProxyMeansADirectConnection() {
    assertThat(ProxySettings.from(null)).isNull();
    assertThat(ProxySettings.from(new hudson.ProxyConfiguration(" ", 0, null, null, null)))
        .isNull();
    assertThat(build(step()).proxy()).isNull();
  }

  @Test
  void zeroTimeoutIsASettingToFix() {
    ResembleDetectBuilder b = step();
    b.setTimeoutMinutes(0);

    assertThatThrownBy(() -> build(b)).isInstanceOf(GateException.class)
        .hasMessage("timeoutMinutes must be at least 1, not 0.");
  }

  @Test
  void theRetryBudgetAndRetriesReachTheGate() {
    ResembleDetectBuilder b = step();
    b.setRetryBudgetSeconds(15);
    b.setMaxRetries(0);

    GateConfig c = build(b);

    assertThat(c.retryBudget()).hasSeconds(15);
    assertThat(c.maxRetries()).isZero();
  }

  @Test
  void aRetryBudgetBelowOneSecondOrNegativeRetriesAreSettingsToFix() {
    ResembleDetectBuilder noBudget = step();
    noBudget.setRetryBudgetSeconds(0);
    ResembleDetectBuilder negative = step();
    negative.setMaxRetries(-1);

    assertThatThrownBy(() -> build(noBudget)).isInstanceOf(GateException.class)
        .hasMessage("retryBudgetSeconds must be at least 1, not 0.");
    assertThatThrownBy(() -> build(negative)).isInstanceOf(GateException.class)
        .hasMessage("maxRetries must be 0 (no retries) or more, not -1.");
  }

  @Test
  void unknownReportFormatIsASettingToFix() {
    ResembleDetectBuilder b = step();
    b.setFormats("json,pdf");

    assertThatThrownBy(() -> GateConfigs.formats(b.toSettings()))
        .isInstanceOf(GateException.class).hasMessageContaining("'pdf'");
  }

  @Test
  void blankFormatsMeanAllAndNoneMeansNone() {
    ResembleDetectBuilder none = step();
    none.setFormats("none");

    assertThat(GateConfigs.formats(step().toSettings())).containsExactlyInAnyOrder(
        ReportFormat.values());
    assertThat(GateConfigs.formats(none.toSettings())).isEmpty();
  }

  @Test
  void waiverFileInTheWorkspaceIsLoadedByTheGate() throws Exception {
    java.nio.file.Files.writeString(workspace.resolve("waivers.yaml"), """
        waivers:
          - path: media/licensed/**
            reason: Licensed synthetic narrator
            until: 2099-12-31
        """);
    ResembleDetectBuilder b = step();
    b.setWaivers("waivers.yaml");

    GateConfig c = build(b);

    assertThat(c.policy().waivers()).singleElement().satisfies(w -> {
      assertThat(w.path()).isEqualTo("media/licensed/**");
      assertThat(w.reason()).isEqualTo("Licensed synthetic narrator");
      assertThat(w.until()).hasYear(2099);
    });
  }

  @Test
  void missingWaiverFileIsOneSentence() {
    ResembleDetectBuilder b = step();
    b.setWaivers("nope.yaml");

    assertThatThrownBy(() -> build(b)).isInstanceOf(GateException.class)
        .hasMessageContaining("nope.yaml");
  }
}
