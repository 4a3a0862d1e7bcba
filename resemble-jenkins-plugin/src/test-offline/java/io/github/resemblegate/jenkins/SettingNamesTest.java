package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.settings.Setting;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The step speaks the settings catalogue: the form has a field for every setting, and the words
 * sent to the agent go under the catalogue's names. That every front end has every setting with
 * the same default is front-end-tests' SettingsParityTest.
 */
class SettingNamesTest {

  @Test
  void theFormHasAFieldForEverySettingOfTheCatalogueAndOnlyJenkinsAddsCredentialsId()
      throws Exception {
    Set<String> expected = new LinkedHashSet<>();
    Arrays.stream(Setting.values()).map(StepFields::nameOf).forEach(expected::add);
    expected.add("credentialsId");

    assertThat(DescriptorFormTest.form().fields()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aNewStepSendsOnlyItsIncludesSoTheReaderGivesEveryDefault() {
    Map<String, String> words = StepWords.of(new ResembleDetectBuilder("media/**")).words();

    assertThat(words).containsExactly(Map.entry("includes", "media/**"));
  }

  @Test
  void everySettingTheStepCanHoldTravelsUnderTheCataloguesName() {
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**");
    b.setExcludes("media/tmp/**");
    b.setAudioThreshold(0.7);
    b.setImageThreshold(0.8);
    b.setVideoThreshold(0.9);
    b.setWarnThreshold(0.3);
    b.setWaiversFile("ci/waivers.yaml");
    b.setReportsDirectory("out/resemble");
    b.setCacheDirectory(".cache");
    b.setIntelligence(true);
    b.setVisualize(true);
    b.setFrameLength(2);
    b.setStartRegion(1.5);
    b.setEndRegion(9.0);
    b.setMaxVideoSecs(30.0);
    b.setUseLlm(true);
    b.setZeroRetentionMode(true);
    b.setSearchIdentity(true);
    b.setAudioSourceTracing(true);
    b.setCallbackUrl("https://hooks.example.com/resemble");
    b.setShard("2/4");
    b.setModelTypes("talking_head");
    b.setUseReverseSearch(true);
    b.setUseOodDetector(true);
    b.setMaxVideoFps(5.0);

    b.setThreshold(0.6);
    b.setDefaultExcludes(false);
    b.setArchives(false);
    b.setOnFlagged("WARN");
    b.setOnError("IGNORE");
    b.setOnNoSpeech("FAIL");
    b.setOnEmpty("FAIL");
    b.setVideoScoring("VISUAL_ONLY");
    b.setMaxFiles(10);
    b.setMaxBytes("5000000000");
    b.setMaxMediaMinutes(90);
    b.setTimeout("5m");
    b.setDryRun(true);
    b.setFormats("json");
    b.setCache(false);
    b.setRefresh(true);
    b.setApiUrl("https://resemble.example.com/api/v2");
    b.setConnectTimeout("5s");
    b.setReadTimeout("60s");
    b.setRequestsPerSecond(10.0);
    b.setRetryBudget("1m");
    b.setMaxRetries(2);
    b.setConcurrency(2);
    b.setIntakeMode("ZIP");
    b.setMaxFilesPerBatch(10);
    b.setMaxBytesPerBatch(1000);
    b.setPollInterval("1s");
    b.setMaxPollInterval("5s");

    Set<String> sent = StepWords.of(b).words().keySet();

    assertThat(sent).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Setting.values()).map(Setting::id).toList());
    assertThat(StepWords.of(b).words()).containsEntry("thresholds.audio", "0.7")
        .containsEntry("thresholds.image", "0.8").containsEntry("thresholds.video", "0.9")
        .containsEntry("archives", "false");
  }
}
