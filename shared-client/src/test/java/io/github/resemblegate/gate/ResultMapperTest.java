package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.DetectStatus;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMapperTest {

  private final ResultMapper mapper = new ResultMapper(null, "timed out");

  private static Journal.Part part(String name) {
    return new Journal.Part(name, Sha256.ofText(name), "media/" + name, 10);
  }

  private static InFlight batch(List<String> ids, Journal.Part... parts) {
    Journal.Intent intent = new Journal.Intent("i1", Instant.EPOCH, "key", Journal.BATCH,
        List.of(parts), "b1", ids, null);
    return new InFlight(1, intent, 0, 0);
  }

  private static InFlight single(String id, Journal.Part part) {
    Journal.Intent intent = new Journal.Intent("i2", Instant.EPOCH, "key", Journal.SINGLE,
        List.of(part), null, List.of(id), null);
    return new InFlight(1, intent, 0, 0);
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
    InFlight u = batch(List.of("d1", "d2"), part("en-intro.wav"), part("fr-intro.wav"));
    Map<String, Detection> found = byId(detection("d1", "fr-intro.wav", DetectStatus.COMPLETED, 0.2),
        detection("d2", "en-intro.wav", DetectStatus.COMPLETED, 0.8));
    assertThat(mapper.settle(u, found, false)).isEmpty();
    assertThat(mapper.results().get(Sha256.ofText("en-intro.wav")).detectId()).isEqualTo("d2");
    assertThat(mapper.results().get(Sha256.ofText("fr-intro.wav")).detectId()).isEqualTo("d1");
    assertThat(mapper.results().get(Sha256.ofText("fr-intro.wav")).batchId()).isEqualTo("b1");
  }

  @Test
  void neverGuessesWhenANameMatchesNoPart() {
    InFlight u = batch(List.of("d1", "d2"), part("a.wav"), part("b.wav"));
    Map<String, Detection> found = byId(detection("d1", "a.wav", DetectStatus.COMPLETED, 0.2),
        detection("d2", "redacted_x1.wav", DetectStatus.COMPLETED, 0.9));
    assertThat(mapper.settle(u, found, false)).isEmpty();
    assertThat(mapper.results()).containsOnlyKeys(Sha256.ofText("a.wav"));
    ResultMapper.Failure f = mapper.failures().get(Sha256.ofText("b.wav"));
    assertThat(f.reason()).isEqualTo("the API's results for batch b1 could not be matched to"
        + " this file by name (detections d2); the gate does not guess");
    assertThat(f.retryable()).isFalse();
  }

  @Test
  void aSingleFilesDetectionIsItsOwnWhateverItsName() {
    InFlight u = single("d9", part("voice.wav"));
    assertThat(mapper.settle(u, byId(detection("d9", "redacted_q.wav", DetectStatus.COMPLETED,
        0.7)), false)).isEmpty();
    assertThat(mapper.results().get(Sha256.ofText("voice.wav")).detectId()).isEqualTo("d9");
  }

  @Test
  void leavesPartsOpenWhileDetectionsRunOrAreMissing() {
    InFlight u = batch(List.of("d1", "d2", "d3"), part("a.wav"), part("b.wav"), part("c.wav"));
    Map<String, Detection> found = byId(detection("d1", "a.wav", DetectStatus.COMPLETED, 0.2),
        detection("d2", "b.wav", DetectStatus.PROCESSING, 0));
    assertThat(mapper.settle(u, found, false)).containsExactly("d2", "d3");
    assertThat(mapper.failures()).isEmpty();
    assertThat(mapper.results()).containsOnlyKeys(Sha256.ofText("a.wav"));
  }

  @Test
  void aTimeoutFailsWhatIsUnfinishedWithItsIds() {
    InFlight u = batch(List.of("d1", "d2"), part("a.wav"), part("b.wav"));
    Map<String, Detection> found = byId(detection("d1", "a.wav", DetectStatus.PROCESSING, 0));
    assertThat(mapper.settle(u, found, true)).isEmpty();
    assertThat(mapper.failures().get(Sha256.ofText("a.wav")))
        .isEqualTo(new ResultMapper.Failure("timed out", "d1", "b1", true));
    assertThat(mapper.failures().get(Sha256.ofText("b.wav")))
        .isEqualTo(new ResultMapper.Failure("timed out", null, "b1", true));
  }

  @Test
  void aFailedDetectionCarriesTheApisMessageAndIsFinal() {
    InFlight u = single("d1", part("a.wav"));
    mapper.settle(u, byId(detection("d1", "a.wav", DetectStatus.FAILED, 0)), false);
    assertThat(mapper.failures().get(Sha256.ofText("a.wav"))).isEqualTo(new ResultMapper.Failure(
        "the API could not analyse this file: Unsupported codec", "d1", null, false, true));
  }
}
