package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import java.io.File;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

  @TempDir File buildDir;

  @AfterEach
  void forgetCredentials() {
    CredentialsProvider.resetForTest();
  }

  @Test
  void chosenCredentialGivesTheTokenAndIsTrackedOnTheBuild() throws Exception {
    SecretText key = new SecretText("resemble-api-key", "cred-secret-1");
    CredentialsProvider.storeForTest(key);

    String token = Tokens.resolve("resemble-api-key", new TestBuilds.TestRun(buildDir),
        new EnvVars("RESEMBLE_API_KEY", "env-secret"), null);

    assertThat(token).isEqualTo("cred-secret-1");
    assertThat(CredentialsProvider.trackedForTest()).containsExactly(key);
  }

  @Test
  void unknownCredentialIdStopsTheStepNamingTheId() {
    assertThatThrownBy(() -> Tokens.resolve("nope", new TestBuilds.TestRun(buildDir),
        new EnvVars(), null)).isExactlyInstanceOf(AbortException.class)
        .hasMessage("No Secret text credential with ID 'nope' is available to this build; add one "
            + "under Manage Jenkins > Credentials or correct credentialsId.");
  }

  @Test
  void environmentVariableIsTheFallback() throws Exception {
    assertThat(Tokens.resolve("", new TestBuilds.TestRun(buildDir),
        new EnvVars("RESEMBLE_API_KEY", " env-secret "), null)).isEqualTo("env-secret");
  }

  @Test
  void theBuildsVariableComesBeforeTheControllersDefaultCredential() throws Exception {
    CredentialsProvider.storeForTest(new SecretText("default-key", "controller-secret"));

    assertThat(Tokens.resolve(null, new TestBuilds.TestRun(buildDir),
        new EnvVars("RESEMBLE_API_KEY", "env-secret"), "default-key")).isEqualTo("env-secret");
  }

  @Test
  void theControllersDefaultCredentialIsTheLastResortAndIsTracked() throws Exception {
    SecretText key = new SecretText("default-key", "controller-secret");
    CredentialsProvider.storeForTest(key);

    assertThat(Tokens.resolve(null, new TestBuilds.TestRun(buildDir), new EnvVars(),
        "default-key")).isEqualTo("controller-secret");
    assertThat(CredentialsProvider.trackedForTest()).containsExactly(key);
  }

  @Test
  void aMissingDefaultCredentialSaysWhereToCorrectIt() {
    assertThatThrownBy(() -> Tokens.resolve(null, new TestBuilds.TestRun(buildDir),
        new EnvVars(), "gone")).isExactlyInstanceOf(AbortException.class)
        .hasMessage("No Secret text credential with ID 'gone' is available to this build; add one"
            + " under Manage Jenkins > Credentials or correct the default credential in Manage"
            + " Jenkins > System.");
  }

  @Test
  void noTokenAnywhereGivesNull() throws Exception {
    assertThat(Tokens.resolve(null, new TestBuilds.TestRun(buildDir), new EnvVars(), null))
        .isNull();
  }
}
