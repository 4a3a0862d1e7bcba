package io.github.resemblegate.gate;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.policy.Outcome;
import java.nio.file.Path;
import java.time.Duration;

/** One gate run in its own JVM, for {@link GateParallelTest}: args are API URL, base, cache, reports. */
public final class ParallelRunProbe {

  private ParallelRunProbe() {}

  public static void main(String[] args) {
    GateConfig config = GateConfig.builder().apiUrl(args[0]).baseDirectory(Path.of(args[1]))
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .cacheDirectory(Path.of(args[2])).reportsDirectory(Path.of(args[3]))
        .token(ApiToken.of(GateFixture.TOKEN)).pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(25)).build();
    RecordingListener listener = new RecordingListener();
    GateResult v = Gate.run(config, listener);
    System.out.println("status=" + v.decision().verdict() + " files=" + v.totals().files() + " passed="
        + v.totals().count(Outcome.PASSED) + " warnings=" + listener.warnings.size());
  }
}
