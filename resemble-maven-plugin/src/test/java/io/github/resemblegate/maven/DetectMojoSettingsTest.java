package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Provides;
import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.gate.GateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;

/**
 * The goal, as Maven builds it, reads its token and proxy from settings.xml through the injected
 * {@link SettingsDecrypter}, else from the environment.
 */
@MojoTest
class DetectMojoSettingsTest {

  private final SettingsCrypto crypto;
  private final RecordingLog log = new RecordingLog();

  DetectMojoSettingsTest() throws Exception {
    Path dir = Files.createTempDirectory("resemble-settings-test");
    dir.toFile().deleteOnExit();
    crypto = new SettingsCrypto(dir);
  }

  /** The decrypter Maven would inject, reading this test's settings-security.xml. */
  @Provides
  SettingsDecrypter decrypter() {
    return crypto.decrypter();
  }

  private static Settings settings(String serverPassword, Proxy proxy) {
    Settings settings = new Settings();
    if (serverPassword != null) {
      Server server = new Server();
      server.setId("resemble");
      server.setPassword(serverPassword);
      settings.addServer(server);
    }
    if (proxy != null) {
      settings.addProxy(proxy);
    }
    return settings;
  }

  private GateConfig configOf(DetectMojo mojo, Settings settings, Map<String, String> env)
      throws MojoExecutionException {
    mojo.setLog(log);
    mojo.settings = settings;
    mojo.environment = env::get;
    return mojo.gateConfig();
  }

  @Test
  @InjectMojo(goal = "detect")
  void tokenComesFromTheEncryptedSettingsServer(DetectMojo mojo) throws Exception {
    GateConfig config = configOf(mojo, settings(crypto.encrypt("enc-token"), null),
        Map.of("RESEMBLE_API_KEY", "env-token"));

    assertThat(config.api().token()).isEqualTo(ApiToken.of("enc-token"));
    assertThat(log.all()).doesNotContain("enc-token");
  }

  @Test
  @InjectMojo(goal = "detect")
  void tokenComesFromTheEnvironmentWithoutAServer(DetectMojo mojo) throws Exception {
    GateConfig config = configOf(mojo, settings(null, null), Map.of("RESEMBLE_API_KEY", "env-token"));

    assertThat(config.api().token()).isEqualTo(ApiToken.of("env-token"));
  }

  @Test
  @InjectMojo(goal = "detect")
  void noTokenLeavesTheAdviceForTheGate(DetectMojo mojo) throws Exception {
    GateConfig config = configOf(mojo, settings(null, null), Map.of());

    assertThat(config.api().token()).isNull();
    assertThat(config.api().tokenAdvice()).isEqualTo("Put the Resemble API token in ~/.m2/settings.xml as"
        + " the <password> of a <server> with id 'resemble', or set the RESEMBLE_API_KEY environment"
        + " variable.");
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<apiKey>pom-token</apiKey>"
      + "</configuration></plugin></plugins></build></project>")
  void aPomTokenWorksWithAWarning(DetectMojo mojo) throws Exception {
    GateConfig config = configOf(mojo, settings("server-token", null), Map.of());

    assertThat(config.api().token()).isEqualTo(ApiToken.of("pom-token"));
    assertThat(log.at("warn")).singleElement().asString().startsWith("The Resemble API token is written in the POM");
  }

  @Test
  @InjectMojo(goal = "detect")
  void proxyComesFromSettingsWithItsPasswordDecrypted(DetectMojo mojo) throws Exception {
    Proxy proxy = new Proxy();
    proxy.setId("corp");
    proxy.setProtocol("https");
    proxy.setHost("proxy.corp");
    proxy.setPort(3128);
    proxy.setUsername("ci");
    proxy.setPassword(crypto.encrypt("proxy-pass"));
    proxy.setNonProxyHosts("*.local");

    GateConfig config = configOf(mojo, settings(null, proxy), Map.of());

    assertThat(config.api().proxy()).isEqualTo(
        new ProxyConfig("proxy.corp", 3128, "ci", "proxy-pass", List.of("*.local")));
  }

  @Test
  @InjectMojo(goal = "detect", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<proxyId>missing</proxyId>"
      + "</configuration></plugin></plugins></build></project>")
  void anUnknownProxyIdStopsTheBuildWithOneSentence(DetectMojo mojo) {
    assertThatThrownBy(() -> configOf(mojo, settings(null, null), Map.of()))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("settings.xml has no <proxy> with id 'missing'; add it, or fix resemble.proxyId.");
  }
}
