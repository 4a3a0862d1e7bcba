package io.github.resemblegate.gate;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds the files a run covers. Walks the base directory once, streaming, and keeps one small
 * record per matched file. Folders no include can reach and folders an exclude covers entirely are
 * not entered. Symbolic links are followed only while they stay inside the base directory; a link
 * leading out is reported SKIPPED, and a link back into a folder being walked (a loop) is not
 * entered again.
 *
 * <p>Which files are reported: a matched file with a supported media extension is a candidate
 * (SKIPPED when it is empty or unreadable). A matched file with another extension is ignored
 * silently — {@code **}{@code /*} matches source files too — unless an include that matched it
 * names its extension literally ({@code **}{@code /*.txt}), in which case the user asked for it and
 * it is reported SKIPPED with the reason. There is no size limit: files too large for a batch are
 * submitted on their own through a secure upload.
 */
final class MediaScanner {

  /** Folders of version control systems and the junk editors and file managers leave behind. */
  static final List<String> DEFAULT_EXCLUDES = List.of(
      "**/.git/**", "**/.svn/**", "**/.hg/**", "**/CVS/**", "**/.bzr/**",
      "**/.DS_Store", "**/._*", "**/Thumbs.db", "**/desktop.ini",
      "**/*~", "**/#*#", "**/.#*", "**/%*%", "**/*.swp", "**/*.swo");

  /** What a scan found: matched files sorted by path, plus counts for the log. */
  record Result(List<ScannedFile> files, int ignoredNonMedia) {

    int candidates() {
      int n = 0;
      for (ScannedFile f : files) {
        if (f.isCandidate()) {
          n++;
        }
      }
      return n;
    }

    long candidateBytes() {
      long n = 0;
      for (ScannedFile f : files) {
        if (f.isCandidate()) {
          n += f.size();
        }
      }
      return n;
    }
  }

  private final Path base;
  private final List<AntPattern> includes;
  private final List<AntPattern> excludes;
  private final Consumer<String> warn;

  private MediaScanner(Path base, List<AntPattern> includes, List<AntPattern> excludes,
      Consumer<String> warn) {
    this.base = base;
    this.includes = includes;
    this.excludes = excludes;
    this.warn = warn;
  }

  /** A scanner for the configuration's base directory, patterns and default excludes. */
  static MediaScanner forConfig(GateConfig config, Consumer<String> warn) {
    List<AntPattern> in = AntPattern.compileAll(
        config.includes().isEmpty() ? List.of("**/*") : config.includes(), "includes");
    List<AntPattern> ex = new ArrayList<>(AntPattern.compileAll(config.excludes(), "excludes"));
    if (config.defaultExcludes()) {
      ex.addAll(AntPattern.compileAll(DEFAULT_EXCLUDES, "default excludes"));
      excludeInsideBase(config.baseDirectory(), config.reportsDirectory(), ex);
      if (config.cacheDirectory() != null) {
        excludeInsideBase(config.baseDirectory(), config.cacheDirectory(), ex);
      }
    }
    return new MediaScanner(config.baseDirectory(), in, ex, warn);
  }

  static MediaScanner of(Path base, List<String> includes, List<String> excludes,
      Consumer<String> warn) {
    return new MediaScanner(base.toAbsolutePath().normalize(),
        AntPattern.compileAll(includes, "includes"), AntPattern.compileAll(excludes, "excludes"),
        warn);
  }

  private static void excludeInsideBase(Path base, Path dir, List<AntPattern> ex) {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.startsWith(base) && !abs.equals(base)) {
      ex.add(AntPattern.compile(portable(base.relativize(abs)) + "/", "default excludes"));
    }
  }

  Result scan() {
    Path baseReal;
    try {
      if (!Files.isDirectory(base)) {
        throw new GateException("The base directory " + base + (Files.exists(base)
            ? " is not a folder" : " does not exist") + "; point the scan at the folder that"
            + " holds the media files.");
      }
      baseReal = base.toRealPath();
    } catch (IOException e) {
      throw new GateException("The base directory " + base + " cannot be read (" + e
          + "); check its permissions.", e);
    }
    Walk walk = new Walk(baseReal);
    walk.walk(baseReal, "");
    walk.files.sort(Comparator.comparing(ScannedFile::path));
    return new Result(walk.files, walk.ignored);
  }

  /**
   * A relative path as the run reports it: its names joined with {@code /}, whatever the file
   * system's separator. A name keeps every other character, so a backslash, which Linux allows in a
   * name, stays part of it.
   */
  static String portable(Path relative) {
    int n = relative.getNameCount();
    if (n == 1) {
      return relative.getName(0).toString();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(relative.getName(i));
    }
    return sb.toString();
  }

  /**
   * Why a file cannot be opened by the name Java gives it, or null when it can: on Linux a name
   * is raw bytes, and bytes that are not valid in the platform's file name encoding become
   * U+FFFD, which names another file (or none).
   */
  static String unnamable(Path file) {
    Path byName = file.getFileSystem().getPath(file.toString());
    if (byName.equals(file)) {
      return null;
    }
    String encoding = System.getProperty("sun.jnu.encoding", "the platform encoding");
    return "its name is not valid " + encoding + ", the file name encoding of this JVM, so Java"
        + " cannot open it by name; rename the file (for example with convmv), or run the build"
        + " under the locale its name was written in";
  }

  private static long micros(BasicFileAttributes attrs) {
    return attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS);
  }

  /** The state of one scan: the files found and the real folders on the current logical path. */
  private final class Walk {
    final Path baseReal;
    final List<ScannedFile> files = new ArrayList<>();
    final Deque<Path> logicalPath = new ArrayDeque<>();
    int ignored;

    Walk(Path baseReal) {
      this.baseReal = baseReal;
    }

    /** Walks the real folder {@code start}, whose files are reported under {@code prefix}. */
    void walk(Path start, String prefix) {
      try {
        Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
            Integer.MAX_VALUE, new Visitor(start, prefix));
      } catch (IOException e) {
        // The visitor handles every failure itself; this is only the start folder vanishing.
        warn.accept("Could not scan " + (prefix.isEmpty() ? base.toString() : prefix) + ": " + e);
      }
    }

    String relative(Path start, String prefix, Path p) {
      String rel = portable(start.relativize(p));
      if (prefix.isEmpty()) {
        return rel;
      }
      return rel.isEmpty() ? prefix : prefix + "/" + rel;
    }

    boolean excluded(String rel) {
      for (AntPattern p : excludes) {
        if (p.matches(rel)) {
          return true;
        }
      }
      return false;
    }

    boolean folderExcluded(String rel) {
      for (AntPattern p : excludes) {
        if (p.matchesEverythingBelow(rel)) {
          return true;
        }
      }
      return false;
    }

    boolean anyIncludeBelow(String rel) {
      for (AntPattern p : includes) {
        if (p.couldMatchBelow(rel)) {
          return true;
        }
      }
      return false;
    }

    /** SUPPORTED, NAMED (matched by a pattern naming its unsupported extension) or null (ignore). */
    Match classify(String rel) {
      if (excluded(rel)) {
        return null;
      }
      boolean matched = false;
      boolean named = false;
      for (AntPattern p : includes) {
        if (p.matches(rel)) {
          matched = true;
          named |= p.literalExtension() != null;
        }
      }
      if (!matched) {
        return null;
      }
      if (MediaExtensions.supported(MediaExtensions.of(rel))) {
        return Match.SUPPORTED;
      }
      if (named) {
        return Match.NAMED;
      }
      ignored++;
      return null;
    }

    void regularFile(Path file, String rel, BasicFileAttributes attrs) {
      Match m = classify(rel);
      if (m == null) {
        return;
      }
      if (m == Match.NAMED) {
        String ext = MediaExtensions.of(rel);
        files.add(ScannedFile.skipped(rel, attrs.size(), (ext.isEmpty()
            ? "has no file extension" : "the Detect API does not accept ." + ext + " files")
            + " (supported: " + MediaExtensions.describe() + ")"));
      } else if (unnamable(file) != null) {
        files.add(ScannedFile.skipped(rel, attrs.size(), unnamable(file)));
      } else if (attrs.size() == 0) {
        files.add(ScannedFile.skipped(rel, 0, "empty file"));
      } else if (!Files.isReadable(file)) {
        files.add(ScannedFile.skipped(rel, attrs.size(), "not readable (permission denied)"));
      } else {
        files.add(ScannedFile.candidate(rel, attrs.size(), micros(attrs)));
      }
    }

    void otherFile(String rel, long size, String reason) {
      if (classify(rel) != null) {
        files.add(ScannedFile.skipped(rel, size, reason));
      }
    }

    void symbolicLink(Path link, String rel) {
      if (excluded(rel) || folderExcluded(rel)) {
        return;
      }
      Path target;
      BasicFileAttributes attrs;
      try {
        target = link.toRealPath();
        attrs = Files.readAttributes(target, BasicFileAttributes.class);
      } catch (IOException e) {
        otherFile(rel, 0, "broken symbolic link");
        return;
      }
      if (!target.startsWith(baseReal)) {
        String reason = "symbolic link to " + target + ", outside the base directory; not followed";
        if (attrs.isDirectory()) {
          if (anyIncludeBelow(rel)) {
            files.add(ScannedFile.skipped(rel + "/", 0, reason));
          }
        } else {
          otherFile(rel, attrs.size(), reason);
        }
        return;
      }
      if (attrs.isRegularFile()) {
        regularFile(link, rel, attrs);
      } else if (attrs.isDirectory()) {
        for (Path onPath : logicalPath) {
          if (onPath.startsWith(target)) {
            warn.accept("Not following " + rel + ": the symbolic link leads back to "
                + portable(baseReal.relativize(target)) + ", a folder already being"
                + " scanned (a loop).");
            return;
          }
        }
        if (anyIncludeBelow(rel)) {
          walk(target, rel);
        }
      } else {
        otherFile(rel, 0, "not a regular file");
      }
    }

    private final class Visitor implements FileVisitor<Path> {
      private final Path start;
      private final String prefix;

      Visitor(Path start, String prefix) {
        this.start = start;
        this.prefix = prefix;
      }

      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String rel = relative(start, prefix, dir);
        if (!rel.isEmpty() && (folderExcluded(rel) || !anyIncludeBelow(rel))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        logicalPath.push(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = relative(start, prefix, file);
        if (attrs.isSymbolicLink()) {
          symbolicLink(file, rel);
        } else if (attrs.isRegularFile()) {
          regularFile(file, rel, attrs);
        } else if (attrs.isDirectory()) {
          // Reached only past the depth limit; never with MAX_VALUE.
          return FileVisitResult.CONTINUE;
        } else {
          otherFile(rel, 0, "not a regular file");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        String rel = relative(start, prefix, file);
        if (exc instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE; // deleted while we walked
        }
        String why = exc instanceof AccessDeniedException ? "permission denied" : exc.toString();
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          if (!folderExcluded(rel) && anyIncludeBelow(rel)) {
            files.add(ScannedFile.skipped(rel + "/", 0, "folder could not be read (" + why + ")"));
          }
        } else {
          otherFile(rel, 0, "could not be read (" + why + ")");
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
        logicalPath.pop();
        if (exc != null) {
          warn.accept("Stopped listing " + relative(start, prefix, dir) + " early: " + exc);
        }
        return FileVisitResult.CONTINUE;
      }
    }
  }

  private enum Match { SUPPORTED, NAMED }
}
