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
        new EnvVars("RESEMBLE_API_KEY", "env-secret"));

    assertThat(token).isEqualTo("cred-secret-1");
    assertThat(CredentialsProvider.trackedForTest()).containsExactly(key);
  }

  @Test
  void unknownCredentialIdStopsTheStepNamingTheId() {
    assertThatThrownBy(() -> Tokens.resolve("nope", new TestBuilds.TestRun(buildDir),
        new EnvVars())).isExactlyInstanceOf(AbortException.class)
        .hasMessage("No Secret text credential with ID 'nope' is available to this build; add one "
            + "under Manage Jenkins > Credentials or correct credentialsId.");
  }

  @Test
  void environmentVariableIsTheFallback() throws Exception {
    assertThat(Tokens.resolve("", new TestBuilds.TestRun(buildDir),
        new EnvVars("RESEMBLE_API_KEY", " env-secret "))).isEqualTo("env-secret");
  }

  @Test
  void noTokenAnywhereGivesNull() throws Exception {
    assertThat(Tokens.resolve(null, new TestBuilds.TestRun(buildDir), new EnvVars())).isNull();
  }
}
