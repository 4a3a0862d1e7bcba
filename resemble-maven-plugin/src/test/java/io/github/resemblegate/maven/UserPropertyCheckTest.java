package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

/**
 * A {@code -Dresemble.*} property that changes nothing gets one warning that says why: checked
 * against the plugin's real descriptor and a configuration merged as Maven merges it.
 */
class UserPropertyCheckTest {

  private final Properties commandLine = new Properties();
  private final Xpp3Dom configuration = new Xpp3Dom("configuration");

  private List<String> problems() throws Exception {
    MojoExecution execution = new MojoExecution(descriptor().getMojo("detect"), "default");
    execution.setConfiguration(configuration);
    return UserPropertyCheck.of(execution, raw -> raw).problems(commandLine);
  }

  private static PluginDescriptor descriptor() throws Exception {
    try (InputStream in = UserPropertyCheckTest.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/plugin.xml")) {
      return new PluginDescriptorBuilder()
          .build(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  /** As Maven finalizes it: the POM's value, or the parameter's own property expression. */
  private void configured(String parameter, String value) {
    Xpp3Dom child = new Xpp3Dom(parameter);
    child.setValue(value);
    configuration.addChild(child);
  }

  @Test
  void aMisspeltPropertyNamesTheSettingItWasMeantToBe() throws Exception {
    commandLine.setProperty("resemble.treshold", "0.7");

    assertThat(problems()).containsExactly("-Dresemble.treshold is not a setting of the Resemble"
        + " plugin, so it changes nothing: did you mean -Dresemble.threshold?");
  }

  @Test
  void aPropertyInTheWrongCaseNamesTheSetting() throws Exception {
    commandLine.setProperty("resemble.onflagged", "WARN");

    assertThat(problems()).singleElement().asString()
        .endsWith("did you mean -Dresemble.onFlagged?");
  }

  @Test
  void aNameLikeNoSettingPointsToTheHelpGoal() throws Exception {
    commandLine.setProperty("resemble.colour", "blue");

    assertThat(problems()).containsExactly("-Dresemble.colour is not a setting of the Resemble"
        + " plugin, so it changes nothing; mvn resemble:help -Ddetail lists the settings.");
  }

  @Test
  void aTokenOnTheCommandLineIsRefusedSayingWhereItBelongs() throws Exception {
    commandLine.setProperty("resemble.apiKey", "secret-9f2c");

    assertThat(problems()).containsExactly("-Dresemble.apiKey is not read, on purpose: a token"
        + " typed on a command line stays in shell history; put it in the settings.xml server or"
        + " RESEMBLE_API_KEY.");
  }

  @Test
  void theMavenOnlyPropertiesAndOtherPluginsPropertiesAreLeftAlone() throws Exception {
    commandLine.setProperty("resemble.skip", "true");
    commandLine.setProperty("resemble.waivers", "waivers.yaml");
    commandLine.setProperty("resemble.serverId", "other");
    commandLine.setProperty("resemble.threshold", "0.7");
    commandLine.setProperty("skipTests", "true");
    commandLine.setProperty("resemblance", "x");

    assertThat(problems()).isEmpty();
  }

  @Test
  void aPropertyThePomConfigurationOverridesSaysSoAndHowToFreeIt() throws Exception {
    configured("onFlagged", "FAIL");
    commandLine.setProperty("resemble.onFlagged", "WARN");

    assertThat(problems()).containsExactly("-Dresemble.onFlagged changes nothing here: the POM"
        + " sets <onFlagged> in the plugin's <configuration>, which wins over -D; set it in"
        + " <properties> as resemble.onFlagged instead.");
  }

  @Test
  void aPropertyEqualToWhatThePomSaysChangesNothingWorthSaying() throws Exception {
    configured("onFlagged", "WARN");
    commandLine.setProperty("resemble.onFlagged", "WARN");

    assertThat(problems()).isEmpty();
  }

  @Test
  void aConfigurationThatFollowsThePropertyLetsItThrough() throws Exception {
    configured("onFlagged", "${resemble.onFlagged}");
    commandLine.setProperty("resemble.onFlagged", "WARN");

    assertThat(problems()).isEmpty();
  }

  @Test
  void aListInTheConfigurationOverridesTheProperty() throws Exception {
    Xpp3Dom includes = new Xpp3Dom("includes");
    Xpp3Dom include = new Xpp3Dom("include");
    include.setValue("media/**");
    includes.addChild(include);
    configuration.addChild(includes);
    commandLine.setProperty("resemble.includes", "other/**");

    assertThat(problems()).singleElement().asString().startsWith("-Dresemble.includes changes"
        + " nothing here: the POM sets <includes>");
  }

  @Test
  void thePerTypeThresholdPropertiesAreSettingsAndTheirElementsOverrideThem() throws Exception {
    Xpp3Dom thresholds = new Xpp3Dom("thresholds");
    Xpp3Dom audio = new Xpp3Dom("audio");
    audio.setValue("0.6");
    thresholds.addChild(audio);
    configuration.addChild(thresholds);
    commandLine.setProperty("resemble.thresholds.audio", "0.8");
    commandLine.setProperty("resemble.thresholds.image", "0.8");

    assertThat(problems()).containsExactly("-Dresemble.thresholds.audio changes nothing here:"
        + " the POM sets <thresholds><audio> in the plugin's <configuration>, which wins over -D;"
        + " set it in <properties> as resemble.thresholds.audio instead.");
  }

  @Test
  void noWarningRepeatsTheValueGiven() throws Exception {
    configured("apiUrl", "https://app.resemble.ai/api/v2");
    commandLine.setProperty("resemble.apiUrl", "https://user:secret-9f2c@proxy.example/api");
    commandLine.setProperty("resemble.apiKye", "secret-9f2c");

    assertThat(problems()).hasSize(2).noneMatch(p -> p.contains("secret-9f2c"));
  }

  @Test
  void eachWarningIsSaidOncePerBuildHoweverManyModulesFindIt() {
    MavenSession session = mock(MavenSession.class);
    when(session.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
    RecordingLog log = new RecordingLog();
    List<String> problems = List.of("-Dresemble.treshold is not a setting.");

    UserPropertyCheck.warnOncePerBuild(problems, session, log);
    UserPropertyCheck.warnOncePerBuild(problems, session, log);

    assertThat(log.at("warn")).containsExactly("-Dresemble.treshold is not a setting.");
  }
}
