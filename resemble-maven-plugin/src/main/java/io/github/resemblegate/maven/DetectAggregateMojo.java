package io.github.resemblegate.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks the media of every module of the reactor in one run, with one verdict and one set of
 * reports whose paths are relative to the top project. Run it after the modules are built:
 * {@code mvn verify resemble:detect-aggregate}. The includes and excludes apply inside each module.
 */
@Mojo(name = "detect-aggregate", aggregator = true, threadSafe = true)
public class DetectAggregateMojo extends AbstractDetectMojo {

  /** Where the aggregate reports and the run journal are written. */
  @Parameter(property = "resemble.reportsDirectory",
      defaultValue = "${project.build.directory}/resemble-aggregate")
  File reportsDirectory;

  @Inject
  public DetectAggregateMojo(SettingsDecrypter decrypter) {
    super(decrypter);
  }

  @Override
  ScanScope scanScope() {
    Path top = project.getBasedir().toPath().toAbsolutePath().normalize();
    Set<String> allDefaults = new LinkedHashSet<>();
    Set<String> allIncludes = new LinkedHashSet<>();
    Set<String> allExcludes = new LinkedHashSet<>();
    for (MavenProject module : reactorProjects()) {
      Path dir = module.getBasedir().toPath().toAbsolutePath().normalize();
      if (!dir.startsWith(top)) {
        getLog().warn("Module " + module.getArtifactId() + " lies outside " + top
            + ", so detect-aggregate leaves it out; run detect in it instead.");
        continue;
      }
      String prefix = ScanScope.slashes(top.relativize(dir));
      allDefaults.addAll(ScanScope.prefixed(prefix, ScanScope.defaultIncludes(module, dir)));
      allIncludes.addAll(ScanScope.prefixed(prefix, includes));
      allExcludes.addAll(ScanScope.prefixed(prefix, excludes));
    }
    return new ScanScope(top, new ArrayList<>(allDefaults), new ArrayList<>(allIncludes),
        new ArrayList<>(allExcludes));
  }

  /** One run over all modules, after them: its lines need no module name. */
  @Override
  boolean namesModule() {
    return false;
  }

  private List<MavenProject> reactorProjects() {
    List<MavenProject> projects = session.getProjects();
    return projects == null || projects.isEmpty() ? List.of(project) : projects;
  }

  @Override
  File reportsDirectory() {
    return reportsDirectory;
  }
}
