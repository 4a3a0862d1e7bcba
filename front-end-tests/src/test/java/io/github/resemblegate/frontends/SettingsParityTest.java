package io.github.resemblegate.frontends;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.cli.CliCommand;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import io.github.resemblegate.jenkins.JenkinsStep;
import io.github.resemblegate.jenkins.ResembleDetectBuilder;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundSetter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every setting of the catalogue is a parameter of the Maven goal, a field of the Jenkins step and
 * an option of the command line (in kebab case: {@code --api-url}), under the same name and with
 * the same default; what a front end leaves out, it leaves out on
 * purpose, and this test says why. Defaults are compared by meaning: the front end's default word
 * must read as the catalogue's ({@code 120s} is {@code 2m}).
 */
class SettingsParityTest {

  /** Maven's own parameters, which the step gets another way. */
  private static final Map<String, String> MAVEN_ONLY = Map.of(
      "skip", "Maven's convention to turn a goal off; in Jenkins one leaves the step out",
      "serverId", "the token's settings.xml server; Jenkins takes it from a credential",
      "apiKey", "a token written in the POM; Jenkins takes it from a credential",
      "proxyId", "a settings.xml proxy; Jenkins uses the controller's proxy",
      "waivers", "waivers written inline in the POM; the step reads them from waiversFile",
      "thresholds", "the POM's nested <thresholds><audio>: the settings thresholds.audio|image|video");

  /** The step's own fields, which the goal gets another way. */
  private static final Map<String, String> JENKINS_ONLY = Map.of(
      "credentialsId", "the Jenkins credential holding the token; Maven reads settings.xml or"
          + " RESEMBLE_API_KEY");

  /** Settings whose default is the front end's, not the catalogue's. */
  private static final Map<Setting, String> FRONT_END_DEFAULTS = Map.of(
      Setting.INCLUDES, "Maven: the project's resource and media folders; Jenkins: required;"
          + " the CLI: the PATHs given, else every file",
      Setting.REPORTS_DIRECTORY, "Maven: target/resemble (or target/resemble-aggregate);"
          + " Jenkins: resemble-reports in the workspace; the CLI: ./resemble-reports");

  /** The command line's own options, which the other front ends get another way. */
  private static final Map<String, String> CLI_ONLY = Map.of(
      "--api-key-file", "a file holding the token; Maven reads settings.xml, Jenkins a credential,"
          + " and all three RESEMBLE_API_KEY",
      "--debug", "prints every request and file; Maven has -X, Jenkins its log level",
      "--help", "picocli's usage help",
      "--version", "picocli's version line");

  @TempDir Path base;

  @Test
  void everySettingIsExposedEverywhereUnderItsNameWithTheSameDefault() throws Exception {
    Map<String, String> maven = mavenDefaults("detect");
    ResembleDetectBuilder freshStep = new ResembleDetectBuilder("media/**");
    Map<String, String> jenkins = JenkinsStep.freshWords(freshStep);
    Set<String> jenkinsFields = jenkinsFields();
    SoftAssertions soft = new SoftAssertions();
    for (Setting s : Setting.values()) {
      String mavenName = s.id().startsWith("thresholds.") ? "thresholds" : s.id();
      soft.assertThat(maven).as("Maven parameter " + mavenName).containsKey(mavenName);
      soft.assertThat(jenkinsFields).as("Jenkins field for " + s.id())
          .contains(JenkinsStep.fieldName(s));
      if (FRONT_END_DEFAULTS.containsKey(s) || s.id().startsWith("thresholds.")) {
        continue;
      }
      GateConfig catalogue = read(s, s.defaultWord());
      soft.assertThat(read(s, maven.get(mavenName))).as("Maven's default of " + s.id() + ": "
          + maven.get(mavenName)).usingRecursiveComparison().ignoringFields("clock")
          .isEqualTo(catalogue);
      soft.assertThat(read(s, jenkins.get(s.id()))).as("Jenkins' default of " + s.id() + ": "
          + jenkins.get(s.id())).usingRecursiveComparison().ignoringFields("clock")
          .isEqualTo(catalogue);
    }
    soft.assertAll();
  }

