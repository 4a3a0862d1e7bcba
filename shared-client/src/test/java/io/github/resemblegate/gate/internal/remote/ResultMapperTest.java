package io.github.resemblegate.gate.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.DetectResult;
import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Fate.Failed;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMapperTest {

  private final Ledger ledger = new Ledger();
  private final ResultMapper mapper = new ResultMapper(ledger, null, "timed out");

  private Submission.Part part(String name) {
    ledger.add("media/" + name, 10, 0, Sha256.ofText(name));
    return new Submission.Part(name, Sha256.ofText(name), "media/" + name, 10);
  }

  /** The contents the ledger holds a result for. */
  private List<String> scored() {
    return ledger.contents(f -> f instanceof Fate.Scored).stream().map(Content::sha256).toList();
  }

  private Analysis result(String name) {
    return ((Fate.Scored) ledger.fate(Sha256.ofText(name))).analysis();
  }

  private Failed failure(String name) {
    return ledger.fate(Sha256.ofText(name)) instanceof Failed f ? f : null;
  }

  private List<String> failed() {
    return ledger.contents(f -> f instanceof Failed).stream().map(Content::sha256).toList();
  }

  private static Awaited batch(List<String> ids, Submission.Part... parts) {
    Submission intent = new Submission("i1", Instant.EPOCH, "key", Journal.BATCH,
        List.of(parts), "b1", ids, null);
    return new Awaited(1, intent, 0, 0);
  }

  private static Awaited single(String id, Submission.Part part) {
    Submission intent = new Submission("i2", Instant.EPOCH, "key", Journal.SINGLE,
        List.of(part), null, List.of(id), null);
    return new Awaited(1, intent, 0, 0);
  }

  private static Detection detection(String id, String filename, DetectStatus status,
      double score) {
    return new Detection(id, status, MediaType.AUDIO, filename,
        status == DetectStatus.FAILED ? "Unsupported codec" : null, 3.0, false, null, null,
        new Detection.AudioMetrics("real", score, List.of(score), 1.0, null), null, null);
  }

  private static Map<String, Detection> byId(Detection... ds) {
    Map<String, Detection> m = new LinkedHashMap<>();
    for (Detection d : ds) {
      m.put(d.uuid(), d);
    }
    return m;
  }

  @Test
  void mapsABatchsDetectionsByPartName() {
    Awaited u = batch(List.of("d1", "d2"), part("en-intro.wav"), part("fr-intro.wav"));
    Map<String, Detection> found = byId(detection("d1", "fr-intro.wav", DetectStatus.COMPLETED, 0.2),
        detection("d2", "en-intro.wav", DetectStatus.COMPLETED, 0.8));
    assertThat(mapper.settle(u, found, false)).isEmpty();
    assertThat(result("en-intro.wav").detectId()).isEqualTo("d2");
    assertThat(result("fr-intro.wav").detectId()).isEqualTo("d1");
    assertThat(result("fr-intro.wav").batchId()).isEqualTo("b1");
  }

  @Test
  void neverGuessesWhenANameMatchesNoPart() {
    Awaited u = batch(List.of("d1", "d2"), part("a.wav"), part("b.wav"));
    Map<String, Detection> found = byId(detection("d1", "a.wav", DetectStatus.COMPLETED, 0.2),
        detection("d2", "redacted_x1.wav", DetectStatus.COMPLETED, 0.9));
    assertThat(mapper.settle(u, found, false)).isEmpty();
    assertThat(scored()).containsExactly(Sha256.ofText("a.wav"));
    Failed f = failure("b.wav");
    assertThat(f.reason()).isEqualTo("the API's results for batch b1 could not be matched to"
        + " this file by name (detections d2); the gate does not guess");
    assertThat(f.kind()).isEqualTo(Failed.Kind.FINAL);
  }

  @Test
  void aSingleFilesDetectionIsItsOwnWhateverItsName() {
    Awaited u = single("d9", part("voice.wav"));
    assertThat(mapper.settle(u, byId(detection("d9", "redacted_q.wav", DetectStatus.COMPLETED,
        0.7)), false)).isEmpty();
    assertThat(result("voice.wav").detectId()).isEqualTo("d9");
  }

  @Test
  void leavesPartsOpenWhileDetectionsRunOrAreMissing() {
    Awaited u = batch(List.of("d1", "d2", "d3"), part("a.wav"), part("b.wav"), part("c.wav"));
    Map<String, Detection> found = byId(detection("d1", "a.wav", DetectStatus.COMPLETED, 0.2),
        detection("d2", "b.wav", DetectStatus.PROCESSING, 0));
    assertThat(mapper.settle(u, found, false)).containsExactly("d2", "d3");
    assertThat(failed()).isEmpty();
    assertThat(scored()).containsExactly(Sha256.ofText("a.wav"));
  }

  @Test
  void aTimeoutFailsWhatIsUnfinishedWithItsIds() {
    Awaited u = batch(List.of("d1", "d2"), part("a.wav"), part("b.wav"));
    Map<String, Detection> found = byId(detection("d1", "a.wav", DetectStatus.PROCESSING, 0));
    assertThat(mapper.settle(u, found, true)).isEmpty();
    assertThat(failure("a.wav"))
        .isEqualTo(new Failed("timed out", "d1", "b1", Failed.Kind.PENDING));
    assertThat(failure("b.wav"))
        .isEqualTo(new Failed("timed out", null, "b1", Failed.Kind.PENDING));
  }

  @Test
  void aFailedDetectionCarriesTheApisMessageAndIsFinal() {
    Awaited u = single("d1", part("a.wav"));
    mapper.settle(u, byId(detection("d1", "a.wav", DetectStatus.FAILED, 0)), false);
    assertThat(failure("a.wav")).isEqualTo(new Failed(
        "the API could not analyse this file: Unsupported codec; re-running will not help", "d1",
        null, Failed.Kind.ANALYSED));
  }

  private static DetectResult.Failed refusal(String id, int status, boolean mayRetry) {
    return new DetectResult.Failed(id, "the API answered " + status + " for this file's result:"
        + " Detect not found", "Detect not found", status, mayRetry);
  }

  @Test
  void aRefusedPartOfABatchEndsWithTheApisWordsOnceEveryOtherIsMatched() {
    Awaited u = batch(List.of("d1", "d2"), part("a.wav"), part("b.wav"));
    u.refusedWith(Map.of("d2", refusal("d2", 404, false)));

    assertThat(mapper.settle(u, byId(detection("d1", "a.wav", DetectStatus.COMPLETED, 0.1)),
        false)).isEmpty();

    assertThat(scored()).containsExactly(Sha256.ofText("a.wav"));
    assertThat(failure("b.wav")).isEqualTo(new Failed("the API answered 404 for this file's"
        + " result: Detect not found; re-running will not help", "d2", "b1", Failed.Kind.FINAL));
  }

  @Test
  void aRefusalThatMayBeRetriedStaysPendingForTheJournal() {
    Awaited u = single("d1", part("a.wav"));
    u.refusedWith(Map.of("d1", refusal("d1", 500, true)));

    mapper.settle(u, Map.of(), false);

    assertThat(failure("a.wav").kind()).isEqualTo(Failed.Kind.PENDING);
    assertThat(failure("a.wav").reason()).endsWith("; re-run to retry");
  }

  @Test
  void timedOutWithOneRefusedAndOneRunningNoPartIsGivenTheRefusalByElimination() {
    Awaited u = batch(List.of("d1", "d2", "d3"), part("a.wav"), part("b.wav"), part("c.wav"));
    u.refusedWith(Map.of("d2", refusal("d2", 404, false)));

    mapper.settle(u, byId(detection("d1", "a.wav", DetectStatus.COMPLETED, 0.1)), true);

    assertThat(failure("b.wav")).isEqualTo(new Failed("timed out", null, "b1",
        Failed.Kind.PENDING));
    assertThat(failure("c.wav")).isEqualTo(failure("b.wav"));
  }

  @Test
  void aRefusalsReasonIsCutToTwoHundredCharacters() {
    Failed f = ResultMapper.refusal(new DetectResult.Failed("d1", "the API answered 422: "
        + "x".repeat(400), "x".repeat(400), 422, false), null);

    assertThat(f.reason()).hasSize(200).endsWith("…; re-running will not help");
  }
}
