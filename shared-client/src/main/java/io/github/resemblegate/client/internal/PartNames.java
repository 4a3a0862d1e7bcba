package io.github.resemblegate.client.internal;

import io.github.resemblegate.client.BatchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Upload names for the files of one request: each file's base name, except that files sharing a
 * base name are renamed after their folder ({@code en/intro.wav} becomes {@code en-intro.wav}),
 * then numbered if that still clashes. Names compare case-insensitively, because the server may
 * store them on a case-insensitive file system.
 */
public final class PartNames {

  private PartNames() {}

  public static List<BatchRequest.Part> assign(List<Path> paths) {
    List<String> baseNames = new ArrayList<>(paths.size());
    Map<String, Integer> occurrences = new HashMap<>();
    for (Path path : paths) {
      Path fileName = path == null ? null : path.getFileName();
      if (fileName == null) {
        throw new IllegalArgumentException("The batch contains '" + path
            + "', which is not a path to a file; pass file paths only.");
      }
      String name = sanitize(fileName.toString());
      baseNames.add(name);
      occurrences.merge(key(name), 1, Integer::sum);
    }
    // Every real base name is reserved first, so a new name can never take a real file's name.
    Set<String> taken = new HashSet<>(occurrences.keySet());
    List<BatchRequest.Part> files = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      Path path = paths.get(i);
      String name = baseNames.get(i);
      if (occurrences.get(key(name)) > 1) {
        name = unique(qualified(path, name), taken);
      }
      files.add(new BatchRequest.Part(path, name));
    }
    return files;
  }

  /** True when a name could not travel safely as a multipart file name or a zip entry. */
  static boolean unsafe(String name) {
    return !sanitize(name).equals(name);
  }

  /** The name with control characters made visible, for error messages. */
  static String printable(String name) {
    StringBuilder sb = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  private static String qualified(Path path, String name) {
    Path parent = path.getParent();
    Path folder = parent == null ? null : parent.getFileName();
    String prefix = folder == null ? "" : folder.toString();
    return prefix.isEmpty() || prefix.equals(".") || prefix.equals("..") ? name
        : sanitize(prefix) + "-" + name;
  }

  private static String unique(String candidate, Set<String> taken) {
    String name = candidate;
    int dot = candidate.lastIndexOf('.');
    String stem = dot < 0 ? candidate : candidate.substring(0, dot);
    String extension = dot < 0 ? "" : candidate.substring(dot);
    for (int n = 2; taken.contains(key(name)); n++) {
      name = stem + "-" + n + extension;
    }
    taken.add(key(name));
    return name;
  }

  /** Path separators, quotes and control characters would be mangled or refused on the way. */
  private static String sanitize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    name.codePoints().forEach(c -> sb.appendCodePoint(
        c == '/' || c == '\\' || c == '"' || Character.isISOControl(c) ? '_' : c));
    return sb.toString();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
