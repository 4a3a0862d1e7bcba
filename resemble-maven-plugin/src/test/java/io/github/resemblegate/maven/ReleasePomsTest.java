package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.junit.jupiter.api.Test;

/**
 * Publishing to Maven Central is configuration, not a project: every module the reactor deploys
 * carries what Central requires (name, description, url, licenses, developers, scm), and the
 * release profile attaches sources and javadoc and signs them.
 */
class ReleasePomsTest {

  private static final Path ROOT = Path.of("..");

  private static Model read(Path pom) throws Exception {
    try (Reader in = Files.newBufferedReader(pom)) {
      return new MavenXpp3Reader().read(in);
    }
  }

  /** The default reactor's modules that deploy (a module opts out with maven.deploy.skip). */
  private static List<Model> published() throws Exception {
    List<Model> published = new ArrayList<>(List.of(read(ROOT.resolve("pom.xml"))));
    for (String module : read(ROOT.resolve("pom.xml")).getModules()) {
      Path pom = module.endsWith(".xml") ? ROOT.resolve(module) : ROOT.resolve(module).resolve("pom.xml");
      Model model = read(pom);
      if (!"true".equals(model.getProperties().getProperty("maven.deploy.skip"))) {
        published.add(model);
      }
    }
    return published;
  }

  @Test
  void theLibraryTheFrontEndsAndTheSimulatorArePublishedAndNothingElse() throws Exception {
    assertThat(published()).extracting(Model::getArtifactId).containsExactly(
        "resemble-gate-parent", "shared-client", "resemble-simulator", "resemble-maven-plugin",
        "resemble-cli");
  }

  @Test
  void everyPublishedModuleNamesAndDescribesItself() throws Exception {
    for (Model model : published()) {
      assertThat(model.getName()).as(model.getArtifactId()).isNotBlank();
      assertThat(model.getDescription()).as(model.getArtifactId()).isNotBlank();
    }
    List<String> descriptions = published().stream().map(Model::getDescription).toList();
    assertThat(descriptions).doesNotHaveDuplicates();
  }

  @Test
  void theParentCarriesCentralsMetadataForEveryModuleUnchanged() throws Exception {
    Model root = read(ROOT.resolve("pom.xml"));

    assertThat(root.getUrl()).startsWith("https://");
    assertThat(root.getLicenses()).singleElement()
        .satisfies(l -> assertThat(l.getName()).isEqualTo("Apache-2.0"))
        .satisfies(l -> assertThat(l.getUrl()).startsWith("https://"));
    assertThat(root.getDevelopers()).isNotEmpty();
    assertThat(root.getScm().getConnection()).startsWith("scm:git:");
    assertThat(root.getScm().getDeveloperConnection()).startsWith("scm:git:");
    assertThat(root.getScm().getUrl()).isEqualTo(root.getUrl());
    // A module's url and scm are the project's, not the parent's with the module's name appended.
    assertThat(root.getChildProjectUrlInheritAppendPath()).isEqualTo("false");
    assertThat(root.getScm().getChildScmUrlInheritAppendPath()).isEqualTo("false");
    assertThat(root.getScm().getChildScmConnectionInheritAppendPath()).isEqualTo("false");
    assertThat(root.getScm().getChildScmDeveloperConnectionInheritAppendPath()).isEqualTo("false");
    assertThat(ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
  }

  @Test
  void theJenkinsPluginWhoseParentIsJenkinsOwnCarriesTheSameMetadata() throws Exception {
    Model root = read(ROOT.resolve("pom.xml"));
    Model hpi = read(ROOT.resolve("resemble-jenkins-plugin/pom.xml"));

    assertThat(hpi.getDescription()).isNotBlank();
    assertThat(hpi.getUrl()).isEqualTo(root.getUrl());
    assertThat(hpi.getLicenses()).extracting(l -> l.getName() + " " + l.getUrl())
        .isEqualTo(root.getLicenses().stream().map(l -> l.getName() + " " + l.getUrl()).toList());
    assertThat(hpi.getScm().getUrl()).isEqualTo(root.getScm().getUrl());
    assertThat(hpi.getScm().getConnection()).isEqualTo(root.getScm().getConnection());
    assertThat(hpi.getDevelopers()).extracting(d -> d.getId())
        .isEqualTo(root.getDevelopers().stream().map(d -> d.getId()).toList());
  }

  @Test
  void theReleaseProfileAttachesSourcesAndJavadocAndSignsThem() throws Exception {
    Profile release = read(ROOT.resolve("pom.xml")).getProfiles().stream()
        .filter(p -> p.getId().equals("release")).findFirst().orElseThrow();

    assertThat(goals(release, "maven-source-plugin")).contains("jar-no-fork");
    assertThat(goals(release, "maven-javadoc-plugin")).contains("jar");
    assertThat(goals(release, "maven-gpg-plugin")).contains("sign");
    assertThat(plugin(release, "central-publishing-maven-plugin").getExtensions())
        .isEqualTo("true");
  }

  private static Plugin plugin(Profile profile, String artifactId) {
    return profile.getBuild().getPlugins().stream()
        .filter(p -> p.getArtifactId().equals(artifactId)).findFirst().orElseThrow();
  }

  private static List<String> goals(Profile profile, String artifactId) {
    return plugin(profile, artifactId).getExecutions().stream()
        .map(PluginExecution::getGoals).flatMap(List::stream).toList();
  }
}
