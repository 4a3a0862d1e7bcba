package io.github.resemblegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link GateProbe} in a JVM of its own, the way a workload measures the gate. */
final class Forks {

  /** A finished fork: what it measured, and how long the whole JVM took. */
  record Forked(ProbeResult result, long processMillis, int exitCode) {}

  private final Path workDir;
  private final String token;

  Forks(Path workDir, String token) {
    this.workDir = workDir;
    this.token = token;
  }

  Forked run(String name, GateJob job, List<String> jvmArgs) throws IOException,
      InterruptedException {
    return run(name, job, jvmArgs, java.time.Duration.ofMinutes(20));
  }

  /**
   * Runs one fork; past {@code limit} it is stopped (SIGTERM), and what it measured until then is
   * returned with status KILLED.
   */
  Forked run(String name, GateJob job, List<String> jvmArgs, java.time.Duration limit)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path jobFile = workDir.resolve(name + "-job.json");
    Path resultFile = workDir.resolve(name + "-result.json");
    Path log = workDir.resolve(name + ".log");
    Files.deleteIfExists(resultFile);
    BenchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(jobFile.toFile(), job);
    List<String> cmd = new ArrayList<>();
    cmd.add(SimulatorProcess.javaBinary());
    cmd.addAll(jvmArgs);
    // -Dbench.probeJvmArgs="-XX:StartFlightRecording=…": extra options for every gate JVM, to
    // profile one without changing what is measured by default.
    String extra = System.getProperty("bench.probeJvmArgs", "").strip();
    if (!extra.isEmpty()) {
      cmd.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(GateProbe.class.getName());
    cmd.add(jobFile.toString());
    cmd.add(resultFile.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    if (token != null) {
      pb.environment().put("RESEMBLE_API_KEY", token);
    } else {
      pb.environment().remove("RESEMBLE_API_KEY");
    }
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    if (!Files.exists(resultFile)) {
      throw new IllegalStateException(name + ": the gate's JVM exited with " + p.exitValue()
          + " and no result; see " + log);
    }
    ProbeResult r = BenchJson.MAPPER.readValue(resultFile.toFile(), ProbeResult.class);
    return new Forked(r, millis, p.exitValue());
  }
}
