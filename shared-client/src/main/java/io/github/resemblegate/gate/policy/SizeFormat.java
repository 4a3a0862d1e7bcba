package io.github.resemblegate.gate.policy;

/** Sizes for people: {@code 512 B}, {@code 3.4 MB} (decimal units, as the API's limits are). */
public final class SizeFormat {

  private SizeFormat() {}

  /** {@code bytes} in the largest unit that keeps a number of at least 1, one decimal. */
  public static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 999.95 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return ScoreFormat.fixed(value, 1) + " " + units[unit];
  }

  /**
   * A playing time for people: {@code about 4.5 min of media}, {@code about 40 s of media},
   * {@code about 0.1 s of media}, then
   * {@code the length of 2 files unknown} when some files' containers do not say; empty when
   * there is neither.
   */
  public static String playingTime(double seconds, int unknownFiles) {
    String known = !(seconds > 0) ? ""
        : seconds < 9.95 ? "about " + ScoreFormat.fixed(seconds, 1) + " s of media"
        : seconds < 60 ? "about " + Math.round(seconds) + " s of media"
        : "about " + ScoreFormat.fixed(seconds / 60, 1) + " min of media";
    String unknown = unknownFiles == 0 ? "" : "the length of " + unknownFiles
        + (unknownFiles == 1 ? " file" : " files") + " unknown";
    return known.isEmpty() || unknown.isEmpty() ? known + unknown : known + ", " + unknown;
  }
}
