package io.github.resemblegate.gate.scan;

import io.github.resemblegate.client.MediaExtensions;
import java.io.File;
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
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.codehaus.plexus.util.MatchPattern;
import org.codehaus.plexus.util.MatchPatterns;

/**
 * One walk of the base directory: the files found, and the real folders on the current logical
 * path, so a symbolic link back into a folder being walked (a loop) is not entered again.
 */
final class Walk {
  private final Path base;
  private final List<AntPattern> includes;
  private final List<AntPattern> excludes;
  /** The same patterns as one set each, so a file's path is split once for all of them. */
  private final MatchPatterns includeSet;
  private final MatchPatterns excludeSet;
  private final Consumer<String> warn;
  final Path baseReal;
  final List<ScannedFile> files = new ArrayList<>();
  final Deque<Path> logicalPath = new ArrayDeque<>();
  int ignored;
  /** Run once, when the walk finds its first candidate; then null. */
  Runnable firstCandidate;
  /** The include patterns no file has matched yet, when they are watched (else empty). */
  final List<AntPattern> unmatched = new ArrayList<>();

  Walk(Path base, Path baseReal, List<AntPattern> includes, List<AntPattern> excludes,
      Consumer<String> warn) {
    this.base = base;
    this.baseReal = baseReal;
    this.includes = includes;
    this.excludes = excludes;
    this.includeSet = set(includes);
    this.excludeSet = set(excludes);
    this.warn = warn;
  }

  private static MatchPatterns set(List<AntPattern> patterns) {
    return MatchPatterns.from(patterns.stream().map(p -> AntPattern.platform(p.normalized()))
        .toList());
  }

  private static String[] names(String platformPath) {
    return MatchPattern.tokenizePathToString(platformPath, File.separator);
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
    String rel = MediaScanner.portable(start.relativize(p));
    if (prefix.isEmpty()) {
      return rel;
    }
    return rel.isEmpty() ? prefix : prefix + "/" + rel;
  }

  boolean excluded(String rel) {
    String p = AntPattern.platform(rel);
    return excludeSet.matches(p, names(p), true);
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
    String platform = AntPattern.platform(rel);
    String[] names = names(platform);
    if (excludeSet.matches(platform, names, true) || !includeSet.matches(platform, names, true)) {
      return null;
    }
    if (!unmatched.isEmpty()) {
      unmatched.removeIf(p -> p.matches(rel));
    }
    if (MediaExtensions.supported(MediaExtensions.of(rel))) {
      return Match.SUPPORTED;
    }
    if (MediaExtensions.of(rel).equals("zip")) {
      // Media the build ships inside an archive must not pass unseen: listed, and the archive
      // filter says what it holds.
      return Match.ARCHIVE;
    }
    for (AntPattern p : includes) {
      if (p.literalExtension() != null && p.matches(rel)) {
        return Match.NAMED;
      }
    }
    ignored++;
    return null;
  }

  void regularFile(Path file, String rel, BasicFileAttributes attrs) {
    Match m = classify(rel);
    if (m == null) {
      return;
    }
    if (m == Match.ARCHIVE) {
      files.add(ScannedFile.skipped(rel, attrs.size(), ScannedFile.UNOPENED_ARCHIVE));
    } else if (m == Match.NAMED) {
      String ext = MediaExtensions.of(rel);
      files.add(ScannedFile.skipped(rel, attrs.size(), (ext.isEmpty()
          ? "has no file extension" : "the Detect API does not accept ." + ext + " files")
          + " (supported: " + MediaExtensions.describe() + ")"));
    } else if (MediaScanner.unnamable(file) != null) {
      files.add(ScannedFile.skipped(rel, attrs.size(), MediaScanner.unnamable(file)));
    } else if (attrs.size() == 0) {
      files.add(ScannedFile.skipped(rel, 0, "empty file"));
    } else if (!Files.isReadable(file)) {
      files.add(ScannedFile.skipped(rel, attrs.size(), "not readable (permission denied)"));
    } else {
      files.add(ScannedFile.candidate(rel, attrs.size(), micros(attrs)));
      if (firstCandidate != null) {
        Runnable found = firstCandidate;
        firstCandidate = null;
        found.run();
      }
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
          String folder = MediaScanner.portable(baseReal.relativize(target));
          warn.accept("Not following " + rel + ": the symbolic link leads back to "
              + (folder.isEmpty() ? "the base directory" : folder) + ", a folder already being"
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

  private static long micros(BasicFileAttributes attrs) {
    return attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS);
  }

  private enum Match { SUPPORTED, NAMED, ARCHIVE }
}
