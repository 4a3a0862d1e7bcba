package io.github.resemblegate.gate;

import static io.github.resemblegate.gate.GateFixture.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.remote.Collector;
import io.github.resemblegate.gate.internal.remote.PartMarker;
import io.github.resemblegate.gate.internal.remote.RecentDetections;
import io.github.resemblegate.gate.internal.remote.Submitter;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.Endpoint;
import io.github.resemblegate.simulator.Fault;
import io.github.resemblegate.simulator.ReceivedBatch;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Billing safety when the API refuses, limits, fails or loses answers. */
class GateFaultTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path root;
  private GateFixture fx;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void setUp() {
    fx = new GateFixture(SIM, root);
  }

  private void files(int n) {
    for (int i = 0; i < n; i++) {
      fx.file(String.format("media/f%03d.wav", i));
    }
  }

  @Test
  void insufficientCreditCreatesNothingAndStopsSubmitting() {
    files(120);
    SIM.faults().inject(Fault.insufficientCredit().on(Endpoint.CREATE_BATCH).always());
    GateResult v = Gate.run(fx.config().concurrency(1).build(), listener);
    assertThat(fx.counters().batchesCreated()).isZero();
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(v.files()).hasSize(120).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(f.reason()).contains("The Resemble wallet cannot pay for");
    });
    assertThat(result(v, "media/f000.wav").reason()).matches(".* Projected cost \\d+, wallet"
        + " balance \\d+(\\.\\d+)?, for 50 files\\.").doesNotContain("{");
    assertThat(result(v, "media/f100.wav").reason()).startsWith("not submitted: The Resemble wallet");
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().failureKind()).isEqualTo(FailureKind.ERRORS);
    assertThat(v.decision().sentence()).isEqualTo("120 of 120 files could not be judged:"
        + " media/f000.wav and 119 more; first of 2 reasons: the Resemble wallet"
        + " cannot pay for POST /detect/batch with 402 Payment Required, so nothing was created.");
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void aPlanLimitStopsSubmittingWithTheApisSentence() {
    files(60);
    SIM.faults().inject(Fault.planLimit().on(Endpoint.CREATE_BATCH).always());
    GateResult v = Gate.run(fx.config().concurrency(1).build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(fx.counters().batchesCreated()).isZero();
    assertThat(v.files()).allSatisfy(f -> assertThat(f.reason())
        .contains("Intelligence detect limit reached"));
  }

  @Test
  void survivesA429StormWithoutPostingABatchTwice() {
    files(60);
    SIM.faults().inject(Fault.rateLimited().on(Endpoint.CREATE_BATCH).times(2));
    SIM.faults().inject(Fault.rateLimited().on(Endpoint.GET_BATCH).times(2));
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    List<String> names = new ArrayList<>();
    SIM.simulator().batches().forEach(b -> b.fileNames().forEach(n -> names.add(PartMarker.bare(n))));
    assertThat(names).hasSize(60).doesNotHaveDuplicates();
    assertThat(listener.infos).anyMatch(m -> m.contains("429") && m.contains("retrying in"));
  }

  @Test
  void recoversALostBatchResponseWithoutPostingAgain() {
    files(3);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).afterProcessing());
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(fx.counters().batchesCreated()).isEqualTo(1);
    assertThat(v.files()).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(f.detectId()).isNotNull();
    });
    ReceivedBatch created = SIM.simulator().batches().get(0);
    assertThat(v.files()).extracting(FileResult::detectId)
        .containsExactlyInAnyOrderElementsOf(created.detectUuids());
    assertThat(listener.infos).anyMatch(m -> m.startsWith("Found the lost submission"));
    assertThat(fx.journals()).isEmpty();
  }

  @Test
  void recoversABatchAnsweredWithAServerErrorAfterItWasCreated() {
    files(2);
    SIM.faults().inject(Fault.serverError(500).on(Endpoint.CREATE_BATCH).afterProcessing());
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void resendsABatchOnlyWhenTheListShowsItWasNeverCreated() {
    files(2);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH));
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(2);
    assertThat(fx.counters().batchesCreated()).isEqualTo(1);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(listener.infos).anyMatch(m -> m.startsWith("The lost submission was not created"));
  }

  @Test
  void resendsAgainWhenTheResentBatchAlsoLostItsAnswerAndWasNotCreated() {
    files(2);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).times(2));
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(3);
    assertThat(fx.counters().batchesCreated()).isEqualTo(1);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void stopsResendingAfterTheLastResendAlsoLostItsAnswer() {
    files(2);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).always());
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1 + Submitter.MAX_RESENDS);
    assertThat(fx.counters().batchesCreated()).isZero();
    assertThat(v.files()).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(f.reason()).startsWith("every answer to this file's submissions was lost, and"
          + " each time the detections list showed that nothing was created").endsWith("re-run"
          + " to submit it again");
    });
  }

  @Test
  void theLastLookAfterTheTimeoutStaysWithinItsFewRequestsWhenTheListIsSlow() {
    files(60);
    SIM.simulator().processingTime(java.time.Duration.ofHours(1));
    // Slower than the whole last look, so its own time limit cuts the list read short. The
    // client's read timeout stays long: a short one also cut batch uploads on a busy machine,
    // whose answers were then looked for in the list before the deadline (4 reads, not 3).
    // Only once the access check has passed (it precedes the first POST): a slow check would use
    // up the whole deadline before the last look, which then has nothing left to read.
    var slowed = new java.util.concurrent.atomic.AtomicBoolean();
    RecordingListener listener = new RecordingListener() {
      @Override
      public void request(String method, String path) {
        if ("POST".equals(method) && slowed.compareAndSet(false, true)) {
          SIM.faults().inject(Fault.slowResponse(Collector.LAST_LOOK_TIME.multipliedBy(2))
              .on(Endpoint.LIST_DETECTS).always());
        }
        super.request(method, path);
      }
    };
    GateResult v = Gate.run(fx.config().timeout(java.time.Duration.ofMillis(500)).build(),
        listener);
    // Nothing finishes before the deadline, so only status polls are sent until then; every
    // detection read is the last look's.
    // Less the access check before the upload.
    long lastLook = fx.counters().requests(Endpoint.LIST_DETECTS)
        + fx.counters().requests(Endpoint.GET_DETECT) - accessChecks(listener);
    assertThat(lastLook).isPositive().isLessThanOrEqualTo(Collector.LAST_LOOK_CALLS);
    assertThat(v.files()).hasSize(60).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(f.reason()).isEqualTo("timed out after 500ms while the API was still"
          + " processing; re-run to resume");
      // Which of a batch's detections is this file's only the unread list could have said.
      assertThat(f.batchId()).isIn(SIM.simulator().batches().stream()
          .map(ReceivedBatch::uuid).toList());
    });
    assertThat(listener.warnings).anyMatch(m -> m.startsWith("Timed out after 500ms"));
    assertThat(fx.journals()).hasSize(1);
  }

  @Test
  void aListPageThatFailsIsReadAgainRatherThanFetchingEveryResultAlone() {
    files(60);
    // The first unreadable answer goes to the access check before uploading (which goes on), the
    // second to the collector's first read of the list.
    SIM.faults().inject(Fault.malformedJson().on(Endpoint.LIST_DETECTS).times(2));
    // Without client retries the gate's own second read is what saves the 60 single requests.
    GateResult v = Gate.run(fx.config().maxRetries(0).build(), listener);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(fx.counters().requests(Endpoint.GET_DETECT)).isZero();
    assertThat(fx.counters().faultsFired()).isEqualTo(2);
  }

  @Test
  void aLostAnswerThatCannotBeCheckedIsAnErrorThatTheJournalKeeps() {
    fx.file("voice.wav");
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_DETECT).afterProcessing());
    BatchOptions zr = BatchOptions.builder().zeroRetentionMode(true).build();
    GateResult v = Gate.run(fx.config().batchOptions(zr).build(), listener);
    FileResult r = result(v, "voice.wav");
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.reason()).startsWith("the API may have accepted this file's submission but its"
        + " answer was lost").contains("zero-retention mode redacts file names")
        .contains("re-run to resume").doesNotContain("dashboard");
    assertThat(r.reason().length()).isLessThanOrEqualTo(200);
    assertThat(fx.counters().detectPosts()).isEqualTo(1);
    assertThat(fx.journals()).hasSize(1);
    // The next run must not upload it again on a guess either.
    GateResult again = Gate.run(fx.config().batchOptions(zr).build(), new RecordingListener());
    assertThat(fx.counters().detectPosts()).isEqualTo(1);
    String undecided = result(again, "voice.wav").reason();
    assertThat(undecided).contains("still cannot tell").doesNotContain("nothing is uploaded");
    assertThat(undecided.length()).isLessThanOrEqualTo(200);
  }

  @Test
  void aLostAnswerIsUndecidableWhenTheListCannotBeRead() {
    files(2);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).afterProcessing());
    SIM.faults().inject(Fault.malformedJson().on(Endpoint.LIST_DETECTS).always());
    // No client retries, so the count below is the recovery's own: each look reads the page
    // again before it gives up.
    GateResult v = Gate.run(fx.config().maxRetries(0).build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    // One more: the free access check before the upload, which goes on past an unreadable answer.
    assertThat(fx.counters().requests(Endpoint.LIST_DETECTS))
        .isEqualTo(RecentDetections.READS_PER_PAGE + 1);
    assertThat(v.files()).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(f.reason()).contains("the detections list could not be read")
          .doesNotContain("dashboard");
      assertThat(f.reason().length()).isLessThanOrEqualTo(200);
    });
    SIM.faults().clear();
    GateResult resumed = Gate.run(fx.config().build(), new RecordingListener());
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(resumed.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void aResumedSubmissionThatWasNeverCreatedIsSentAgainFromTheFilesAsTheyAreNow() {
    files(3);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH));
    SIM.faults().inject(Fault.malformedJson().on(Endpoint.LIST_DETECTS).always());
    GateResult first = Gate.run(fx.config().maxRetries(0).build(), listener);
    assertThat(first.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.ERROR));
    assertThat(fx.counters().batchesCreated()).isZero();
    SIM.faults().clear();
    fx.file("media/f000.wav", "re-recorded take");
    GateResult v = Gate.run(fx.config().build(), new RecordingListener());
    // The changed file is planned as new content; the two unchanged ones are sent again once
    // the list shows the first attempt never created them.
    assertThat(SIM.simulator().batches()).extracting(b -> b.fileNames().size())
        .containsExactlyInAnyOrder(1, 2);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
    assertThat(result(v, "media/f000.wav").sha256()).isEqualTo(
        io.github.resemblegate.gate.internal.ledger.Sha256.ofText("re-recorded take"));
    assertThat(fx.journals()).isEmpty();
  }

  /** Uploads media/f000.wav… with other contents from another folder: the same names, checked. */
  private List<String> sameNamesCheckedElsewhere(int n) {
    GateFixture other = new GateFixture(SIM, root.resolve("elsewhere"));
    for (int i = 0; i < n; i++) {
      other.file(String.format("media/f%03d.wav", i), "an earlier take " + i);
    }
    GateResult earlier = Gate.run(other.config().build(), new RecordingListener());
    assertThat(earlier.files()).extracting(FileResult::outcome).containsOnly(Outcome.PASSED);
    return earlier.files().stream().map(FileResult::detectId).toList();
  }

  @Test
  void aLostBatchIsNeverTakenForDetectionsOfTheSameNamesCheckedJustBefore() {
    List<String> theirs = sameNamesCheckedElsewhere(3);
    files(3);
    // The POST is cut before the simulator creates anything: the list then shows only the
    // earlier run's detections, which carry the same file names.
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH));
    GateResult v = Gate.run(fx.config().build(), listener);

    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.PASSED);
    assertThat(v.files()).extracting(FileResult::detectId).doesNotContainAnyElementsOf(theirs);
    assertThat(fx.counters().batchesCreated()).isEqualTo(2);
    assertThat(listener.infos).anyMatch(m -> m.startsWith("The lost submission was not created"));
  }

  @Test
  void aResumedSubmissionIsNotConfusedWithANewDetectionOfTheSameNameMadeAfterIt() {
    files(3);
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH));
    SIM.faults().inject(Fault.malformedJson().on(Endpoint.LIST_DETECTS).always());
    GateResult first = Gate.run(fx.config().maxRetries(0).build(), listener);
    assertThat(first.files()).extracting(FileResult::outcome).containsOnly(Outcome.ERROR);
    SIM.faults().clear();
    // After the lost submission, media/f000.wav is checked again with new content — what the
    // pipelined run can do itself before it looks the resumed submission up.
    sameNamesCheckedElsewhere(1);
    fx.file("media/f000.wav", "re-recorded take");

    GateResult v = Gate.run(fx.config().build(), new RecordingListener());

    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.PASSED);
    // The one elsewhere, then this run's new content and the two files sent again.
    assertThat(SIM.simulator().batches()).extracting(b -> b.fileNames().size())
        .containsExactlyInAnyOrder(1, 1, 2);
    assertThat(fx.journals()).isEmpty();
  }

  /** The list reads made before the first upload: the access check's, retries included. */
  private static long accessChecks(RecordingListener listener) {
    List<String> requests = List.copyOf(listener.requests);
    return requests.stream().takeWhile(r -> !r.startsWith("POST "))
        .filter(r -> r.startsWith("GET /detect?")).count();
  }

  @Test
  void aWrongTokenStopsSubmittingWithTheAdvice() {
    files(60);
    var sim = SIM.simulator();
    try (var strict = io.github.resemblegate.simulator.ResembleSimulator.start(
        sim.options().toBuilder().port(0).token("the-right-token").build())) {
      GateResult v = Gate.run(fx.config().apiUrl(strict.baseUrl()).concurrency(1).build(), listener);
      // The free access check finds it: not one batch is posted.
      assertThat(strict.counters().batchPosts()).isZero();
      assertThat(strict.counters().bytesReceived()).isZero();
      assertThat(v.decision().failureKind()).isEqualTo(FailureKind.ERRORS);
      assertThat(v.files()).allSatisfy(f -> assertThat(f.reason())
          .startsWith("The Resemble API rejected the API token with 401 Unauthorized"));
      assertThat(v.toString()).doesNotContain(GateFixture.TOKEN);
    }
  }

  @Test
  void aServerErrorWhilePollingIsRetried() {
    files(60);
    SIM.faults().inject(Fault.serverError(500).on(Endpoint.GET_BATCH).times(1));
    GateResult v = Gate.run(fx.config().build(), listener);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASSED));
  }

  @Test
  void aServerErrorOnEveryStatusCheckEndsTheWaitWithTheApisWordsOnceRetriesAreSpent() {
    files(3);
    SIM.faults().inject(Fault.serverError(500).on(Endpoint.GET_BATCH).always());
    GateResult v = Gate.run(fx.config().maxRetries(2).timeout(java.time.Duration.ofSeconds(10))
        .build(), listener);
    assertThat(fx.counters().batchesCreated()).isEqualTo(1);
    assertThat(v.files()).hasSize(3).allSatisfy(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
      assertThat(f.reason()).contains("500").contains("Internal server error")
          .contains("re-run to retry")
          .doesNotContain("timed out");
      assertThat(f.reason().length()).isLessThanOrEqualTo(200);
    });
    assertThat(listener.allText()).doesNotContain("Timed out");
    // The batch was created: the journal keeps it, so the re-run polls instead of uploading.
    assertThat(fx.journals()).isNotEmpty();
  }

  @Test
  void maxRetriesZeroSendsARateLimitedBatchOnce() {
    files(2);
    SIM.faults().inject(Fault.rateLimited().on(Endpoint.CREATE_BATCH).always());
    GateResult v = Gate.run(fx.config().maxRetries(0).build(), listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.ERROR));
    assertThat(listener.infos).noneMatch(m -> m.contains("retrying in"));
  }

  @Test
  void aRetryThatWouldOutlastTheRetryBudgetIsNotMade() {
    files(2);
    SIM.faults().inject(Fault.rateLimited(java.time.Duration.ofSeconds(1))
        .on(Endpoint.CREATE_BATCH).always());
    GateResult v = Gate.run(fx.config().retryBudget(java.time.Duration.ofMillis(500)).build(),
        listener);
    assertThat(fx.counters().batchPosts()).isEqualTo(1);
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.ERROR));
  }

  @Test
  void aTimeoutBeforeTheApiAcceptedAnythingDoesNotSayTheApiIsStillProcessing() {
    files(2);
    SIM.faults().inject(Fault.rateLimited(java.time.Duration.ofMillis(400))
        .on(Endpoint.CREATE_BATCH).always());
    GateResult v = Gate.run(fx.config().timeout(java.time.Duration.ofMillis(100)).maxRetries(1)
        .build(), listener);

    assertThat(fx.counters().batchesCreated()).isZero();
    assertThat(v.files()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.ERROR));
    assertThat(listener.warnings).noneMatch(w -> w.contains("still processing"))
        .contains("Timed out after 100ms before anything was accepted by the API, so nothing is"
            + " waiting there; run again to submit it.");
  }
}
