package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.policy.Waiver;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.ReceivedBatch;
import io.github.resemblegate.simulator.ScoringRule;
import io.github.resemblegate.simulator.ScoringRules;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The gate end to end against the simulator: batching, mapping, caching, judging. */
class GateSimulatorTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
  }

  @Test
  void submits120FilesInThreeBatchesAndJudgesEveryOne() {
    for (int i = 0; i < 118; i++) {
      fx.file(String.format("media/take%03d.wav", i));
    }
    fx.file("media/fake-intro.wav");
    fx.file("img/fake.png");
    GateResult v = Gate.run(fx.config().build(), listener);

    List<ReceivedBatch> batches = SIM.simulator().batches();
    assertThat(batches).extracting(b -> b.fileNames().size()).containsExactlyInAnyOrder(50, 50, 20);
    assertThat(fx.counters().batchPosts()).isEqualTo(3);
    assertThat(v.files()).hasSize(120).allSatisfy(f -> {
      assertThat(f.detectId()).isNotNull();
      assertThat(f.batchId()).isNotNull();
    });
    assertThat(result(v, "media/take007.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result(v, "media/take007.wav").score()).isEqualTo(ScoringRules.REAL_SCORE);
    assertThat(result(v, "img/fake.png").mediaType()).isEqualTo(MediaType.IMAGE);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().failureKind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(v.decision().sentence()).isEqualTo("2 of 120 files are likely synthetic, at or"
        + " above the threshold 0.50; the highest is img/fake.png at 0.97.");
    assertThat(v.run().batchIds()).containsExactlyInAnyOrderElementsOf(
        batches.stream().map(ReceivedBatch::uuid).toList());
    assertThat(v.totals().uploaded()).isEqualTo(120);
    assertThat(v.totals().batches()).isEqualTo(3);
    assertThat(listener.submitted).hasSize(3);
    assertThat(listener.progress).isNotEmpty();
    assertThat(listener.progress.get(listener.progress.size() - 1).overallDone()).isEqualTo(120);
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void collectsEveryFinishedBatchInOneListPassWithoutPollingEachOne() {
    for (int i = 0; i < 200; i++) {
      fx.file(String.format("media/take%03d.wav", i));
    }
    // All four batches finish long before the first is polled, even on a loaded machine (with
    // 600 ms, four uploads of 50 files sometimes took longer at a load of 15-20 on 2 cores).
    SIM.simulator().processingTime(Duration.ofMillis(50));
    GateResult v = Gate.run(fx.config().pollInterval(Duration.ofSeconds(3)).build(), listener);

    assertThat(v.files()).hasSize(200)
        .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(fx.counters().batchPosts()).isEqualTo(4);
    // One status poll and one list page would do; a poller on another thread's schedule may
    // poll a second batch first, never all four.
    assertThat(fx.counters().requests(Endpoint.GET_BATCH)
        + fx.counters().requests(Endpoint.LIST_DETECTS)).isLessThanOrEqualTo(3);
    assertThat(fx.counters().requests(Endpoint.GET_DETECT)).isZero();
  }

  @Test
  void twoFilesWithTheSameNameInDifferentFoldersGetTheirOwnResults() {
    fx.file("en/intro.wav");
    fx.file("fr/intro.wav");
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*-en*", 0.91)));
    GateResult v = Gate.run(fx.config().build(), listener);
    FileResult en = result(v, "en/intro.wav");
    FileResult fr = result(v, "fr/intro.wav");
    assertThat(en.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(en.score()).isEqualTo(0.91);
    assertThat(fr.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(fr.score()).isEqualTo(ScoringRules.REAL_SCORE);
    assertThat(en.detectId()).isNotEqualTo(fr.detectId());
    assertThat(SIM.simulator().batches()).singleElement();
  }

  @Test
  void identicalContentIsUploadedOnceAndReportedUnderEveryPath() {
    fx.file("src/main/resources/voice.wav", "same bytes");
    fx.file("target/classes/voice.wav", "same bytes");
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().detectsCreated()).isEqualTo(1);
    assertThat(v.files()).hasSize(2).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.sha256()).isEqualTo(Sha256.ofText("same bytes"));
    });
    assertThat(v.files().get(0).detectId()).isEqualTo(v.files().get(1).detectId());
    assertThat(v.totals().uniqueContents()).isEqualTo(1);
    assertThat(v.totals().uploaded()).isEqualTo(1);
  }

  @Test
  void aSecondRunIsAnsweredByTheCacheWithoutOneRequest() {
    fx.file("a.wav");
    fx.file("fake.wav");
    GateResult first = Gate.run(fx.config().build(), listener);
    long before = fx.counters().totalRequests();
    RecordingListener second = new RecordingListener();
    GateResult again = Gate.run(fx.config().build(), second);
    assertThat(fx.counters().totalRequests()).isEqualTo(before);
    assertThat(second.requests).isEmpty();
    assertThat(again.files()).allMatch(FileResult::cached);
    assertThat(again.files()).extracting(FileResult::score)
        .containsExactlyElementsOf(first.files().stream().map(FileResult::score).toList());
    assertThat(again.totals().fromCache()).isEqualTo(2);
  }

  @Test
  void aThresholdChangeReJudgesFromTheCacheWithoutARequest() {
    fx.file("a.wav");
    assertThat(Gate.run(fx.config().build(), listener).decision().verdict()).isEqualTo(Verdict.PASSED);
    long before = fx.counters().totalRequests();
    Policy strict = new Policy(0.03, Map.of(), null, null, null, null, null, null, List.of());
    GateResult v = Gate.run(fx.config().policy(strict).build(), listener);
    assertThat(fx.counters().totalRequests()).isEqualTo(before);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().sentence()).isEqualTo("1 of 1 file is likely synthetic: a.wav scored"
        + " 0.04, at or above the threshold 0.03.");
  }

  @Test
  void resultChangingOptionsAndAnotherApiUrlAreNotAnsweredByTheCache() {
    fx.file("a.wav");
    Gate.run(fx.config().build(), listener);
    Gate.run(fx.config().batchOptions(BatchOptions.builder().visualize(false).build()).build(),
        listener);
    assertThat(fx.counters().detectsCreated()).isEqualTo(1);
    Gate.run(fx.config().batchOptions(BatchOptions.builder().frameLength(4).build()).build(),
        listener);
    assertThat(fx.counters().detectsCreated()).isEqualTo(2);
    Gate.run(fx.config().apiUrl(SIM.baseUrl().replace("127.0.0.1", "localhost")).build(),
        listener);
    assertThat(fx.counters().detectsCreated()).isEqualTo(3);
  }

  @Test
  void refreshSubmitsAgainAndRefreshesTheCache() {
    fx.file("a.wav");
    Gate.run(fx.config().build(), listener);
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*-a.wav", 0.6)));
    GateResult refreshed = Gate.run(fx.config().refresh(true).build(), listener);
    assertThat(result(refreshed, "a.wav").score()).isEqualTo(0.6);
    GateResult cached = Gate.run(fx.config().build(), listener);
    assertThat(result(cached, "a.wav").score()).isEqualTo(0.6);
    assertThat(result(cached, "a.wav").cached()).isTrue();
    assertThat(fx.counters().detectsCreated()).isEqualTo(2);
  }

  @Test
  void aCorruptCacheEntryIsIgnoredWithAWarningAndReplaced() throws Exception {
    fx.file("a.wav");
    Gate.run(fx.config().build(), listener);
    try (var entries = Files.walk(fx.cache.resolve("results"))) {
      for (Path p : entries.filter(Files::isRegularFile).toList()) {
        Files.writeString(p, "{\"format\":1,\"sha");
      }
    }
    RecordingListener second = new RecordingListener();
    GateResult v = Gate.run(fx.config().build(), second);
    assertThat(result(v, "a.wav").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(second.warnings).anyMatch(w -> w.startsWith("Ignoring a corrupt cache entry"));
    assertThat(fx.counters().detectsCreated()).isEqualTo(2);
    RecordingListener third = new RecordingListener();
    assertThat(result(Gate.run(fx.config().build(), third), "a.wav").cached()).isTrue();
    assertThat(third.warnings).isEmpty();
  }

  @Test
  void aFailedDetectionIsAnErrorWithTheApisMessageAndIsNotCached() {
    fx.file("corrupt-take.wav");
    SIM.simulator().rules(ScoringRules.of(ScoringRule.failing("*-corrupt*", "Audio stream unreadable")));
    GateResult v = Gate.run(fx.config().build(), listener);
    FileResult r = result(v, "corrupt-take.wav");
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.reason()).isEqualTo("the API could not analyse this file: Audio stream unreadable"
        + "; re-running will not help");
    assertThat(r.detectId()).isNotNull();
    assertThat(v.decision().failureKind()).isEqualTo(FailureKind.ERRORS);
    assertThat(v.decision().sentence()).isEqualTo("1 of 1 file could not be judged:"
        + " corrupt-take.wav; the API could not analyse this file: Audio stream unreadable;"
        + " re-running will not help.");
    Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().detectsCreated()).isEqualTo(2);
  }

  @Test
  void silentAudioIsNoSpeechAndASilentVideoIsJudgedByItsPicture() {
    fx.file("silent-take.wav");
    fx.file("silent-clip.mp4");
    Policy policy = new Policy(0.5, Map.of(), null, null, null, Reaction.WARN, null, null,
        List.of());
    GateResult v = Gate.run(fx.config().policy(policy).build(), listener);
    FileResult audio = result(v, "silent-take.wav");
    assertThat(audio.outcome()).isEqualTo(Outcome.NO_SPEECH);
    assertThat(audio.reason()).startsWith("no speech found (metrics.aggregated_score = -1");
    FileResult video = result(v, "silent-clip.mp4");
    assertThat(video.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(video.scoreField()).isEqualTo("video_metrics.score");
    assertThat(v.decision().verdict()).isEqualTo(Verdict.UNSTABLE);
  }

  @Test
  void aVideoIsFlaggedByTheHigherOfItsTracks() {
    fx.file("fake-trailer.mp4");
    GateResult v = Gate.run(fx.config().build(), listener);
    FileResult r = result(v, "fake-trailer.mp4");
    assertThat(r.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(r.mediaType()).isEqualTo(MediaType.VIDEO);
    assertThat(r.score()).isEqualTo(0.97);
    assertThat(r.chunkScores()).isNotEmpty();
  }

  @Test
  void aWaiverTurnsAFlaggedFileIntoWaived() {
    fx.file("media/fake-demo.wav");
    Waiver w = new Waiver(null, "media/**", "Intentionally synthetic demo", null);
    Policy policy = new Policy(0.5, Map.of(), null, null, null, null, null, null, List.of(w));
    GateResult v = Gate.run(fx.config().policy(policy).build(), listener);
    FileResult r = result(v, "media/fake-demo.wav");
    assertThat(r.outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(r.score()).isEqualTo(0.97);
    assertThat(r.waiver()).isEqualTo(w);
    assertThat(v.decision().verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void zeroRetentionFilesGoOneByOneAndAreStillMappedRight() {
    fx.file("en/intro.wav");
    fx.file("fr/intro.wav");
    fx.file("fake-voice.wav");
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*intro.wav", 0.3)));
    BatchOptions zr = BatchOptions.builder().zeroRetentionMode(true).build();
    GateResult v = Gate.run(fx.config().batchOptions(zr).build(), listener);
    assertThat(fx.counters().batchPosts()).isZero();
    assertThat(fx.counters().detectPosts()).isEqualTo(3);
    assertThat(result(v, "fake-voice.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(result(v, "en/intro.wav").score()).isEqualTo(0.3);
    assertThat(result(v, "fr/intro.wav").score()).isEqualTo(0.3);
    Set<String> ids = new HashSet<>();
    v.files().forEach(f -> ids.add(f.detectId()));
    assertThat(ids).hasSize(3).doesNotContainNull();
    assertThat(listener.plans.get(0).singles()).hasSize(3)
        .allSatisfy(s -> assertThat(s.why()).startsWith("zero-retention"));
  }

  @Test
  void aFileLargerThanABatchGoesOnItsOwn() {
    fx.file("small.wav", "s");
    fx.file("fake-long-take.wav", "x".repeat(4_000));
    GateResult v = Gate.run(fx.config().maxBytesPerBatch(1_000).build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(fx.counters().detectPosts()).isEqualTo(1);
    assertThat(result(v, "fake-long-take.wav").outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(result(v, "fake-long-take.wav").batchId()).isNull();
    assertThat(result(v, "small.wav").batchId()).isNotNull();
  }

  @Test
  void aTimeoutLeavesErrorsWithTheirIdsAndTheNextRunResumesWithoutUploading() {
    fx.file("slow-a.wav");
    fx.file("slow-b.wav");
    fx.file("slow-c.wav");
    SIM.simulator().rules(ScoringRules.of(ScoringRule.scoring("*-slow*", 0.2)
        .withProcessingTime(Duration.ofMillis(3000))));
    // 1 s: enough to submit on a loaded machine (300 ms was not, at a load of 15 on 2 cores).
    GateResult v = Gate.run(fx.config().timeout(Duration.ofMillis(1000)).build(), listener);
    assertThat(v.files()).hasSize(3).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(f.reason()).isEqualTo("timed out after 1s while the API was still"
          + " processing; re-run to resume");
      assertThat(f.batchId()).isNotNull();
      assertThat(f.detectId()).isNotNull();
    });
    assertThat(fx.journals()).hasSize(1);
    RecordingListener resumed = new RecordingListener();
    GateResult again = Gate.run(fx.config().build(), resumed);
    assertThat(again.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(again.totals().uploaded()).isZero();
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(resumed.infos).anyMatch(m -> m.startsWith("Resuming batch "));
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void refusesPlainHttpToAnotherHostWithOneSentence() {
    fx.file("a.wav");
    assertThatThrownBy(() -> Gate.run(fx.config().apiUrl("http://detect.example.com/api/v2")
        .build(), listener))
        .isInstanceOf(GateException.class)
        .hasMessageContaining("uses plain http://");
  }

  @Test
  void theTokenNeverAppearsInEventsOrTheVerdict() {
    fx.file("a.wav");
    fx.file("corrupt.wav");
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(listener.requests).isNotEmpty();
    assertThat(listener.allText() + v).doesNotContain(GateFixture.TOKEN);
  }

  @Test
  void countsRequestsThroughTheListener() {
    fx.file("a.wav");
    Gate.run(fx.config().build(), listener);
    assertThat(listener.requests).hasSize((int) fx.counters().totalRequests());
    // The free access check comes first, then the upload.
    assertThat(listener.requests.get(0)).isEqualTo("GET /detect?page=1&page_size=10");
    assertThat(listener.requests.get(1)).startsWith("POST ");
    assertThat(fx.counters().requests(Endpoint.CREATE_BATCH)).isEqualTo(1);
  }
}
