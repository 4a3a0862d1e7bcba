package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hudson.EnvVars;
import java.io.File;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller-wide defaults, set as Configuration as Code sets them: under
 * {@code unclassified:}, the global configuration named by its {@code @Symbol}, each key given to
 * the public setter that has a getter of the same name (CasC's BaseConfigurator.describe); then a
 * step without its own API URL or credential uses them.
 */
class GlobalConfigurationTest {

  private static final String CASC = """
      unclassified:
        resembleDetect:
          apiUrl: "https://resemble.internal.example.com/api/v2"
          credentialsId: "resemble-api-key"
      """;

  @TempDir File workspace;
  @TempDir File buildDir;

  @BeforeEach
  void freshController() {
    TestBuilds.freshController();
  }

  @AfterEach
  void forgetCredentials() {
    CredentialsProvider.resetForTest();
  }

  /** Applies a CasC {@code unclassified:} section to the controller's global configurations. */
  private static void configureAsCode(String yaml) throws Exception {
    JsonNode unclassified = new ObjectMapper(new YAMLFactory()).readTree(yaml)
        .get("unclassified");
    for (Map.Entry<String, JsonNode> section : unclassified.properties()) {
      GlobalConfiguration target = bySymbol(section.getKey());
      for (Map.Entry<String, JsonNode> attr : section.getValue().properties()) {
        setter(target.getClass(), attr.getKey()).invoke(target, attr.getValue().asText());
      }
    }
  }

  private static GlobalConfiguration bySymbol(String name) throws Exception {
    for (Class<?> c : org.jvnet.hudson.annotation_indexer.Index.list(Symbol.class,
        GlobalConfigurationTest.class.getClassLoader(), Class.class)) {
      if (GlobalConfiguration.class.isAssignableFrom(c)
          && List.of(c.getAnnotation(Symbol.class).value()).contains(name)) {
        return (GlobalConfiguration) hudson.ExtensionList.lookupSingleton(c);
      }
    }
    throw new AssertionError("No global configuration has the symbol " + name);
  }

  /** A one-argument public setter with a getter of the same property, as CasC requires. */
  private static Method setter(Class<?> type, String attribute) throws Exception {
    String suffix = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    type.getMethod("get" + suffix);
    return type.getMethod("set" + suffix, String.class);
  }

  @Test
  void aCascFragmentSetsTheControllersDefaults() throws Exception {
    configureAsCode(CASC);

    ResembleGlobalConfiguration global = ResembleGlobalConfiguration.get();
    assertThat(global.getApiUrl()).isEqualTo("https://resemble.internal.example.com/api/v2");
    assertThat(global.getCredentialsId()).isEqualTo("resemble-api-key");
  }

  @Test
  void aStepWithoutItsOwnUsesTheControllersUrlAndCredential() throws Exception {
    configureAsCode(CASC);
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "controller-key"));
    Results.FixedEngine engine = new Results.FixedEngine(Results.passed());
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setFormats("none");

    TestBuilds.perform(step, engine, new TestBuilds.TestRun(buildDir), workspace, new EnvVars(),
        new TestBuilds.Console());

    assertThat(engine.seen.get().api().url())
        .isEqualTo("https://resemble.internal.example.com/api/v2");
    assertThat(engine.seen.get().api().token().secret()).isEqualTo("controller-key");
  }

  @Test
  void aStepsOwnUrlAndCredentialOverrideTheControllers() throws Exception {
    configureAsCode(CASC);
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "controller-key"));
    CredentialsProvider.storeForTest(new SecretText("team-key", "team-secret"));
    Results.FixedEngine engine = new Results.FixedEngine(Results.passed());
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setFormats("none");
    step.setApiUrl("https://team.example.com/api/v2");
    step.setCredentialsId("team-key");

    TestBuilds.perform(step, engine, new TestBuilds.TestRun(buildDir), workspace, new EnvVars(),
        new TestBuilds.Console());

    assertThat(engine.seen.get().api().url()).isEqualTo("https://team.example.com/api/v2");
    assertThat(engine.seen.get().api().token().secret()).isEqualTo("team-secret");
  }

  @Test
  void blankValuesClearTheDefaults() throws Exception {
    configureAsCode(CASC);
    configureAsCode("""
        unclassified:
          resembleDetect:
            apiUrl: ""
            credentialsId: " "
        """);

    assertThat(ResembleGlobalConfiguration.get().getApiUrl()).isNull();
    assertThat(ResembleGlobalConfiguration.get().getCredentialsId()).isNull();
  }
}
