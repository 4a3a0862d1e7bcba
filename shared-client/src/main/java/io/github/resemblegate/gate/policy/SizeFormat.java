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
}
