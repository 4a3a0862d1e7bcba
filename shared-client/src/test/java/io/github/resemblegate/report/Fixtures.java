package io.github.resemblegate.report;

import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Findings;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Verdicts built by hand, as the gate would build them, for the report tests. */
final class Fixtures {

  static final Instant STARTED = Instant.parse("2026-11-25T10:15:30Z");
  static final Instant FINISHED = Instant.parse("2026-11-25T10:17:05.250Z");
  static final String XSS_IMG = "media/<img src=x onerror=alert(1)>.wav";
  static final String XSS_FLAG = "media/<img src=x onerror=window.__xss=1>.wav";
  static final String XSS_SCRIPT = "media/</script><script>window.__xss=2</script>.wav";
  static final String QUOTES = "media/say \"hi\" & 'bye' <b>.wav";
  static final String PIPES = "media/a|b `tick` c.wav";
  static final String CONTROL = "media/bell\u0007and\u0000nul.wav";
  static final String NON_ASCII = "media/música/canción ñ 日本語 😀.wav";
  static final Waiver WAIVER = new Waiver(sha("media/narrator.wav"), null,
      "Licensed synthetic narrator (contract 2026-14)", LocalDate.parse("2027-01-31"));

  private Fixtures() {}

  static FileResults file(String path) {
    return new FileResults(path);
  }

  static Policy policy() {
    Map<MediaType, Double> thresholds = new EnumMap<>(MediaType.class);
    thresholds.put(MediaType.AUDIO, 0.4);
    thresholds.put(MediaType.VIDEO, 0.6);
    return new Policy(0.5, thresholds, 0.35, Reaction.FAIL, Reaction.FAIL, Reaction.IGNORE,
        Reaction.WARN, VideoScoring.MAX_OF_TRACKS,
        List.of(WAIVER, new Waiver(null, "legacy/**/*.wav", "Old promo, replaced in Q3", null)));
  }

  /** One file of every outcome, per-type thresholds, a waiver, a video, a cached file. */
  static List<FileResult> everyOutcomeFiles() {
    return List.of(
        file("media/fake-intro.wav").outcome(Outcome.FLAGGED).score(0.97).label("fake")
            .threshold(0.4).chunks(2.0, 0.04, 0.08, null, 0.62, 0.97, 0.99, 0.93, 0.41, 0.12)
            .detect("det-0001", "batch-1").dashboard("https://app.resemble.ai/hub/detect/det-0001")
            .billed(18.5).build(),
        file("img/fake.png").outcome(Outcome.FLAGGED).score(0.91).label("fake").threshold(0.5)
            .field("metrics.image_score").detect("det-0002", "batch-1").billed(null).build(),
        file("video/trailer.mp4").outcome(Outcome.WARNED).score(0.44).label("real")
            .threshold(0.6).field("video_metrics.score")
            .chunks(null, 0.12, 0.22, 0.31, 0.44, 0.40, 0.38, 0.2, 0.1, 0.05, 0.07, 0.3)
            .detect("det-0003", "batch-2").billed(null).build(),
        file("media/narrator.wav").outcome(Outcome.WAIVED).score(0.88).label("fake")
            .threshold(0.4).waiver(WAIVER).chunks(2.0, 0.8, 0.91, 0.88).detect("det-0004", "batch-1")
            .billed(121.5).build(),
        file("media/silence.wav").outcome(Outcome.NO_SPEECH).score(null).label(null)
            .threshold(0.4).reason("no speech found in the audio (aggregated_score -1)")
            .detect("det-0005", "batch-2").build(),
        file("media/broken.mp3").outcome(Outcome.ERROR).score(null).label(null).threshold(0.4)
            .reason("the detection failed: unsupported codec").detect("det-0006", "batch-2")
            .build(),
        file("docs/empty.wav").outcome(Outcome.SKIPPED).score(null).label(null).threshold(0.4)
            .size(0).reason("empty file").noHash().build(),
        file("media/clean.wav").outcome(Outcome.PASSED).score(0.03).label("real").threshold(0.4)
            .chunks(2.0, 0.02, 0.03, 0.01, 0.05).cached().build(),
        file(NON_ASCII).outcome(Outcome.PASSED).score(0.12).label("real").threshold(0.4)
            .detect("det-0007", "batch-1").build(),
        file("top-level.jpg").outcome(Outcome.PASSED).score(0.4999).label("real").threshold(0.5)
            .field("metrics.image_score").build());
  }

  static GateResult everyOutcome() {
    return result(everyOutcomeFiles(), Verdict.FAILED, FailureKind.FINDINGS,
        "2 of 10 files are likely synthetic, at or above their thresholds; the highest is"
            + " media/fake-intro.wav at 0.97.");
  }

