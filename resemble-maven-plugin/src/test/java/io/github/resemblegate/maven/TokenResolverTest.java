package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenResolverTest {

  private static final ApiUrl REAL_API = ApiUrl.parse("https://app.resemble.ai/api/v2").orElseThrow();

  @TempDir Path dir;
  private SettingsCrypto crypto;
  private final RecordingLog log = new RecordingLog();
  private final Map<String, String> env = new java.util.HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    crypto = new SettingsCrypto(dir);
  }

  private TokenResolver resolver() {
    return new TokenResolver(crypto.decrypter(), env::get);
  }

  private static Settings settingsWithServer(String id, String password) {
    Server server = new Server();
    server.setId(id);
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }

  @Test
  void readsPlainPasswordOfTheSettingsServer() throws Exception {
    String token = resolver().resolve(settingsWithServer("resemble", "plain-token-1"), "resemble",
        null, REAL_API, log);

    assertThat(token).isEqualTo("plain-token-1");
    assertThat(log.at("warn")).isEmpty();
    assertThat(log.all()).doesNotContain("plain-token-1");
  }

  @Test
  void decryptsEncryptedPasswordOfTheSettingsServer() throws Exception {
    String encrypted = crypto.encrypt("secret-token-2");
    assertThat(encrypted).startsWith("{").doesNotContain("secret-token-2");

    String token = resolver().resolve(settingsWithServer("resemble", encrypted), "resemble", null,
        REAL_API, log);

    assertThat(token).isEqualTo("secret-token-2");
  }

  @Test
  void usesTheServerIdThatIsConfigured() throws Exception {
    Settings settings = settingsWithServer("resemble", "default-server-token");
    Server other = new Server();
    other.setId("resemble-prod");
    other.setPassword("prod-token");
    settings.addServer(other);

    assertThat(resolver().resolve(settings, "resemble-prod", null, REAL_API, log))
        .isEqualTo("prod-token");
  }

  @Test
  void failsWithOneSentenceWhenTheEncryptedPasswordCannotBeDecrypted() throws Exception {
    String encrypted = crypto.encrypt("secret-token-3");
    TokenResolver noSecurityFile =
        new TokenResolver(SettingsCrypto.withoutSecurityFile(dir), env::get);

    assertThatThrownBy(() -> noSecurityFile.resolve(settingsWithServer("resemble", encrypted),
            "resemble", null, REAL_API, log))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("The password of the server 'resemble' in settings.xml could not be decrypted")
        .hasMessageEndingWith("check ~/.m2/settings-security.xml or encrypt it again with mvn --encrypt-password.")
        .hasMessageNotContaining("secret-token-3");
  }

  @Test
  void fallsBackToTheEnvironmentVariable() throws Exception {
    env.put("RESEMBLE_API_KEY", "env-token-4");

    assertThat(resolver().resolve(new Settings(), "resemble", null, REAL_API, log))
        .isEqualTo("env-token-4");
    assertThat(log.at("debug")).contains("Using the API token from the RESEMBLE_API_KEY environment variable.");
  }

  @Test
  void prefersTheSettingsServerOverTheEnvironment() throws Exception {
    env.put("RESEMBLE_API_KEY", "env-token");

    assertThat(resolver().resolve(settingsWithServer("resemble", "server-token"), "resemble", null,
        REAL_API, log)).isEqualTo("server-token");
  }

  @Test
  void warnsAboutAServerWithoutPasswordAndFallsBackToTheEnvironment() throws Exception {
    env.put("RESEMBLE_API_KEY", "env-token-5");
    Settings settings = settingsWithServer("resemble", null);

    assertThat(resolver().resolve(settings, "resemble", null, REAL_API, log))
        .isEqualTo("env-token-5");
    assertThat(log.at("warn")).containsExactly(
        "The server 'resemble' in settings.xml has no <password>; the Resemble API token goes there.");
  }

  @Test
  void acceptsAPomTokenButWarnsThatItLeaks() throws Exception {
    env.put("RESEMBLE_API_KEY", "env-token");

    String token = resolver().resolve(settingsWithServer("resemble", "server-token"), "resemble",
        "pom-token-6", REAL_API, log);

    assertThat(token).isEqualTo("pom-token-6");
    assertThat(log.at("warn")).containsExactly("The Resemble API token is written in the POM (<apiKey>),"
        + " so it shows in mvn -X output and in version control; move it to a <server> with id"
        + " 'resemble' in ~/.m2/settings.xml or to the RESEMBLE_API_KEY environment variable.");
    assertThat(log.all()).doesNotContain("pom-token-6");
  }

  @Test
  void doesNotWarnAboutAPomTokenForALocalServer() throws Exception {
    String token = resolver().resolve(null, "resemble", "simulator-key",
        ApiUrl.parse("http://127.0.0.1:8089/api/v2").orElseThrow(), log);

    assertThat(token).isEqualTo("simulator-key");
    assertThat(log.at("warn")).isEmpty();
  }

  @Test
  void returnsNullWhenNoSourceHasAToken() throws Exception {
    assertThat(resolver().resolve(new Settings(), "resemble", "  ", REAL_API, log)).isNull();
  }

  @Test
  void adviceNamesTheServerIdAndTheEnvironmentVariable() {
    assertThat(TokenResolver.advice("resemble-ci")).isEqualTo("Put the Resemble API token in"
        + " ~/.m2/settings.xml as the <password> of a <server> with id 'resemble-ci', or set the"
        + " RESEMBLE_API_KEY environment variable.");
  }
}
