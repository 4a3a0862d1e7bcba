package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache travels between CI agents: a cache copied from another agent (another
 * checkout folder, another machine) answers for the same contents, and two agents' caches merge
 * by copying one's files into the other, losing nothing. So shards restore a cache with
 * actions/cache, a GitLab cache or a Jenkins stash, and a later run bills nothing again.
 */
class SharedCacheTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;

  /** A checkout of the same files in a folder of its own, as another agent has. */
  private Path checkout(String name, String... files) {
    Path base = root.resolve(name);
    for (String f : files) {
      try {
        Path p = base.resolve(f);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "content of " + f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return base;
  }

  private GateResult run(Path base, Path cache, Shard shard) {
    GateFixture fx = new GateFixture(SIM, root);
    return Gate.run(fx.config().baseDirectory(base).cacheDirectory(cache).shard(shard)
        .reportsDirectory(base.resolve("target/resemble")).build(), null);
  }

  @Test
  void aCacheCopiedFromAnotherAgentAnswersEveryFileThere() throws IOException {
    Path agentA = checkout("agent-a/ws", "media/a.wav", "media/fake-b.wav");
    run(agentA, root.resolve("cache-a"), null);
    long requests = SIM.counters().totalRequests();
    Path agentB = checkout("agent-b/elsewhere/ws", "media/a.wav", "media/fake-b.wav");
    copy(root.resolve("cache-a"), root.resolve("cache-b"));

    GateResult again = run(agentB, root.resolve("cache-b"), null);

    assertThat(SIM.counters().totalRequests()).isEqualTo(requests);
    assertThat(again.files()).allMatch(FileResult::cached);
    assertThat(again.decision().sentence()).contains("media/fake-b.wav scored 0.97");
  }

  @Test
  void twoShardsCachesMergeByCopyingTheirFilesWithoutLoss() throws IOException {
    String[] files = {"media/a.wav", "media/bb.wav", "media/ccc.wav", "media/dddd.wav"};
    run(checkout("agent-1/ws", files), root.resolve("cache-1"), new Shard(1, 2));
    run(checkout("agent-2/ws", files), root.resolve("cache-2"), new Shard(2, 2));
    long requests = SIM.counters().totalRequests();
    copy(root.resolve("cache-2"), root.resolve("cache-1"));

    GateResult whole = run(checkout("agent-3/ws", files), root.resolve("cache-1"), null);

    assertThat(SIM.counters().totalRequests()).as("every content from the merged cache")
        .isEqualTo(requests);
    assertThat(whole.files()).hasSize(4).allMatch(FileResult::cached);
  }

  /** Copies every file of {@code from} into {@code to}, keeping what {@code to} has. */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p));
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!Files.exists(target)) {
          Files.copy(p, target);
        }
      }
    }
  }
}
