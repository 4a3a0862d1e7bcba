package io.github.resemblegate.gate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateConfig.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard setting: i/n, read by the one reader, and the request rate the shards share. */
class ShardSettingTest {

  @TempDir Path base;
  private final List<String> warnings = new ArrayList<>();

  private GateConfig read(RawSettings raw) {
    return SettingsReader.forBase(base).read(raw, warnings::add);
  }

  @Test
  void aRunIsNoShardUnlessOneIsGiven() {
    GateConfig c = read(new RawSettings());

    assertThat(c.scan().shard()).isNull();
    assertThat(c.api().limits().requestsPerSecond()).isEqualTo(40);
  }

  @Test
  void readsIOfNAndGivesEachShardItsPartOfTheRequestRate() {
    GateConfig c = read(new RawSettings().set(Setting.SHARD, "2/4"));

    assertThat(c.scan().shard()).isEqualTo(new Shard(2, 4));
    assertThat(c.api().limits().requestsPerSecond()).isEqualTo(10);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRequestRateTheUserGivesIsKeptForTheShard() {
    GateConfig c = read(new RawSettings().set(Setting.SHARD, " 3 / 3 ")
        .set(Setting.REQUESTS_PER_SECOND, "25"));

    assertThat(c.scan().shard()).isEqualTo(new Shard(3, 3));
    assertThat(c.api().limits().requestsPerSecond()).isEqualTo(25);
  }

  @Test
  void aShardOutsideItsRunIsRefusedWithOneSentence() {
    for (String word : List.of("5/4", "0/4", "2", "two/four", "1/0")) {
      assertThatThrownBy(() -> read(new RawSettings().set(Setting.SHARD, word)))
          .isInstanceOf(SettingsException.class)
          .hasMessage("shard must be i/n with 1 <= i <= n, such as 2/4, not '" + word + "'.");
    }
  }
}
