package io.github.resemblegate.gate.scan;

import io.github.resemblegate.gate.GateException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.codehaus.plexus.util.MatchPattern;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * One Ant-style path pattern, relative to the base directory, matched by plexus-utils'
 * {@link SelectorUtils} as Maven's {@code DirectoryScanner} and Jenkins' {@code FilePath.list}
 * match it: {@code **} any number of folders, {@code *} any run of characters within a name,
 * {@code ?} one character, case-sensitive. This class only reads the pattern as users write it:
 * a {@code \} is a {@code /}, a leading {@code ./} or {@code /} is dropped, and a trailing
 * {@code /} means everything below. As in Ant, {@code *.png} matches only in the base directory.
 */
public final class AntPattern {

  private final String text;
  private final String pattern;
  private final int names;
  /** Tokenized once: a scan matches every file against every pattern. */
  private final MatchPattern compiled;

  private AntPattern(String text, String pattern) {
    this.text = text;
    this.pattern = pattern;
    this.names = pattern.split("/").length;
    this.compiled = MatchPattern.fromString(platform(pattern));
  }

  /** Reads a pattern; a blank one or {@code **} inside a name is refused with one sentence. */
  public static AntPattern compile(String pattern, String settingName) {
    if (pattern == null || pattern.isBlank()) {
      throw new GateException(settingName + " contains an empty pattern; remove it or write one"
          + " such as **/*.wav.");
    }
    String p = pattern.strip().replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.startsWith("/") ? p.substring(1) : p;
    p = p.isEmpty() || p.endsWith("/") ? p + "**" : p;
    List<String> parts = new ArrayList<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.contains("**") && !s.equals("**")) {
        throw new GateException(settingName + " pattern '" + pattern + "' uses ** inside a name;"
            + " ** stands for whole folders, as in media/**/*.wav.");
      }
      if (!(s.equals("**") && !parts.isEmpty() && parts.get(parts.size() - 1).equals("**"))) {
        parts.add(s);
      }
    }
    return new AntPattern(pattern.strip(), String.join("/", parts));
  }

  public static List<AntPattern> compileAll(List<String> patterns, String settingName) {
    return patterns.stream().map(p -> compile(p, settingName)).toList();
  }

  /** True when the relative path ({@code /} separators) matches the whole pattern. */
  public boolean matches(String relativePath) {
    return compiled.matchPath(platform(relativePath), true);
  }

  /** The pattern as plexus reads it ({@code /} separators), to match many at once. */
  public String normalized() {
    return pattern;
  }

  /**
   * True when some path below {@code directory} (relative, empty for the base) could match, so a
   * walk must enter it. A pattern without {@code **} needs a name left for the file itself.
   */
  public boolean couldMatchBelow(String directory) {
    if (directory.isEmpty()) {
      return true;
    }
    boolean roomBelow = pattern.contains("**") || names > directory.split("/").length;
    return roomBelow && compiled.matchPatternStart(platform(directory), true);
  }

  /** True when the pattern matches every path below {@code directory}: an exclude prunes it. */
  public boolean matchesEverythingBelow(String directory) {
    if (pattern.equals("**")) {
      return true;
    }
    return pattern.endsWith("/**")
        && SelectorUtils.matchPath(pattern.substring(0, pattern.length() - 3), directory, "/",
            true);
  }

  /**
   * The extension the last name spells out ({@code txt} for {@code **}{@code /*.txt}),
   * lower-cased, or null when it has wildcards or no dot.
   */
  public String literalExtension() {
    String last = pattern.substring(pattern.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    if (dot < 0 || dot == last.length() - 1) {
      return null;
    }
    String ext = last.substring(dot + 1);
    return ext.indexOf('*') >= 0 || ext.indexOf('?') >= 0 ? null : ext.toLowerCase(Locale.ROOT);
  }

  /** Glob match of one name: {@code *} any run, {@code ?} one character. */
  public static boolean matchName(String pattern, String name) {
    return SelectorUtils.match(pattern, name, true);
  }

  @Override
  public String toString() {
    return text;
  }

  /** plexus reads patterns and paths with the platform's separator. */
  public static String platform(String path) {
    return path.replace('/', File.separatorChar);
  }
}
