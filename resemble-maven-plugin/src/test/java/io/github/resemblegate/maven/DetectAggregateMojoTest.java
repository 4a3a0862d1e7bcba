package io.github.resemblegate.maven;

import static io.github.resemblegate.maven.ScanScopeTest.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.github.resemblegate.gate.GateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** The aggregator scans every module of the reactor from the top project, in one run. */
@MojoTest
class DetectAggregateMojoTest {

  private GateConfig configFor(DetectAggregateMojo mojo, List<MavenProject> reactor, RecordingLog log)
      throws Exception {
    mojo.setLog(log);
    mojo.project = reactor.get(0);
    when(mojo.session.getProjects()).thenReturn(reactor);
    return mojo.gateConfig();
  }

  @Test
  @InjectMojo(goal = "detect-aggregate")
  void includesEveryModulesMediaRelativeToTheTopProject(DetectAggregateMojo mojo) throws Exception {
    Path top = Files.createTempDirectory("reactor");
    List<MavenProject> reactor = List.of(
        project(top, "parent"),
        project(top.resolve("voice"), "voice", "src/main/resources"),
        project(top.resolve("apps/web"), "web", "src/main/resources"));

    GateConfig config = configFor(mojo, reactor, new RecordingLog());

    assertThat(config.scan().baseDirectory()).isEqualTo(top.toAbsolutePath().normalize());
    assertThat(config.scan().includes()).containsExactly(
        "src/main/media/**", "target/classes/**",
        "voice/src/main/resources/**", "voice/src/main/media/**", "voice/target/classes/**",
        "apps/web/src/main/resources/**", "apps/web/src/main/media/**", "apps/web/target/classes/**");
  }

  @Test
  @InjectMojo(goal = "detect-aggregate", pom = "<project><build><plugins><plugin>"
      + "<artifactId>resemble-maven-plugin</artifactId><configuration>"
      + "<includes><include>media/**</include></includes>"
      + "<excludes><exclude>**/draft/**</exclude></excludes>"
      + "</configuration></plugin></plugins></build></project>")
  void givenPatternsApplyInsideEachModule(DetectAggregateMojo mojo) throws Exception {
    Path top = Files.createTempDirectory("reactor");
    List<MavenProject> reactor = List.of(project(top, "parent"), project(top.resolve("voice"), "voice"));

    GateConfig config = configFor(mojo, reactor, new RecordingLog());

    assertThat(config.scan().includes()).containsExactly("media/**", "voice/media/**");
    assertThat(config.scan().excludes()).containsExactly("**/draft/**", "voice/**/draft/**");
  }

  @Test
  @InjectMojo(goal = "detect-aggregate")
  void warnsAboutAModuleOutsideTheTopProject(DetectAggregateMojo mojo) throws Exception {
    Path top = Files.createTempDirectory("reactor");
    Path elsewhere = Files.createTempDirectory("elsewhere");
    RecordingLog log = new RecordingLog();

    GateConfig config = configFor(mojo,
        List.of(project(top, "parent"), project(elsewhere, "stray")), log);

    assertThat(config.scan().includes()).containsExactly("src/main/media/**", "target/classes/**");
    assertThat(log.at("warn")).singleElement().asString()
        .startsWith("Module stray lies outside ").endsWith("so detect-aggregate leaves it out; run detect in it instead.");
  }

  @Test
  @InjectMojo(goal = "detect-aggregate")
  void writesItsReportsBesideNotOverTheTopProjectsOwn(DetectAggregateMojo mojo) throws Exception {
    Path top = Files.createTempDirectory("reactor");

    GateConfig config = configFor(mojo, List.of(project(top, "parent")), new RecordingLog());

    assertThat(config.reports().directory().getFileName().toString()).isEqualTo("resemble-aggregate");
  }
}
