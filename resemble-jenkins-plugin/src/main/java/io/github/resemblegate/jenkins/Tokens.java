package io.github.resemblegate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Finds the API token for a build: the step's Secret text credential, else the build's
 * RESEMBLE_API_KEY, else the controller's default credential (global configuration).
 */
final class Tokens {

  static final String ENV_VAR = "RESEMBLE_API_KEY";

  /**
   * Told to the user, after the core's "No Resemble API token was provided.", when a run must pay
   * for something and has no token.
   */
  static final String ADVICE = "Choose a Secret text credential in the step's credentialsId, or"
      + " set the " + ENV_VAR + " environment variable for the build (for example with"
      + " withCredentials).";

  private Tokens() {}

  /** Where {@link #resolve} finds the token, in words for a sentence about a refused one. */
  static String source(String credentialsId) {
    return Text.isBlank(credentialsId) ? "the " + ENV_VAR + " environment variable"
        : "the credential '" + credentialsId.strip() + "'";
  }

  /**
   * @param defaultId the controller's default credential, or null
   * @return the token, or null when no source gives one (the gate asks for one only when it
   *     must upload: a dry run or a run the cache answers needs none)
   * @throws AbortException when a credential is named but no such Secret text credential exists
   */
  static String resolve(String credentialsId, Run<?, ?> run, EnvVars env, String defaultId)
      throws AbortException {
    if (!Text.isBlank(credentialsId)) {
      return secret(credentialsId.strip(), run, "correct credentialsId");
    }
    String fromEnv = env == null ? null : env.get(ENV_VAR);
    if (!Text.isBlank(fromEnv)) {
      return fromEnv.strip();
    }
    return Text.isBlank(defaultId) ? null
        : secret(defaultId.strip(), run, "correct the default credential in Manage Jenkins > System");
  }

  private static String secret(String id, Run<?, ?> run, String fix) throws AbortException {
    StringCredentials c = CredentialsProvider.findCredentialById(id, StringCredentials.class, run,
        List.of());
    if (c == null) {
      throw new AbortException("No Secret text credential with ID '" + id + "' is available to"
          + " this build; add one under Manage Jenkins > Credentials or " + fix + ".");
    }
    CredentialsProvider.track(run, c);
    return c.getSecret().getPlainText();
  }
}
