package io.github.resemblegate.client;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extensions the Detect API accepts. The batch endpoint documents a shorter list than the
 * single-file upload ({@code .amr .3gp .3gpp} are single-only), so those files are still checked,
 * one request each.
 */
public final class MediaExtensions {

  /** The batch page's list; it omits {@code .amr .3gp .3gpp}, so a batch never sends them. */
  public static final Set<String> BATCH = Set.of("wav", "mp3", "m4a", "ogg", "aac", "flac", "mp4",
      "mov", "avi", "mkv", "webm", "jpg", "jpeg", "png", "gif", "webp");
  /** Accepted by a single direct upload only. */
  public static final Set<String> SINGLE_ONLY = Set.of("amr", "3gp", "3gpp");
  /** Everything a single direct upload accepts. */
  public static final Set<String> DIRECT_UPLOAD = union(BATCH, SINGLE_ONLY);

  private MediaExtensions() {}

  /** The lower-cased extension of a file name, or "" when it has none. */
  public static String of(String fileName) {
    int slash = fileName.lastIndexOf('/');
    int dot = fileName.lastIndexOf('.');
    // ".wav" alone is a hidden file without an extension, as the API would read it.
    if (dot <= slash + 1 || dot == fileName.length() - 1) {
      return "";
    }
    return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public static boolean supported(String extension) {
    return BATCH.contains(extension) || SINGLE_ONLY.contains(extension);
  }

  public static boolean batchable(String extension) {
    return BATCH.contains(extension);
  }

  /** For messages: {@code .aac, .amr, ...}. */
  public static String describe() {
    TreeSet<String> all = new TreeSet<>(BATCH);
    all.addAll(SINGLE_ONLY);
    return "." + String.join(", .", all);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
