package io.github.resemblegate.gate.scan;

import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.Outcome;
import java.nio.file.Path;

/**
 * Runs a dry run over a folder and prints the counts; started in a JVM with a small heap by
 * {@link LargeTreeTest} to show a large tree is scanned in bounded memory.
 */
public final class ScanMemoryProbe {

  private ScanMemoryProbe() {}

  public static void main(String[] args) {
    GateConfig config = GateConfig.builder().baseDirectory(Path.of(args[0]))
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .cacheDirectory(Path.of(args[1])).reportsDirectory(Path.of(args[2]))
        .apiUrl("http://127.0.0.1:9/api/v2").dryRun(true).maxFiles(0).build();
    GateResult v = Gate.run(config, GateListener.NONE);
    System.out.println("files=" + v.totals().files() + " skipped=" + v.totals().count(Outcome.SKIPPED)
        + " unique=" + v.totals().uniqueContents());
  }
}
