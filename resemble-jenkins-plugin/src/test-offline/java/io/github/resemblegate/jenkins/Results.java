package io.github.resemblegate.jenkins;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Hand-made run results and a gate engine that answers with one, recording what it was given. */
final class Results {

  private Results() {}

  static FileResult file(String path, Outcome outcome, Double score) {
    return new FileResult(path, "ab".repeat(32), 1234, MediaType.fromFileName(path), outcome,
        score, "metrics.aggregated_score", null, 0.5, List.of(), null, "d-" + path, "b-1",
        outcome == Outcome.ERROR ? "the API answered 500" : null, null, false,
        "https://app.resemble.ai/detect/d-" + path);
  }

  static GateResult result(Verdict verdict, FailureKind kind, String sentence,
      FileResult... files) {
    List<FileResult> list = List.of(files);
    RunInfo info = new RunInfo("0.1.0", Instant.EPOCH, Instant.EPOCH, "http://127.0.0.1:1",
        "/ws", false, Map.of(), List.of("b-1"));
    return new GateResult(info, Policy.DEFAULT, list,
        Totals.countOutcomes(list, list.size(), 0, list.size(), 1234L * list.size(), 1),
        new Decision(verdict, kind, sentence), List.of());
  }

  static GateResult passed() {
    return result(Verdict.PASSED, FailureKind.NONE, "1 file: 1 passed; threshold 0.50.",
        file("media/voice.wav", Outcome.PASSED, 0.03));
  }

  static GateResult flagged(Verdict verdict) {
    return result(verdict, FailureKind.FINDINGS,
        "1 of 2 files scored at or above the threshold 0.50: media/fake.wav (0.97).",
        file("media/fake.wav", Outcome.FLAGGED, 0.97),
        file("media/voice.wav", Outcome.PASSED, 0.03));
  }

  /** The core's JSON report of {@code result}, as the agent sends it back. */
  static byte[] json(GateResult result) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("results");
      java.nio.file.Path file = io.github.resemblegate.report.Reports.write(result,
          java.util.EnumSet.of(io.github.resemblegate.gate.ReportFormat.JSON), dir).get(0);
      byte[] bytes = java.nio.file.Files.readAllBytes(file);
      java.nio.file.Files.delete(file);
      java.nio.file.Files.delete(dir);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Answers every run with {@code result} and remembers the configuration it was given. */
  static final class FixedEngine implements GateEngine {
    private static final long serialVersionUID = 1L;
    private final transient GateResult result;
    final transient AtomicReference<GateConfig> seen = new AtomicReference<>();

    FixedEngine(GateResult result) {
      this.result = result;
    }

    @Override
    public GateResult run(GateConfig config, GateListener listener) {
      seen.set(config);
      return result;
    }
  }
}
