package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Parallel builds (mvn -T, two executors, two JVMs) share one cache without damaging it. */
class GateParallelTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;

  /** Module {@code name} holds contents {@code from} (inclusive) to {@code to} (exclusive). */
  private GateFixture module(String name, int from, int to) {
    GateFixture fx = new GateFixture(SIM, root.resolve(name));
    for (int i = from; i < to; i++) {
      fx.file(String.format("media/c%02d.wav", i), "content " + i);
    }
    return fx;
  }

  private GateConfig.Builder sharedCache(GateFixture fx) {
    return fx.config().cacheDirectory(root.resolve("shared-cache"));
  }

  private void assertAllCachedAfterwards() {
    GateFixture all = module("all", 0, 60);
    long before = SIM.counters().totalRequests();
    RecordingListener listener = new RecordingListener();
    Verdict v = Gate.run(sharedCache(all).build(), listener);
    assertThat(SIM.counters().totalRequests()).isEqualTo(before);
    assertThat(v.files()).hasSize(60).allSatisfy(f -> {
      assertThat(f.cached()).isTrue();
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
    });
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void twoThreadsShareTheCache() throws Exception {
    GateFixture a = module("a", 0, 40);
    GateFixture b = module("b", 20, 60);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Verdict>> runs = new ArrayList<>();
      for (GateFixture fx : List.of(a, b)) {
        runs.add(pool.submit(() -> Gate.run(sharedCache(fx).build(), new RecordingListener())));
      }
      for (Future<Verdict> run : runs) {
        assertThat(run.get(60, TimeUnit.SECONDS).status()).isEqualTo(VerdictStatus.PASSED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertAllCachedAfterwards();
  }

  @Test
  void twoJvmsShareTheCache() throws Exception {
    GateFixture a = module("a", 0, 40);
    GateFixture b = module("b", 20, 60);
    List<Process> processes = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (GateFixture fx : List.of(a, b)) {
      processes.add(new ProcessBuilder(java, "-Xmx128m", "-cp",
          System.getProperty("java.class.path"), ParallelRunProbe.class.getName(),
          SIM.baseUrl(), fx.base.toString(), root.resolve("shared-cache").toString(),
          fx.reports.toString()).redirectErrorStream(true).start());
    }
    for (Process p : processes) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as(out).contains("status=PASSED files=40 passed=40 warnings=0");
    }
    assertAllCachedAfterwards();
  }
}
