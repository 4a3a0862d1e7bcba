package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin's README is read by an administrator before anything else: how to get and install
 * the .hpi comes first, then the controller's settings, then the step; migrations come last.
 */
class ReadmeTest {

  private static Path module() {
    return Path.of(System.getProperty("plugin.sources", "src/main")).toAbsolutePath()
        .getParent().getParent();
  }

  private static String readme() throws Exception {
    return Files.readString(module().resolve("README.md"), StandardCharsets.UTF_8);
  }

  private static List<String> sections(String text) {
    List<String> headings = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("### ")) {
        headings.add(line.substring(4).strip());
      }
    }
    return headings;
  }

  @Test
  void installingComesFirstThenTheControllerThenTheStepAndMigrationsLast() throws Exception {
    List<String> headings = sections(readme());

    assertThat(headings.get(0)).isEqualTo("Install the plugin");
    assertThat(headings.get(1)).startsWith("Configure it for the whole controller");
    assertThat(headings.get(2)).isEqualTo("The step");
    assertThat(headings.indexOf("Names from earlier versions"))
        .isGreaterThan(headings.indexOf("What the build shows"));
  }

  @Test
  void theInstallSectionNamesTheCommandTheFileTheMenuAndTheMinimumJenkins() throws Exception {
    String text = readme();
    String install = text.substring(text.indexOf("### Install the plugin"),
        text.indexOf("### Configure it"));
    String pom = Files.readString(module().resolve("pom.xml"), StandardCharsets.UTF_8);
    String baseline = pom.replaceAll("(?s).*<jenkins.baseline>([^<]+)</jenkins.baseline>.*", "$1");
    String artifact = pom.replaceAll("(?s).*</parent>\\s*<groupId>[^<]+</groupId>\\s*"
        + "<artifactId>([^<]+)</artifactId>.*", "$1");

    assertThat(install).contains("./mvnw -B -Pjenkins -pl resemble-jenkins-plugin -am package",
        "resemble-jenkins-plugin/target/" + artifact + ".hpi",
        "*Manage Jenkins* → *Plugins* → *Advanced settings* → *Deploy Plugin*",
        "Jenkins **" + baseline + ".3** or later");
  }
}
