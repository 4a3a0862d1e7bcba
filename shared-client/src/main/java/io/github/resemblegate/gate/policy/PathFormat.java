package io.github.resemblegate.gate.policy;

/**
 * File paths as people read them in a sentence or a table: a long path keeps both ends, where the
 * folder and the file name are, and loses its middle.
 */
public final class PathFormat {

  private PathFormat() {}

  /**
   * {@code path} when it has at most {@code max} characters (code points), else its start and its
   * end around {@code ...}, {@code max} long: {@code very/deep/x...x/final-name.wav}.
   */
  public static String shorten(String path, int max) {
    int length = path.codePointCount(0, path.length());
    if (length <= max) {
      return path;
    }
    if (max < 5) {
      throw new IllegalArgumentException("A path cannot be shortened to " + max + " characters.");
    }
    int head = (max - 3) / 2;
    int tail = max - 3 - head;
    int headEnd = path.offsetByCodePoints(0, head);
    int tailStart = path.offsetByCodePoints(0, length - tail);
    return path.substring(0, headEnd) + "..." + path.substring(tailStart);
  }
}
