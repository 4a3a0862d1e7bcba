package io.github.resemblegate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Ant-style path pattern, relative to the base directory: {@code **} matches any number of
 * folders, {@code *} any run of characters within a name, {@code ?} one character. Separators are
 * {@code /} (a {@code \} is read as {@code /}), matching is case-sensitive, and a pattern ending in
 * {@code /} means {@code /**}. As in Ant, a pattern without a folder part ({@code *.png}) matches
 * only in the base directory itself.
 */
final class AntPattern {

  private final String text;
  private final String[] segments;

  private AntPattern(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Compiles a pattern; a blank one is refused with a sentence naming the setting. */
  static AntPattern compile(String pattern, String settingName) {
    if (pattern == null || pattern.isBlank()) {
      throw new GateException(settingName + " contains an empty pattern; remove it or write one"
          + " such as **/*.wav.");
    }
    String p = pattern.strip().replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.endsWith("/") || p.isEmpty()) {
      p = p + "**";
    }
    List<String> parts = new ArrayList<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.contains("**") && !s.equals("**")) {
        throw new GateException(settingName + " pattern '" + pattern + "' uses ** inside a name;"
            + " ** stands for whole folders, as in media/**/*.wav.");
      }
      // Consecutive ** are one **.
      if (s.equals("**") && !parts.isEmpty() && parts.get(parts.size() - 1).equals("**")) {
        continue;
      }
      parts.add(s);
    }
    return new AntPattern(pattern.strip(), parts.toArray(String[]::new));
  }

  static List<AntPattern> compileAll(List<String> patterns, String settingName) {
    List<AntPattern> compiled = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      compiled.add(compile(p, settingName));
    }
    return compiled;
  }

  /** True when the relative path (with {@code /} separators) matches the whole pattern. */
  boolean matches(String relativePath) {
    return match(segments, 0, split(relativePath), 0);
  }

  /**
   * True when some path below {@code directory} could match, so the walk must enter it (Ant's
   * "match start"). {@code directory} is relative, empty for the base itself.
   */
  boolean couldMatchBelow(String directory) {
    String[] dir = split(directory);
    return prefixMatch(dir, 0, 0);
  }

  /**
   * True when the pattern matches every path below {@code directory}, so an exclude can prune the
   * whole folder without looking inside ({@code .git/**} and {@code .git}).
   */
  boolean matchesEverythingBelow(String directory) {
    if (segments.length == 0 || !segments[segments.length - 1].equals("**")) {
      return false;
    }
    String[] head = java.util.Arrays.copyOf(segments, segments.length - 1);
    return match(head, 0, split(directory), 0);
  }

  /**
   * The extension a pattern names literally in its last segment ({@code txt} for
   * {@code **}{@code /*.txt}), lower-cased, or null when that part has wildcards or no dot.
   */
  String literalExtension() {
    if (segments.length == 0) {
      return null;
    }
    String last = segments[segments.length - 1];
    int dot = last.lastIndexOf('.');
    if (dot < 0 || dot == last.length() - 1) {
      return null;
    }
    String ext = last.substring(dot + 1);
    if (ext.indexOf('*') >= 0 || ext.indexOf('?') >= 0) {
      return null;
    }
    return ext.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return text;
  }

  private static final String[] EMPTY = new String[0];

  private static String[] split(String path) {
    if (path == null || path.isEmpty()) {
      return EMPTY;
    }
    return path.split("/");
  }

  private static boolean match(String[] pat, int pi, String[] path, int si) {
    while (pi < pat.length) {
      String p = pat[pi];
      if (p.equals("**")) {
        if (pi == pat.length - 1) {
          return true;
        }
        for (int k = si; k <= path.length; k++) {
          if (match(pat, pi + 1, path, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= path.length || !matchName(p, path[si])) {
        return false;
      }
      pi++;
      si++;
    }
    return si == path.length;
  }

  /** Whether the directory segments could be the start of a path the pattern matches. */
  private boolean prefixMatch(String[] dir, int pi, int si) {
    while (si < dir.length) {
      if (pi >= segments.length) {
        return false;
      }
      String p = segments[pi];
      if (p.equals("**")) {
        return true;
      }
      if (!matchName(p, dir[si])) {
        return false;
      }
      pi++;
      si++;
    }
    // Something must still be left for a file name below the directory.
    return pi < segments.length;
  }

  /** Glob match of one name: {@code *} any run, {@code ?} one character; iterative with backtracking. */
  static boolean matchName(String pattern, String name) {
    int p = 0;
    int n = 0;
    int starP = -1;
    int starN = 0;
    while (n < name.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))
          && pattern.charAt(p) != '*') {
        p++;
        n++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starN = n;
      } else if (starP >= 0) {
        p = starP + 1;
        n = ++starN;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
