package io.github.resemblegate.maven;

import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the API token: {@code <apiKey>} in the POM (with a warning), else the password of the
 * {@code settings.xml} server (decrypted), else the {@code RESEMBLE_API_KEY} environment variable.
 * Never logs the value. It hands the token over as a plain string: the settings reader wraps it,
 * so the value is held by a type that never prints it from there on.
 */
final class TokenResolver {

  static final String ENV_VAR = "RESEMBLE_API_KEY";

  private final SettingsDecrypter decrypter;
  private final UnaryOperator<String> environment;
  private String source;

  TokenResolver(SettingsDecrypter decrypter, UnaryOperator<String> environment) {
    this.decrypter = decrypter;
    this.environment = environment;
  }

  /** The sentence the gate shows when it needs a token and there is none. */
  static String advice(String serverId) {
    return "Put the Resemble API token in ~/.m2/settings.xml as the <password> of a <server> with id '"
        + serverId + "', or set the " + ENV_VAR + " environment variable.";
  }

  /** Where the last token {@link #resolve} returned came from, or null. */
  String source() {
    return source;
  }

  /** The token, or null when none is configured (the gate then decides whether it needs one). */
  String resolve(Settings settings, String serverId, String pomApiKey, ApiUrl apiUrl, Log log)
      throws MojoExecutionException {
    String fromPom = present(pomApiKey);
    if (fromPom != null) {
      if (apiUrl.isLoopback()) {
        // A key for a server on this machine (the simulator) is a placeholder, not a secret.
        log.debug("Using the API token from <apiKey> for the local server " + apiUrl.host() + ".");
      } else {
        log.warn("The Resemble API token is written in the POM (<apiKey>), so it shows in mvn -X output"
            + " and in version control; move it to a <server> with id '" + serverId
            + "' in ~/.m2/settings.xml or to the " + ENV_VAR + " environment variable.");
      }
      source = "<apiKey> in the POM";
      return fromPom;
    }
    Server server = settings == null || serverId == null || serverId.isBlank()
        ? null : settings.getServer(serverId);
    if (server != null) {
      String fromServer = present(decryptedPassword(server));
      if (fromServer != null) {
        log.debug("Using the API token of the server '" + serverId + "' in settings.xml.");
        source = "the server '" + serverId + "' in settings.xml";
        return fromServer;
      }
      log.warn("The server '" + serverId + "' in settings.xml has no <password>; the Resemble API token"
          + " goes there.");
    }
    String fromEnvironment = present(environment.apply(ENV_VAR));
    if (fromEnvironment != null) {
      log.debug("Using the API token from the " + ENV_VAR + " environment variable.");
      source = "the " + ENV_VAR + " environment variable";
    }
    return fromEnvironment;
  }

  /** Blank means not given, so the next source is tried. */
  private static String present(String token) {
    return token == null || token.isBlank() ? null : token.strip();
  }

  private String decryptedPassword(Server server) throws MojoExecutionException {
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        // Plain passwords pass through decryption untouched, so any problem is a real one.
        throw new MojoExecutionException("The password of the server '" + server.getId()
            + "' in settings.xml could not be decrypted (" + problem.getMessage()
            + "); check ~/.m2/settings-security.xml or encrypt it again with mvn --encrypt-password.");
      }
    }
    return result.getServer().getPassword();
  }
}
