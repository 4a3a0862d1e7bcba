package io.github.resemblegate.gate;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.simulator.Counters;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files, settings and counters shared by the tests that run the gate against the simulator. */
final class GateFixture {

  static final String TOKEN = "tok-sim-7e3b";

  final SimulatorExtension sim;
  final Path base;
  final Path cache;
  final Path reports;

  GateFixture(SimulatorExtension sim, Path root) {
    this.sim = sim;
    this.base = mkdirs(root.resolve("project"));
    this.cache = root.resolve("cache");
    this.reports = root.resolve("reports");
  }

  /** A media file whose content is its path, so every path is distinct content. */
  Path file(String rel) {
    return file(rel, rel);
  }

  Path file(String rel, String content) {
    Path p = base.resolve(rel);
    try {
      Files.createDirectories(p.getParent());
      return Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Millisecond polling, a temporary cache and reports folder, the simulator's URL. */
  GateConfig.Builder config() {
    return GateConfig.builder().baseDirectory(base).cacheDirectory(cache)
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .reportsDirectory(reports).apiUrl(sim.baseUrl()).token(ApiToken.of(TOKEN))
        .pollInterval(Duration.ofMillis(5)).maxPollInterval(Duration.ofMillis(25))
        .timeout(Duration.ofSeconds(30));
  }

  /** The journals runs left, beside the cache or (earlier versions) in the reports folder. */
  List<Path> journals() {
    return journals(cache, reports);
  }

  /** The journals under these folders: every run's, and an earlier version's. */
  static List<Path> journals(Path... folders) {
    List<Path> found = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** A PCM WAV of 1,000 bytes a second that plays {@code seconds}; {@code tone} varies content. */
  static byte[] wav(int seconds, int tone) {
    int data = 1000 * seconds;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + data)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(1000).putInt(1000).putShort((short) 1).putShort((short) 8)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
    for (int i = 0; i < data; i++) {
      b.put((byte) (tone + i % 7));
    }
    return b.array();
  }

  Counters counters() {
    return sim.counters();
  }

  static FileResult result(GateResult v, String path) {
    return v.files().stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + path + " in " + v.files()));
  }

  private static Path mkdirs(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
