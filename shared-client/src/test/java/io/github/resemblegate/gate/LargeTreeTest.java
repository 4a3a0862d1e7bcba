package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.scan.ScanMemoryProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100,000-file tree is scanned, hashed and planned within a 64 MB heap. */
class LargeTreeTest {

  static final int FOLDERS = 100;
  static final int PER_FOLDER = 1000;

  @TempDir Path fallback;
  private Path scratch;

  /**
   * The tree goes on tmpfs when there is one: this test is about memory, and creating 100,000
   * files on a busy disk can take a minute where tmpfs takes a second.
   */
  private Path scratch() throws IOException {
    Path shm = Path.of("/dev/shm");
    Path parent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : fallback;
    scratch = Files.createTempDirectory(parent, "resemble-gate-large-tree");
    return scratch;
  }

  @AfterEach
  void deleteScratch() throws IOException {
    if (scratch != null && !scratch.startsWith(fallback)) {
      try (Stream<Path> all = Files.walk(scratch)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void scans100000FilesWithin64MbOfHeap() throws IOException, InterruptedException {
    Path root = scratch();
    Path base = Files.createDirectories(root.resolve("project"));
    for (int d = 0; d < FOLDERS; d++) {
      Path dir = Files.createDirectories(base.resolve("d" + d));
      for (int f = 0; f < PER_FOLDER; f++) {
        Files.write(dir.resolve("f" + f + ".wav"),
            (d + "/" + f).getBytes(StandardCharsets.US_ASCII));
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), ScanMemoryProbe.class.getName(),
        base.toString(), root.resolve("cache").toString(), root.resolve("reports").toString()))
        .redirectErrorStream(true).start();
    String out;
    try (var in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(out).contains("files=100000 skipped=100000 unique=100000");
    assertThat(p.exitValue()).as(out).isZero();
  }
}
