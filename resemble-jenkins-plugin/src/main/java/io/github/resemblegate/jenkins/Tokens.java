package io.github.resemblegate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Finds the API token for a build: the chosen Secret text credential, else RESEMBLE_API_KEY. */
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
   * @return the token, or null when neither source gives one (the gate asks for one only when it
   *     must upload: a dry run or a run the cache answers needs none)
   * @throws AbortException when a credential ID is set but no such Secret text credential exists
   */
  static String resolve(String credentialsId, Run<?, ?> run, EnvVars env) throws AbortException {
    if (!Text.isBlank(credentialsId)) {
      StringCredentials c = CredentialsProvider.findCredentialById(credentialsId.strip(),
          StringCredentials.class, run, List.of());
      if (c == null) {
        throw new AbortException("No Secret text credential with ID '" + credentialsId.strip()
            + "' is available to this build; add one under Manage Jenkins > Credentials or "
            + "correct credentialsId.");
      }
      CredentialsProvider.track(run, c);
      return c.getSecret().getPlainText();
    }
    String fromEnv = env == null ? null : env.get(ENV_VAR);
    return Text.isBlank(fromEnv) ? null : fromEnv.strip();
  }
}
