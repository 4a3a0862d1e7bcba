package io.github.resemblegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size figures of a process, from Linux's {@code /proc/<pid>/status}. */
final class Rss {

  private Rss() {}

  /** Peak RSS ({@code VmHWM}) of this JVM in kB, or -1 where {@code /proc} is missing. */
  static long highWaterKb() {
    return field(Path.of("/proc/self/status"), "VmHWM:");
  }

  /** Peak RSS of another process, or -1 (gone, or not Linux). */
  static long highWaterKb(long pid) {
    return field(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:");
  }

  static long field(Path status, String name) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
