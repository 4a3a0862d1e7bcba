package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminRoutesTest extends SimulatorFixture {
  private String admin;

  @BeforeEach
  void adminUrl() {
    admin = "http://127.0.0.1:" + SIM.simulator().port() + "/__admin/resemble";
  }

  @Test
  void armsAFaultDescribedInJson() throws Exception {
    HttpResponse<String> armed = send("POST", "/faults",
        "{\"fault\": \"server_error\", \"status\": 503, \"endpoint\": \"list_detects\", \"times\": 2}");

    assertThat(armed.statusCode()).isEqualTo(200);
    assertThat(Api.MAPPER.readTree(armed.body()).get("fault").asText())
        .isEqualTo("Fault[SERVER_ERROR 503 on LIST_DETECTS, times 2]");
    assertThat(api.get("/detect?page=1").status()).isEqualTo(503);
    assertThat(api.get("/detect?page=1").status()).isEqualTo(503);
    assertThat(api.get("/detect?page=1").status()).isEqualTo(200);
  }

  @Test
  void disarmsAllFaults() throws Exception {
    send("POST", "/faults", "{\"fault\": \"plan_limit\", \"always\": true}");

    send("DELETE", "/faults", null);

    assertThat(api.get("/detect?page=1").status()).isEqualTo(200);
  }

  @Test
  void reportsCountersAndBatches() throws Exception {
    api.postMultipart("/detect/batch", new Multipart().file("files[]", "a.wav", Media.wav(1, 8000)));

    JsonNode counters = Api.MAPPER.readTree(send("GET", "/counters", null).body());
    JsonNode batches = Api.MAPPER.readTree(send("GET", "/batches", null).body());

    assertThat(counters.get("batchesCreated").asLong()).isEqualTo(1);
    assertThat(counters.get("requestsByEndpoint").get("CREATE_BATCH").asLong()).isEqualTo(1);
    assertThat(batches.get(0).get("fileNames").get(0).asText()).isEqualTo("a.wav");
  }

  @Test
  void resetsTheSimulator() throws Exception {
    api.postMultipart("/detect/batch", new Multipart().file("files[]", "a.wav", Media.wav(1, 8000)));

    send("POST", "/reset", null);

    assertThat(SIM.simulator().batches()).isEmpty();
    assertThat(SIM.counters().totalRequests()).isZero();
  }

  @Test
  void explainsABadFault() throws Exception {
    HttpResponse<String> response = send("POST", "/faults", "{\"fault\": \"meteor_strike\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Unknown fault \\\"meteor_strike\\\"");
  }

  @Test
  void readsEveryFaultField() {
    Fault fault = AdminRoutes.parseFault(Api.MAPPER.valueToTree(java.util.Map.of(
        "fault", "connection_reset", "method", "POST", "path", "/detect/batch",
        "rate", 0.5, "times", 3, "after_processing", true, "delay_ms", 20)));

    assertThat(fault.toString())
        .isEqualTo("Fault[CONNECTION_RESET on POST /detect/batch, times 3, rate 0.5, delay 20 ms, after processing]");
    assertThat(AdminRoutes.parseFault(Api.MAPPER.valueToTree(java.util.Map.of(
        "fault", "rate_limited", "retry_after_ms", 2000))).retryAfter()).hasSeconds(2);
    assertThatThrownBy(() -> AdminRoutes.parseFault(Api.MAPPER.valueToTree(java.util.Map.of("fault", "plan_limit",
        "endpoint", "nowhere")))).hasMessageContaining("Unknown endpoint \"NOWHERE\"");
    assertThatThrownBy(() -> AdminRoutes.parseFault(Api.MAPPER.valueToTree(java.util.Map.of("fault", "plan_limit",
        "count", 1)))).hasMessageContaining("Unknown fault field \"count\"");
  }

  private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + path));
    request.method(method, json == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
