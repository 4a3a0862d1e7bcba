package io.github.resemblegate.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks this project's media with the Resemble Detect API and fails the build when a file
 * scores at or above the threshold. Also runs without a project:
 * {@code mvn io.github.resemblegate:resemble-maven-plugin:detect -Dresemble.includes='media/**'}.
 */
@Mojo(name = "detect", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class DetectMojo extends AbstractDetectMojo {

  /** Where the reports and the run journal are written. */
  @Parameter(property = "resemble.reportsDirectory", defaultValue = "${project.build.directory}/resemble")
  File reportsDirectory;

  @Inject
  public DetectMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  ScanScope scanScope() {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    List<String> patterns = includes == null || includes.isEmpty()
        ? ScanScope.defaultIncludes(project) : includes;
    return new ScanScope(base, patterns, excludes == null ? List.of() : excludes);
  }

  @Override
  File reportsDirectory() {
    return reportsDirectory;
  }
}
