package io.github.resemblegate.bench;

import java.nio.file.Path;

/**
 * What every workload needs: where to write, the simulator (processing 2 s per file), the fork
 * launcher, the results, and whether this is a quick smoke run with smaller counts.
 */
record Bench(Path out, Path trees, Path repoRoot, String pluginVersion, boolean quick,
    String token, SimulatorProcess sim, Forks forks, Results results) {

  /** {@code full} normally, {@code smoke} with -Dbench.quick. */
  int scale(int full, int smoke) {
    return quick ? smoke : full;
  }

  Path work(String name) {
    return out.resolve("bench-work").resolve(name);
  }
}
