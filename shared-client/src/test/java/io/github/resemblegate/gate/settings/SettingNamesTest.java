package io.github.resemblegate.gate.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingNamesTest {

  private static final List<String> SETTINGS =
      Arrays.stream(Setting.values()).map(Setting::id).toList();

  @Test
  void aLetterLeftOutPointsToTheSetting() {
    assertThat(SettingNames.closest("treshold", SETTINGS)).contains("threshold");
    assertThat(SettingNames.closest("timout", SETTINGS)).contains("timeout");
  }

  @Test
  void theSameNameInAnotherCaseIsThatSetting() {
    assertThat(SettingNames.closest("onflagged", SETTINGS)).contains("onFlagged");
    assertThat(SettingNames.closest("DRYRUN", SETTINGS)).contains("dryRun");
  }

  @Test
  void swappedNeighboursCountAsOneSlip() {
    assertThat(SettingNames.closest("thershold", SETTINGS)).contains("threshold");
    assertThat(SettingNames.slips("thershold", "threshold")).isEqualTo(1);
  }

  @Test
  void theFewestSlipsWinAmongSimilarNames() {
    assertThat(SettingNames.closest("onErorr", SETTINGS)).contains("onError");
    assertThat(SettingNames.closest("maxFile", SETTINGS)).contains("maxFiles");
    assertThat(SettingNames.closest("maxFilesPerBatc", SETTINGS)).contains("maxFilesPerBatch");
  }

  @Test
  void aNameFarFromEverySettingHasNoSuggestion() {
    assertThat(SettingNames.closest("version", SETTINGS)).isEmpty();
    assertThat(SettingNames.closest("x", List.of("threshold"))).isEmpty();
    assertThat(SettingNames.closest("threshold", List.of())).isEmpty();
  }

  @Test
  void aShortNameAllowsOneSlip() {
    assertThat(SettingNames.closest("skp", List.of("skip", "cache"))).contains("skip");
    assertThat(SettingNames.closest("sk", List.of("skip"))).isEmpty();
  }
}
