package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsException;
import io.github.resemblegate.gate.settings.SettingsReader;
import java.util.function.Consumer;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A wrong value in the POM stops the build before anything runs, as a MojoExecutionException whose
 * message is the settings reader's sentence for the same words: the mojo hands each value to the
 * setting of its name and adds nothing. The sentences themselves are the core's to test.
 */
@MojoTest
class WrongValuesTest {

  private static final String POM_START = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>";
  private static final String POM_END = "</configuration></plugin></plugins></build></project>";

  /** What the reader says about these words alone. */
  private static String readerSays(DetectMojo mojo, Consumer<RawSettings> words) {
    RawSettings raw = new RawSettings();
    words.accept(raw);
    try {
      SettingsReader.forBase(mojo.project.getBasedir().toPath()).read(raw, w -> { });
    } catch (SettingsException e) {
      return e.getMessage();
    }
    throw new AssertionError("the reader accepts these words");
  }

  private static void assertStopsWith(DetectMojo mojo, String sentence, String... naming) {
    mojo.setLog(new RecordingLog());
    assertThatThrownBy(mojo::gateConfig)
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage(sentence)
        .hasNoCause();
    for (String word : naming) {
      assertThat(sentence).contains(word);
    }
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<onFlagged>maybe</onFlagged>" + POM_END)
  void aWrongReactionNamesTheParameter(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.ON_FLAGGED, "maybe")),
        "onFlagged", "maybe");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<timeout>soon</timeout>" + POM_END)
  void aWrongDurationNamesTheParameter(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.TIMEOUT, "soon")), "timeout", "soon");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<threshold>1.5</threshold>" + POM_END)
  void aThresholdOutsideZeroToOneIsRefused(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.THRESHOLD, "1.5")),
        "threshold", "1.5");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<maxFiles>many</maxFiles>" + POM_END)
  void aWordMavenCouldNotHaveConvertedGetsTheReadersSentence(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.MAX_FILES, "many")),
        "maxFiles", "many");
  }

  @Test
  @InjectMojo(goal = "detect",
      pom = POM_START + "<thresholds><audio>high</audio></thresholds>" + POM_END)
  void aWrongPerTypeThresholdNamesItsSetting(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.AUDIO_THRESHOLD, "high")),
        "thresholds.audio", "high");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<waivers><waiver><path>a.wav</path>"
      + "<reason>ok</reason><until>31.12.2030</until></waiver></waivers>" + POM_END)
  void aWaiverDateInTheWrongFormatExplains(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.waiver(null, "a.wav", "ok", "31.12.2030")),
        "a.wav", "31.12.2030");
  }

  @Test
  @InjectMojo(goal = "detect",
      pom = POM_START + "<waiversFile>${project.basedir}/no-such-waivers.yaml</waiversFile>" + POM_END)
  void aMissingWaiverFileStopsTheBuildBeforeAnyUpload(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.WAIVERS_FILE, mojo.waiversFile)),
        "no-such-waivers.yaml");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<formats>json,pdf</formats>" + POM_END)
  void anUnknownReportFormatIsRefusedBeforeAnythingRuns(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.FORMATS, "json,pdf")),
        "formats", "pdf");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<apiUrl>app.resemble.ai</apiUrl>" + POM_END)
  void anApiUrlWithoutSchemeExplains(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.API_URL, "app.resemble.ai")),
        "apiUrl", "app.resemble.ai");
  }

  @Test
  @InjectMojo(goal = "detect", pom = POM_START + "<threshold>high</threshold>"
      + "<concurrency>0</concurrency><dryRun>yes</dryRun>" + POM_END)
  void everyWrongValueIsNamedAtOnce(DetectMojo mojo) {
    assertStopsWith(mojo, readerSays(mojo, r -> r.set(Setting.THRESHOLD, "high")
        .set(Setting.CONCURRENCY, "0").set(Setting.DRY_RUN, "yes")),
        "threshold", "concurrency", "dryRun");
  }
}
