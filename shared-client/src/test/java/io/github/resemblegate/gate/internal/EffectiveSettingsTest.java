package io.github.resemblegate.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective settings a report shows name every budget a run kept, beside maxFiles. */
class EffectiveSettingsTest {

  @Test
  void listsTheByteAndMinuteBudgetsBesideMaxFiles(@TempDir Path dir) {
    GateConfig config = GateConfig.builder().baseDirectory(dir).maxFiles(200)
        .maxBytes(5_000_000_000L).maxMediaMinutes(90).build();

    assertThat(EffectiveSettings.describe(config)).containsEntry("maxFiles", "200")
        .containsEntry("maxBytes", "5000000000").containsEntry("maxMediaMinutes", "90");
  }

  @Test
  void saysNoLimitAsTheSettingsSayIt(@TempDir Path dir) {
    GateConfig config = GateConfig.builder().baseDirectory(dir).build();

    assertThat(EffectiveSettings.describe(config)).containsEntry("maxBytes", "0")
        .containsEntry("maxMediaMinutes", "0").containsEntry("archives", "true");
  }
}
