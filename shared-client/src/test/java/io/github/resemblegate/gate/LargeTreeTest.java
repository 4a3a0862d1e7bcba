package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100,000-file tree is scanned, hashed and planned within a 64 MB heap. */
class LargeTreeTest {

  static final int FOLDERS = 100;
  static final int PER_FOLDER = 1000;

  @TempDir Path base;
  @TempDir Path work;

  @Test
  void scans100000FilesWithin64MbOfHeap() throws IOException, InterruptedException {
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
        base.toString(), work.resolve("cache").toString(), work.resolve("reports").toString()))
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