  /** What the API said beside a score, every string trying to break out of every format. */
  static final Findings HOSTILE_FINDINGS = new Findings(
      "<img src=x onerror=window.__xss=5> | `tick` **bold**",
      "</script><script>window.__xss=6</script>",
      List.of(new ReverseSearchSource("javascript:window.__xss=7",
              "<img src=x onerror=window.__xss=8>", null, "known_fake", 0.9),
          new ReverseSearchSource("https://ok.example/p?a=\"1\"&b=<2>", null, null, null, null)),
      "<b>Fake</b>", 0.5, new Retention(true, false, true, "<i>now</i>"));

  /** Names and API strings that try to break out of every format. */
  static List<FileResult> hostileFiles() {
    return List.of(
        file(XSS_IMG).outcome(Outcome.FLAGGED).score(0.99).label("fake").threshold(0.4)
            .dashboard("javascript:alert(1)").build(),
        file(XSS_FLAG).outcome(Outcome.PASSED).score(0.2).threshold(0.4)
            .reason("<img src=x onerror=window.__xss=3>").build(),
        file(XSS_SCRIPT).outcome(Outcome.ERROR).score(null).label(null).threshold(0.4)
            .reason("server said </script><script>window.__xss=4</script>").build(),
        file(QUOTES).outcome(Outcome.FLAGGED).score(0.8).label("\"fake\" & <i>odd</i>")
            .threshold(0.4).dashboard("https://app.resemble.ai/hub/detect/x?a=1&b=\"2\"").build(),
        file(PIPES).outcome(Outcome.FLAGGED).score(0.75).threshold(0.4)
            .findings(HOSTILE_FINDINGS).build(),
        file(CONTROL).outcome(Outcome.SKIPPED).score(null).label(null).threshold(0.4)
            .reason("unreadable:\u0001 permission denied").build());
  }

  static GateResult hostile() {
    return result(hostileFiles(), Verdict.FAILED, FailureKind.FINDINGS,
        "Three files <b>flagged</b> & one </script> error.");
  }

  /** The page reviewers see: every outcome and the hostile names together. */
  static GateResult showcase() {
    List<FileResult> files = new ArrayList<>(everyOutcomeFiles());
    files.addAll(hostileFiles());
    return result(files, Verdict.FAILED, FailureKind.FINDINGS,
        "5 of 16 files are likely synthetic, at or above their thresholds; the highest is"
            + " media/<img src=x onerror=alert(1)>.wav at 0.99.");
  }

