package io.github.resemblegate.bench;

import java.util.Locale;

/** Numbers as the table shows them. */
final class Units {

  private Units() {}

  static String seconds(double s) {
    return s < 10 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.1f s", s);
  }

  static String millis(long ms) {
    return seconds(ms / 1000.0);
  }

  /** Memory in MiB (2^20), as the JVM counts it. */
  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** Data in MB (10^6), as the API's limits count it. */
  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
  }

  static String rate(double bytesPerSecond) {
    return String.format(Locale.ROOT, "%,.0f MB/s", bytesPerSecond / 1e6);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.3f", v);
  }

  static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2f×", v);
  }
}
