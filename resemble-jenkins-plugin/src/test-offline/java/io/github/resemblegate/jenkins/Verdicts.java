package io.github.resemblegate.jenkins;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.FailureKind;
import io.github.resemblegate.gate.FileResult;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.Outcome;
import io.github.resemblegate.gate.Policy;
import io.github.resemblegate.gate.RunInfo;
import io.github.resemblegate.gate.Totals;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.gate.VerdictStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Hand-made verdicts and a gate engine that answers with one, recording what it was given. */
final class Verdicts {

  private Verdicts() {}

  static FileResult file(String path, Outcome outcome, Double score) {
    return new FileResult(path, "ab".repeat(32), 1234, MediaType.fromFileName(path), outcome,
        score, "metrics.aggregated_score", null, 0.5, List.of(), null, "d-" + path, "b-1",
        outcome == Outcome.ERROR ? "the API answered 500" : null, null, false,
        "https://app.resemble.ai/detect/d-" + path);
  }

  static Verdict verdict(VerdictStatus status, FailureKind kind, String message,
      FileResult... files) {
    List<FileResult> list = List.of(files);
    RunInfo info = new RunInfo("0.1.0", Instant.EPOCH, Instant.EPOCH, "http://127.0.0.1:1",
        "/ws", false, Map.of(), List.of("b-1"));
    return new Verdict(info, Policy.DEFAULT, list,
        Totals.countOutcomes(list, list.size(), 0, list.size(), 1234L * list.size(), 1),
        status, kind, message, List.of());
  }

  static Verdict passed() {
    return verdict(VerdictStatus.PASSED, FailureKind.NONE, "1 file checked, none flagged.",
        file("media/voice.wav", Outcome.PASSED, 0.03));
  }

  static Verdict flagged(VerdictStatus status) {
    return verdict(status, FailureKind.FINDINGS,
        "1 file scored at or above the threshold 0.50: media/fake.wav (0.97).",
        file("media/fake.wav", Outcome.FLAGGED, 0.97),
        file("media/voice.wav", Outcome.PASSED, 0.03));
  }

  /** Answers every run with {@code verdict} and remembers the configuration it was given. */
  static final class FixedEngine implements GateEngine {
    private static final long serialVersionUID = 1L;
    private final transient Verdict verdict;
    final transient AtomicReference<GateConfig> seen = new AtomicReference<>();

    FixedEngine(Verdict verdict) {
      this.verdict = verdict;
    }

    @Override
    public Verdict run(GateConfig config, GateListener listener) {
      seen.set(config);
      return verdict;
    }
  }
}
