package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Use it for real" snippet is what a newcomer pastes: the IT
 * property-override-with-readme-snippet builds with it word for word, and its coordinates are
 * this plugin's.
 */
class ReadmeSnippetTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path IT_POM =
      Path.of("..", "src", "it", "property-override-with-readme-snippet", "pom.xml");

  /** The first XML block after the line that introduces it. */
  private static String snippet() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int intro = readme.indexOf("Then add it to the project's POM:");
    assertThat(intro).as("README.md introduces its POM snippet").isNotNegative();
    int start = readme.indexOf("```xml\n", intro) + "```xml\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  /** Lines without their indentation, blank lines left out: the IT's POM nests the snippet. */
  private static String lines(String xml) {
    StringBuilder sb = new StringBuilder();
    for (String line : xml.split("\n")) {
      if (!line.isBlank()) {
        sb.append(line.strip()).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void theItBuildsWithTheReadmeSnippetWordForWord() throws Exception {
    PluginDescriptor plugin = PluginDescriptor.load();
    String asTheItWritesIt = snippet()
        .replace("<groupId>" + text(plugin, "groupId") + "</groupId>", "<groupId>@project.groupId@</groupId>")
        .replace("<artifactId>" + text(plugin, "artifactId") + "</artifactId>",
            "<artifactId>@project.artifactId@</artifactId>")
        .replace("<version>" + text(plugin, "version") + "</version>", "<version>@project.version@</version>");

    assertThat(lines(Files.readString(IT_POM, StandardCharsets.UTF_8)))
        .contains(lines(asTheItWritesIt));
  }

  @Test
  void theSnippetNamesThisPluginsCoordinates() throws Exception {
    PluginDescriptor plugin = PluginDescriptor.load();

    assertThat(snippet()).contains("<groupId>" + text(plugin, "groupId") + "</groupId>",
        "<artifactId>" + text(plugin, "artifactId") + "</artifactId>",
        "<version>" + text(plugin, "version") + "</version>");
  }

  @Test
  void theSnippetLeavesTheSettingsToProperties() throws Exception {
    assertThat(snippet()).contains("<properties>", "<resemble.onFlagged>")
        .doesNotContain("<configuration>");
  }

  @Test
  void theReadmeSaysWhatMavenItselfPrintsAtDebugLevel() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);

    assertThat(readme).doesNotContain("not with `mvn -X`")
        .contains("`env.RESEMBLE_API_KEY: …`", "token-in-environment-shows-only-in-maven-debug");
    assertThat(IT_POM.resolveSibling("../token-in-environment-shows-only-in-maven-debug/verify.groovy"))
        .isRegularFile();
  }

  private static String text(PluginDescriptor plugin, String element) {
    return plugin.plugin(element);
  }
}
