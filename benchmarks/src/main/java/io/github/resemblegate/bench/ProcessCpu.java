package io.github.resemblegate.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process and the machine's load, from Linux's {@code /proc}. */
final class ProcessCpu {

  /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform. */
  static final long TICKS_PER_SECOND = 100;

  private ProcessCpu() {}

  /** User plus system CPU time of a process in milliseconds, or -1. */
  static long millis(long pid) {
    try {
      return millis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * User plus system CPU time of this JVM's JIT compiler threads so far, in milliseconds, or -1:
   * in a fresh JVM they compete with the work for the cores. A compiler thread that already
   * ended is not counted.
   */
  static long jitMillis() {
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      long sum = 0;
      for (Path task : tasks) {
        String stat = Files.readString(task.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          sum += millis(stat);
        }
      }
      return sum;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The CPU time a {@code stat} line of {@code /proc} states, in milliseconds. */
  private static long millis(String stat) {
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  /** The 1-minute load average, or -1: how busy the machine was with anything else too. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
