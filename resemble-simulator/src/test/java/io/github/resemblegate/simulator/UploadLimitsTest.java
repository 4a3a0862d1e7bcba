package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The byte limits, checked on streamed-part descriptions: the filter reports sizes, so these tests
 * need not upload half a gigabyte.
 */
class UploadLimitsTest {
  private final DetectStore store = new DetectStore();
  private final DetectApi api = new DetectApi(store, new CounterRecorder(System::nanoTime),
      ScoringRules::defaults, () -> Duration.ofMillis(1), Duration.ofSeconds(1), Clock.systemUTC(),
      new Callbacks(Clock.systemUTC()));

  @Test
  void rejectsBatchAboveFiveHundredMegabytes() {
    List<StreamedPart> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      parts.add(file("files[]", "f" + i + ".mp4", 100_000_000L));
    }
    parts.add(file("files[]", "one-more.wav", 1));

    ApiResponse response = api.handle(request(Endpoint.CREATE_BATCH, parts));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("at most 500 MB in total; this one has 500.0 MB");
    assertThat(store.receivedBatches()).isEmpty();
  }

  @Test
  void acceptsBatchOfExactlyFiveHundredMegabytes() {
    List<StreamedPart> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      parts.add(file("files[]", "f" + i + ".mp4", 100_000_000L));
    }

    assertThat(api.handle(request(Endpoint.CREATE_BATCH, parts)).status()).isEqualTo(202);
  }

  @Test
  void countsZipLimitOnExtractedSizes() {
    List<StreamedPart> entries = List.of(
        file("a/big.wav", "a/big.wav", 300_000_000L), file("b/big.mov", "b/big.mov", 200_000_001L));
    StreamedPart zip = new StreamedPart("file", "all.zip", "application/zip", 1_000_000, null, null, entries, null);

    ApiResponse response = api.handle(request(Endpoint.CREATE_BATCH, List.of(zip)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("at most 500 MB");
  }

  @Test
  void rejectsDirectUploadAboveOneHundredFiftyMegabytesPointingToSecureUploads() {
    ApiResponse response =
        api.handle(request(Endpoint.CREATE_DETECT, List.of(file("file", "long.mp4", 150_000_001L))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("150 MB").contains("POST /secure_uploads");
  }

  @Test
  void acceptsDirectUploadOfExactlyOneHundredFiftyMegabytes() {
    ApiResponse response =
        api.handle(request(Endpoint.CREATE_DETECT, List.of(file("file", "long.mp4", 150_000_000L))));

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void answers413ForOversizedNonMultipartBody() {
    StreamedUpload oversized = StreamedUpload.oversized(5_000_000);
    ApiRequest request = new ApiRequest(Endpoint.CREATE_DETECT, "POST", "/detect", name -> null, Set.of(), name -> null,
        new byte[0], "application/json", name -> null, oversized, "http://127.0.0.1:1");

    assertThat(api.handle(request).status()).isEqualTo(413);
  }

  private static StreamedPart file(String name, String fileName, long size) {
    return new StreamedPart(name, fileName, null, size, null, null, null, null);
  }

  private static ApiRequest request(Endpoint endpoint, List<StreamedPart> parts) {
    String path = endpoint == Endpoint.CREATE_BATCH ? "/detect/batch" : "/detect";
    Map<String, String> none = Map.of();
    return new ApiRequest(endpoint, "POST", path, none::get, Set.of(), none::get, new byte[0],
        "multipart/form-data; boundary=x", none::get, StreamedUpload.multipart(1, parts), "http://127.0.0.1:1");
  }
}
