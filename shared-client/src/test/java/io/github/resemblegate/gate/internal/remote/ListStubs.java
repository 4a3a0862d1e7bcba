package io.github.resemblegate.gate.internal.remote;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.ResembleClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** JSON of the detections list for WireMock stubs, and a client without retries pointed at it. */
final class ListStubs {

  private ListStubs() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
  }

  static ResembleClient client(WireMockExtension wm) {
    return ResembleClient.builder()
        .baseUrl("http://127.0.0.1:" + wm.getPort() + "/api/v2")
        .token(ApiToken.of("list-stub-token"))
        .requestsPerSecond(10_000)
        .maxRetries(0)
        .build();
  }

  /** A newest-first run of {@code count} other detections, created from {@code newest} back. */
  static List<String> others(String tag, int count, Instant newest) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(item("other-" + tag + "-" + i, "other-" + tag + "-" + i + ".wav",
          newest.minusMillis(i)));
    }
    return items;
  }

  static String item(String uuid, String name, Instant created) {
    return item(uuid, name, created, "completed");
  }

  static String item(String uuid, String name, Instant created, String status) {
    return "{\"uuid\": \"" + uuid + "\", \"status\": \"" + status + "\", \"media_type\": \"audio\","
        + " \"filename\": \"" + name + "\", \"created_at\": \"" + created + "\","
        + " \"metrics\": {\"label\": \"real\", \"score\": [\"0.1\"], \"aggregated_score\": \"0.1\"}}";
  }

  static String detection(String uuid, String name, Instant created) {
    return "{\"success\": true, \"item\": " + item(uuid, name, created) + "}";
  }

  static String page(int page, int numPages, List<String> items) {
    return "{\"success\": true, \"page\": " + page + ", \"num_pages\": " + numPages
        + ", \"page_size\": 1000, \"total_count\": " + numPages * 1000 + ", \"items\": ["
        + String.join(",", items) + "]}";
  }

  static String url(int page) {
    return "/api/v2/detect?page=" + page + "&page_size=1000";
  }
}
