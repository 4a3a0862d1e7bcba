package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.settings.Setting;
import java.math.BigDecimal;
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
  void aNewStepSendsTheCataloguesDefaultsUnderItsNamesAndNoDetectionOption() {
    Map<String, String> words = new ResembleDetectBuilder("media/**").toSettings().words();

    for (Setting s : Setting.values()) {
      if (s == Setting.INCLUDES) {
        assertThat(words).containsEntry("includes", "media/**");
      } else if (s.defaultWord() == null || s.defaultWord().isEmpty()) {
        assertThat(words).as(s.id()).doesNotContainKey(s.id());
      } else {
        assertThat(sameWord(words.get(s.id()), s.defaultWord())).as(s.id() + "=" + words.get(
            s.id())).isTrue();
      }
    }
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

    Set<String> sent = b.toSettings().words().keySet();

    assertThat(sent).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Setting.values()).map(Setting::id).toList());
    assertThat(b.toSettings().words()).containsEntry("thresholds.audio", "0.7")
        .containsEntry("thresholds.image", "0.8").containsEntry("thresholds.video", "0.9");
  }

  /** The same word, or the same number written another way (40.0 for 40). */
  private static boolean sameWord(Object value, String word) {
    if (value == null) {
      return false;
    }
    String v = value.toString();
    if (v.equals(word)) {
      return true;
    }
    try {
      return new BigDecimal(v).compareTo(new BigDecimal(word)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
