package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.github.resemblegate.gate.GateConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/**
 * Run in a folder without pom.xml, Maven hands the goal a stand-in project with no base folder
 * and an unresolved {@code ${project.basedir}/target}: the folder Maven runs in is meant.
 */
@MojoTest
class DetectMojoWithoutPomTest {

  @Test
  @InjectMojo(goal = "detect")
  void scansAndReportsInTheFolderMavenRunsIn(DetectMojo mojo) throws Exception {
    Path folder = Files.createTempDirectory("no-pom").toRealPath();
    MavenProject standIn = new MavenProject();
    Build build = new Build();
    build.setDirectory("${project.basedir}/target");
    build.setOutputDirectory("${project.basedir}/target/classes");
    standIn.setBuild(build);
    mojo.project = standIn;
    // As Maven hands it over: made absolute against the folder it runs in.
    mojo.reportsDirectory = new File(folder.toFile(), "${project.basedir}/target/resemble");
    when(mojo.session.getExecutionRootDirectory()).thenReturn(folder.toString());
    mojo.setLog(new RecordingLog());

    GateConfig config = mojo.gateConfig();

    assertThat(config.scan().baseDirectory()).isEqualTo(folder);
    assertThat(config.reports().directory()).isEqualTo(folder.resolve("target/resemble"));
    // No project folders: the whole folder is scanned, as the front end's default includes.
    assertThat(config.scan().includes()).containsExactly("**/*");
    assertThat(config.scan().includesGiven()).isFalse();
  }
}
