package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.client.MediaType;
import java.time.Duration;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code -Dresemble.*} user properties reach the gate, with lists given comma-separated. */
@MojoTest
class UserPropertiesTest {

  @Inject
  private MavenSession session;

  @BeforeEach
  void commandLine() {
    session.getUserProperties().setProperty("resemble.includes", "media/**/*.wav, art/*.png,");
    session.getUserProperties().setProperty("resemble.excludes", "**/old/**");
    session.getUserProperties().setProperty("resemble.threshold", "0.65");
    session.getUserProperties().setProperty("resemble.onFlagged", "warn");
    session.getUserProperties().setProperty("resemble.timeout", "2m");
    session.getUserProperties().setProperty("resemble.frameLength", "4");
    session.getUserProperties().setProperty("resemble.thresholds.video", "0.7");
  }

  @Test
  @InjectMojo(goal = "detect")
  void commandLinePropertiesReachTheGateWithListsSplitAtCommas(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());

    GateConfig config = mojo.gateConfig();

    assertThat(config.scan().includes()).containsExactly("media/**/*.wav", "art/*.png");
    assertThat(config.scan().excludes()).containsExactly("**/old/**");
    assertThat(config.policy().threshold()).isEqualTo(0.65);
    assertThat(config.policy().onFlagged()).isEqualTo(Reaction.WARN);
    assertThat(config.budget().timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.api().options().frameLength()).isEqualTo(4);
    assertThat(config.policy().thresholds()).isEqualTo(Map.of(MediaType.VIDEO, 0.7));
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<threshold>0.9</threshold>"
      + "</configuration></plugin></plugins></build></project>")
  void thePomWinsOverAPropertyAsEverywhereInMaven(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());

    assertThat(mojo.gateConfig().policy().threshold()).isEqualTo(0.9);
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<thresholds><video>0.9</video></thresholds>"
      + "</configuration></plugin></plugins></build></project>")
  void aPerTypeThresholdInThePomWinsOverItsProperty(DetectMojo mojo) throws Exception {
    mojo.setLog(new RecordingLog());

    assertThat(mojo.gateConfig().policy().thresholds()).isEqualTo(Map.of(MediaType.VIDEO, 0.9));
  }
}
