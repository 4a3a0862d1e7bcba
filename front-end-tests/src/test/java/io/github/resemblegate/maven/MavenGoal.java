package io.github.resemblegate.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;

/**
 * The Maven goal as front-end-tests drive it: a mojo the harness made, pointed at a project folder
 * and an API, with its log kept. Lives in the plugin's package only to reach what Maven would set.
 */
public final class MavenGoal {

  private final DetectMojo mojo;
  private final List<String> lines = new ArrayList<>();

  /** The goal over {@code project} (media under src/main/media), talking to {@code apiUrl}. */
  public MavenGoal(DetectMojo mojo, Path project, String apiUrl, String token) {
    this.mojo = mojo;
    MavenProject p = new MavenProject();
    p.setArtifactId("app");
    p.setFile(project.resolve("pom.xml").toFile());
    Build build = new Build();
    build.setDirectory(project.resolve("target").toString());
    build.setOutputDirectory(project.resolve("target/classes").toString());
    p.setBuild(build);
    mojo.project = p;
    mojo.reportsDirectory = project.resolve("target/resemble").toFile();
    mojo.cacheDirectory = new File(project.toFile(), "maven-cache");
    mojo.apiUrl = apiUrl;
    mojo.pollInterval = "20ms";
    mojo.maxPollInterval = "50ms";
    mojo.environment = Map.of("RESEMBLE_API_KEY", token)::get;
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        lines.add(content.toString());
      }

      @Override
      public void warn(CharSequence content) {
        lines.add(content.toString());
      }

      @Override
      public void error(CharSequence content) {
        lines.add(content.toString());
      }
    });
  }

  public DetectMojo mojo() {
    return mojo;
  }

  /** What the goal logged at info, warning and error level. */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
