package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.Defaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * What one run scans: the base folder (report paths are relative to it), the goal's includes for
 * when the user gives none, and the user's includes and excludes, all relative to that folder.
 */
record ScanScope(Path baseDirectory, List<String> defaultIncludes, List<String> includes,
    List<String> excludes) {

  ScanScope {
    defaultIncludes = clean(defaultIncludes);
    includes = clean(includes);
    excludes = clean(excludes);
  }

  /** {@code -Dresemble.includes='a/**, b/**'} arrives with spaces and maybe empty entries. */
  private static List<String> clean(List<String> patterns) {
    return patterns == null ? List.of()
        : patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
  }

  /**
   * Where media lives in a Maven project: its resource folders, {@code src/main/media}, and what
   * the build copied or generated into the output folder ({@code target/classes}); without a
   * pom.xml, the whole folder. Identical content found twice (a resource and its copy) is billed
   * once: the gate dedupes by hash.
   */
  static List<String> defaultIncludes(MavenProject project, Path base) {
    if (project.getBasedir() == null) {
      // Maven's stand-in for a folder without pom.xml has no media folders of its own: every file
      // of the folder is a candidate, else the goal would match nothing there and pass.
      return List.of(Defaults.INCLUDES);
    }
    Set<String> patterns = new LinkedHashSet<>();
    for (Resource resource : project.getResources()) {
      addFolder(patterns, base, resource.getDirectory());
    }
    patterns.add("src/main/media/**");
    if (project.getBuild() != null) {
      addFolder(patterns, base, project.getBuild().getOutputDirectory());
    }
    return new ArrayList<>(patterns);
  }

  /** {@code patterns} re-rooted under {@code prefix} (a module folder relative to the top project). */
  static List<String> prefixed(String prefix, List<String> patterns) {
    List<String> given = clean(patterns);
    if (prefix.isEmpty()) {
      return given;
    }
    return given.stream().map(p -> prefix + "/" + strip(p)).toList();
  }

  private static void addFolder(Set<String> patterns, Path base, String folder) {
    if (folder == null || folder.isBlank()) {
      return;
    }
    // Maven's stand-in project (no pom.xml) leaves ${project.basedir} unresolved in its folders.
    String unresolved = "${project.basedir}";
    String f = folder.startsWith(unresolved) ? "." + folder.substring(unresolved.length()) : folder;
    Path dir = base.resolve(f).toAbsolutePath().normalize();
    if (dir.startsWith(base)) {
      String relative = slashes(base.relativize(dir));
      patterns.add(relative.isEmpty() ? "**" : relative + "/**");
    }
  }

  static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  private static String strip(String pattern) {
    String p = pattern.strip().replace('\\', '/');
    return p.startsWith("/") ? p.substring(1) : p;
  }
}
