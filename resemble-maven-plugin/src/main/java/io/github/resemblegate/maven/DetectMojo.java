package io.github.resemblegate.maven;

import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Sends the audio, images and video this project ships to the Resemble Detect API, writes the
 * reports to target/resemble, and fails the build when a file scores at or above its threshold.
 * Runs in the verify phase. Also runs without a project:
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
    Path base = baseFolder().toPath().toAbsolutePath().normalize();
    return new ScanScope(base, ScanScope.defaultIncludes(project, base), includes, excludes);
  }

  @Override
  File reportsDirectory() {
    // Maven's stand-in project (no pom.xml) leaves ${project.basedir} in its build directory
    // (and Maven may have made that path absolute against the current folder).
    String path = reportsDirectory.getPath();
    int unresolved = path.indexOf("${project.basedir}");
    return unresolved < 0 ? reportsDirectory
        : new File(baseFolder(), path.substring(unresolved + "${project.basedir}".length()));
  }

  /** The project folder; without a pom.xml, the folder Maven runs in. */
  private File baseFolder() {
    return project.getBasedir() != null ? project.getBasedir()
        : new File(session.getExecutionRootDirectory());
  }
}
