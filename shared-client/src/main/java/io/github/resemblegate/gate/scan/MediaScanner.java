package io.github.resemblegate.gate.scan;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.codehaus.plexus.util.AbstractScanner;

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
 * submitted on their own through a secure upload. The reports and cache folders are never scanned
 * when they lie inside the base directory: they hold the gate's own files, never media to check.
 */
public final class MediaScanner {

  /**
   * Maven's default excludes (version control folders, editor backups), plus the junk file
   * managers and editors leave beside media that Maven's list lacks.
   */
  public static final List<String> DEFAULT_EXCLUDES = Stream.concat(
      Arrays.stream(AbstractScanner.DEFAULTEXCLUDES),
      Stream.of("**/Thumbs.db", "**/desktop.ini", "**/*.swp", "**/*.swo")).toList();

  /** What a scan found: matched files sorted by path, and how many were ignored as non-media. */
  public record Result(List<ScannedFile> files, int ignoredNonMedia) {}

  private final Path base;
  private final List<AntPattern> includes;
  private final List<AntPattern> excludes;
  private final Consumer<String> warn;
  /** Whether to say which of several include patterns a user gave matched no file. */
  private boolean watchIncludes;

  private MediaScanner(Path base, List<AntPattern> includes, List<AntPattern> excludes,
      Consumer<String> warn) {
    this.base = base;
    this.includes = includes;
    this.excludes = excludes;
    this.warn = warn;
  }

  /** A scanner for the configuration's base directory, patterns and default excludes. */
  public static MediaScanner forConfig(GateConfig config, Consumer<String> warn) {
    List<Path> gateFolders = new ArrayList<>(List.of(config.reports().directory()));
    if (config.cache().enabled()) {
      gateFolders.add(config.cache().directory());
    }
    return of(config.scan(), gateFolders, warn);
  }

  /**
   * A scanner for {@code scan}'s base directory, patterns and default excludes; the gate's own
   * folders ({@code gateFolders}: reports, cache) are never scanned when they lie inside it.
   */
  public static MediaScanner of(GateConfig.Scan scan, List<Path> gateFolders,
      Consumer<String> warn) {
    List<AntPattern> in = AntPattern.compileAll(scan.includes(), "includes");
    List<AntPattern> ex = new ArrayList<>(AntPattern.compileAll(scan.excludes(), "excludes"));
    if (scan.defaultExcludes()) {
      ex.addAll(AntPattern.compileAll(DEFAULT_EXCLUDES, "default excludes"));
    }
    for (Path folder : gateFolders) {
      excludeInsideBase(scan.baseDirectory(), folder, ex);
    }
    MediaScanner scanner = new MediaScanner(scan.baseDirectory(), in, ex, warn);
    scanner.watchIncludes = scan.includesGiven() && in.size() > 1;
    return scanner;
  }

  private static void excludeInsideBase(Path base, Path dir, List<AntPattern> ex) {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.startsWith(base) && !abs.equals(base)) {
      ex.add(AntPattern.compile(portable(base.relativize(abs)) + "/", "default excludes"));
    }
  }

  /** Walks the base directory once; a base that is missing or unreadable is the user's to fix. */
  public Result scan() {
    return scan(null);
  }

  /**
   * The same, running {@code firstCandidate} (when not null) once on the scanning thread as soon
   * as the walk finds its first candidate, while the walk goes on: a run starts loading what
   * checking and sending files will need without waiting for the whole tree.
   */
  public Result scan(Runnable firstCandidate) {
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
    Walk walk = new Walk(base, baseReal, includes, excludes, warn);
    walk.firstCandidate = firstCandidate;
    if (watchIncludes) {
      walk.unmatched.addAll(includes);
    }
    walk.walk(baseReal, "");
    // One pattern that matches nothing fails the run (onEmpty); one of several that does would
    // pass unseen, a typo beside a pattern that works.
    for (AntPattern p : walk.unmatched) {
      warn.accept("The include pattern '" + p + "' matched no file in " + base
          + " (after excludes); check it for a typo.");
    }
    walk.files.sort(Comparator.comparing(ScannedFile::path));
    return new Result(walk.files, walk.ignored);
  }

  /**
   * A relative path as the run reports it: its names joined with {@code /}, whatever the file
   * system's separator. A name keeps every other character, so a backslash, which Linux allows in a
   * name, stays part of it.
   */
  public static String portable(Path relative) {
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

}