  @Test
  void neitherFrontEndHasASettingTheCatalogueDoesNotKnow() throws Exception {
    Set<String> catalogue = new TreeSet<>();
    for (Setting s : Setting.values()) {
      catalogue.add(s.id());
    }
    Set<String> mavenExtra = new TreeSet<>(mavenDefaults("detect").keySet());
    mavenExtra.removeAll(catalogue);
    assertThat(mavenExtra).as("Maven parameters that are no setting")
        .isEqualTo(MAVEN_ONLY.keySet().stream().collect(java.util.stream.Collectors.toCollection(
            TreeSet::new)));
    Set<String> jenkinsExtra = jenkinsFields();
    for (Setting s : Setting.values()) {
      jenkinsExtra.remove(JenkinsStep.fieldName(s));
    }
    assertThat(jenkinsExtra).as("Jenkins fields that are no setting")
        .containsExactlyInAnyOrderElementsOf(JENKINS_ONLY.keySet());
  }

  @Test
  void theCommandLineHasAnOptionForEverySettingUnderItsKebabCaseNameWithTheSameDefault() {
    CommandSpec detect = CliCommand.spec("detect");
    SoftAssertions soft = new SoftAssertions();
    for (Setting s : Setting.values()) {
      OptionSpec option = detect.findOption(CliCommand.optionName(s));
      soft.assertThat(option).as("CLI option for " + s.id()).isNotNull();
      if (option == null || FRONT_END_DEFAULTS.containsKey(s)
          || s.id().startsWith("thresholds.")) {
        continue;
      }
      soft.assertThat(read(s, option.defaultValue())).as("the CLI's default of " + s.id() + ": "
          + option.defaultValue()).usingRecursiveComparison().ignoringFields("clock")
          .isEqualTo(read(s, s.defaultWord()));
    }
    soft.assertAll();
    assertThat(CliCommand.optionName(Setting.API_URL)).isEqualTo("--api-url");
    assertThat(CliCommand.optionName(Setting.AUDIO_THRESHOLD)).isEqualTo("--threshold-audio");
  }

  @Test
  void theCommandLineHasNoOptionTheCatalogueDoesNotKnowButItsOwn() {
    Set<String> extra = new TreeSet<>();
    for (OptionSpec o : CliCommand.spec("detect").options()) {
      if (!o.hidden()) {
        extra.add(o.longestName());
      }
    }
    for (Setting s : Setting.values()) {
      extra.remove(CliCommand.optionName(s));
    }
    assertThat(extra).containsExactlyInAnyOrderElementsOf(CLI_ONLY.keySet());
  }

  @Test
  void theAggregateGoalTakesTheSameSettingsWithTheSameDefaults() throws Exception {
    Map<String, String> detect = mavenDefaults("detect");
    Map<String, String> aggregate = mavenDefaults("detect-aggregate");
    detect.remove("reportsDirectory");
    aggregate.remove("reportsDirectory");
    assertThat(aggregate).isEqualTo(detect);
  }

  private GateConfig read(Setting s, String word) {
    return SettingsReader.forBase(base).read(new RawSettings().set(s, word), w -> { });
  }

  /** The goal's user parameters and their defaults (null: none), from the plugin descriptor. */
  private static Map<String, String> mavenDefaults(String goal) throws Exception {
    Element mojo = null;
    try (InputStream in = SettingsParityTest.class.getResourceAsStream(
        "/META-INF/maven/plugin.xml")) {
      NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
          .getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element m = (Element) mojos.item(i);
        if (text(m, "goal").equals(goal)) {
          mojo = m;
        }
      }
    }
    assertThat(mojo).as("goal " + goal + " in the plugin descriptor").isNotNull();
    Map<String, String> defaults = new LinkedHashMap<>();
    NodeList params = ((Element) mojo.getElementsByTagName("parameters").item(0))
        .getElementsByTagName("parameter");
    for (int i = 0; i < params.getLength(); i++) {
      Element p = (Element) params.item(i);
      if (text(p, "editable").equals("true")) {
        defaults.put(text(p, "name"), null);
      }
    }
    Node config = mojo.getElementsByTagName("configuration").item(0);
    for (Node n = config.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && defaults.containsKey(e.getTagName())
          && e.hasAttribute("default-value")) {
        defaults.put(e.getTagName(), e.getAttribute("default-value"));
      }
    }
    return defaults;
  }

  /** The step's fields a form or a Pipeline can set, but the deprecated old names. */
  private static Set<String> jenkinsFields() {
    Set<String> fields = new TreeSet<>(Set.of("includes"));
    for (Method m : ResembleDetectBuilder.class.getMethods()) {
      if (m.isAnnotationPresent(DataBoundSetter.class) && !m.isAnnotationPresent(Deprecated.class)
          && m.getName().startsWith("set")) {
        fields.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
      }
    }
    return fields;
  }

  private static String text(Element e, String tag) {
    NodeList nodes = e.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
  }
}