  /** A large run: 1,000 files with a deterministic mix of outcomes and long clips. */
  static GateResult thousandFiles() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String folder = "assets/pack-" + (i % 17) + "/";
      Outcome outcome = i % 97 == 0 ? Outcome.FLAGGED : i % 89 == 0 ? Outcome.ERROR
          : i % 53 == 0 ? Outcome.WARNED : i % 41 == 0 ? Outcome.SKIPPED : Outcome.PASSED;
      double score = outcome == Outcome.FLAGGED ? 0.5 + (i % 50) / 100.0
          : outcome == Outcome.WARNED ? 0.36 + (i % 4) / 100.0 : (i % 30) / 100.0;
      FileResults f = file(folder + "clip-" + String.format("%04d", i) + ".wav")
          .outcome(outcome).threshold(0.4).size(100_000L + i);
      if (outcome == Outcome.ERROR || outcome == Outcome.SKIPPED) {
        f.score(null).label(null).reason(outcome == Outcome.ERROR ? "timed out" : "too large");
      } else {
        Double[] chunks = new Double[i % 300 + 1];
        for (int c = 0; c < chunks.length; c++) {
          chunks[c] = c % 13 == 5 ? null : Math.min(1.0, score * ((c % 7) + 3) / 6.0);
        }
        f.score(score).label(outcome == Outcome.FLAGGED ? "fake" : "real").chunksOf(2.0, chunks)
            .detect("det-" + i, "batch-" + (i / 50));
      }
      files.add(f.build());
    }
    return result(files, Verdict.FAILED, FailureKind.FINDINGS,
        "11 of 1000 files are likely synthetic, at or above the threshold 0.40.");
  }

  static GateResult result(List<FileResult> files, Verdict status, FailureKind kind,
      String message) {
    return result(files, policy(), status, kind, message);
  }

  static GateResult result(List<FileResult> files, Policy policy, Verdict status,
      FailureKind kind, String message) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("includes", "**/*.wav, **/*.png, **/*.mp4");
    options.put("maxFilesPerBatch", "50");
    options.put("timeout", "PT30M");
    long cached = files.stream().filter(FileResult::cached).count();
    long hashes = files.stream().map(FileResult::sha256).filter(s -> s != null).distinct().count();
    Totals totals = Totals.countOutcomes(files, (int) hashes, (int) cached,
        files.size() - (int) cached, 123_456_789L, 2);
    return new GateResult(
        new RunInfo("0.1.0-test", STARTED, FINISHED, "https://app.resemble.ai/api/v2",
            "/work/demo-project", false, options, List.of("batch-1", "batch-2")),
        policy, files, totals, new Decision(status, kind, message),
        List.of("The waiver for path legacy/**/*.wav matched no file; remove it or fix its path."));
  }

  /**
   * A dry run as the gate reports it: two files it would send, one answered by the cache, nothing
   * uploaded, and the decision the rules make for it.
   */
  static GateResult dryRun() {
    List<FileResult> files = List.of(
        file("media/new-take.wav").outcome(Outcome.SKIPPED).score(null).label(null)
            .reason("dry run: would be submitted in batch 1/1").build(),
        file("media/intro.wav").outcome(Outcome.SKIPPED).score(null).label(null)
            .reason("dry run: would be submitted in batch 1/1").build(),
        file("media/clean.wav").cached().build());
    Decision decision = io.github.resemblegate.gate.policy.DecisionRules.dryRun(
        io.github.resemblegate.gate.policy.DecisionRules.decide(policy(), files),
        new io.github.resemblegate.gate.policy.Spend(2, 96_426, 0, 0), 1, 0);
    GateResult r = result(files, policy(), decision.verdict(), decision.failureKind(),
        decision.sentence());
    RunInfo run = r.run();
    return new GateResult(new RunInfo(run.toolVersion(), run.startedAt(), run.finishedAt(),
        run.apiUrl(), run.baseDirectory(), true, run.options(), List.of()), r.policy(), files,
        Totals.countOutcomes(files, 3, 1, 0, 0, 0), decision, List.of());
  }

  static String sha(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builder for one file's result with realistic defaults (a passed audio file). */
  static final class FileResults {
    private final String path;
    private String sha256;
    private long size = 48_213;
    private MediaType mediaType;
    private Outcome outcome = Outcome.PASSED;
    private Double score = 0.1;
    private String scoreField;
    private String label = "real";
    private double threshold = 0.5;
    private List<Double> chunks = List.of();
    private Double chunkSeconds;
    private String detectId;
    private String batchId;
    private String reason;
    private Waiver waiver;
    private boolean cached;
    private String dashboardUrl;
    private Findings findings = Findings.NONE;
    private Long billableBytes;
    private Double playingSeconds;

    FileResults(String path) {
      this.path = path;
      this.sha256 = sha(path);
      this.mediaType = MediaType.fromFileName(path);
    }

    FileResults outcome(Outcome v) { outcome = v; return this; }
    FileResults score(Double v) { score = v; return this; }
    FileResults field(String v) { scoreField = v; return this; }
    FileResults label(String v) { label = v; return this; }
    FileResults threshold(double v) { threshold = v; return this; }
    FileResults size(long v) { size = v; return this; }
    FileResults reason(String v) { reason = v; return this; }
    FileResults waiver(Waiver v) { waiver = v; return this; }
    FileResults cached() { cached = true; return this; }
    FileResults noHash() { sha256 = null; return this; }
    FileResults sha256(String v) { sha256 = v; return this; }
    FileResults mediaType(MediaType v) { mediaType = v; return this; }
    FileResults dashboard(String v) { dashboardUrl = v; return this; }
    FileResults findings(Findings v) { findings = v; return this; }

    /** Sent by this run: its size billed, and how long it plays (null: unknown). */
    FileResults billed(Double seconds) {
      billableBytes = size;
      playingSeconds = seconds;
      return this;
    }

    FileResults detect(String id, String batch) {
      detectId = id;
      batchId = batch;
      return this;
    }

    /** Chunk scores with a known chunk length; a null first argument means "length unknown". */
    FileResults chunks(Double seconds, Double... scores) {
      return chunksOf(seconds, scores);
    }

    FileResults chunksOf(Double seconds, Double[] scores) {
      chunkSeconds = seconds;
      chunks = Arrays.asList(scores);
      return this;
    }

    FileResult build() {
      String field = scoreField != null ? scoreField
          : score == null ? null
          : mediaType == MediaType.VIDEO ? "video_metrics.score" : "metrics.aggregated_score";
      return new FileResult(path, sha256, size, mediaType, outcome, score, field, label,
          threshold, chunks, chunkSeconds, detectId, batchId, reason, waiver, cached,
          dashboardUrl, findings, billableBytes, playingSeconds);
    }
  }
}
