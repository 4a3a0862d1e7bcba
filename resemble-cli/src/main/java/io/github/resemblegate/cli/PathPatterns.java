package io.github.resemblegate.cli;

import io.github.resemblegate.gate.GateException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PATHs of {@code detect} as include patterns relative to the folder it runs in: a folder
 * covers everything under it, a file itself, and a quoted pattern stays as typed. Report paths are
 * relative to that folder, so every CI agent that checks out the same tree reports the same paths.
 */
final class PathPatterns {

  private PathPatterns() {}

  static List<String> of(List<String> paths, Path base) {
    List<String> patterns = new ArrayList<>();
    for (String given : paths) {
      if (given.contains("*") || given.contains("?")) {
        patterns.add(given.replace('\\', '/'));
        continue;
      }
      Path p;
      try {
        p = base.resolve(given).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        throw new GateException("PATH '" + given + "' is not a valid path; give a file, a folder"
            + " or a quoted pattern such as 'media/**/*.wav'.");
      }
      if (!p.startsWith(base)) {
        throw new GateException("PATH " + given + " lies outside " + base + ", the folder the"
            + " command runs in; run it from a folder that holds " + given + ".");
      }
      if (!Files.exists(p)) {
        throw new GateException("PATH " + given + " does not exist in " + base + "; give a"
            + " file, a folder or a quoted pattern such as 'media/**/*.wav'.");
      }
      String rel = portable(base.relativize(p));
      patterns.add(!Files.isDirectory(p) ? rel : rel.isEmpty() ? "**/*" : rel + "/**");
    }
    return patterns;
  }

  private static String portable(Path relative) {
    List<String> names = new ArrayList<>();
    relative.forEach(n -> names.add(n.toString()));
    return names.size() == 1 && names.get(0).isEmpty() ? "" : String.join("/", names);
  }
}
