package io.github.resemblegate.bench;

import java.io.IOException;
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
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
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
