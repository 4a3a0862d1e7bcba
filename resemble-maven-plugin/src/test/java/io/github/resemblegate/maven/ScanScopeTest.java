package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanScopeTest {

  @TempDir Path dir;

  static MavenProject project(Path basedir, String artifactId, String... resourceDirs) {
    MavenProject project = new MavenProject();
    project.setArtifactId(artifactId);
    project.setFile(basedir.resolve("pom.xml").toFile());
    Build build = new Build();
    build.setDirectory(basedir.resolve("target").toString());
    build.setOutputDirectory(basedir.resolve("target/classes").toString());
    for (String r : resourceDirs) {
      Resource resource = new Resource();
      resource.setDirectory(r.startsWith("/") ? r : basedir.resolve(r).toString());
      build.addResource(resource);
    }
    project.setBuild(build);
    return project;
  }

  @Test
  void defaultsCoverResourcesMediaAndTheOutputFolder() {
    MavenProject project = project(dir, "app", "src/main/resources", "src/main/assets");

    assertThat(ScanScope.defaultIncludes(project, dir)).containsExactly("src/main/resources/**",
        "src/main/assets/**", "src/main/media/**", "target/classes/**");
  }

  @Test
  void resourceFoldersOutsideTheProjectAreLeftOut() {
    File outside = dir.getParent().resolve("shared-assets").toFile();
    MavenProject project = project(dir.resolve("app"), "app", outside.getAbsolutePath());

    assertThat(ScanScope.defaultIncludes(project, dir.resolve("app")))
        .containsExactly("src/main/media/**", "target/classes/**");
  }

  @Test
  void theStandInProjectOfARunWithoutPomScansTheWholeFolder() {
    MavenProject standIn = new MavenProject();
    Build build = new Build();
    build.setOutputDirectory("${project.basedir}/target/classes");
    Resource resource = new Resource();
    resource.setDirectory("${project.basedir}/src/main/resources");
    build.addResource(resource);
    standIn.setBuild(build);

    // Its project folders hold nothing in a plain folder of media: every file is a candidate.
    assertThat(ScanScope.defaultIncludes(standIn, dir)).containsExactly("**/*");
  }

  @Test
  void prefixesReRootPatternsUnderAModuleFolder() {
    assertThat(ScanScope.prefixed("modules/voice", List.of("src/main/media/**", "/media/*.wav")))
        .containsExactly("modules/voice/src/main/media/**", "modules/voice/media/*.wav");
    assertThat(ScanScope.prefixed("", List.of("a/**"))).containsExactly("a/**");
  }
}
