package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorFixture {

  @Test
  void rateLimitsTheNextRequestsWithRetryAfter() {
    String batch = createBatch().item().get("uuid").asText();
    SIM.faults().inject(Fault.rateLimited(Duration.ofMillis(1500)).on(Endpoint.GET_BATCH).times(2));

    Api.Response first = api.get("/detect/batch/" + batch);
    Api.Response second = api.get("/detect/batch/" + batch);
    Api.Response third = api.get("/detect/batch/" + batch);

    assertThat(first.status()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(first.json().get("success").asBoolean()).isFalse();
    assertThat(second.status()).isEqualTo(429);
    assertThat(third.status()).isEqualTo(200);
    assertThat(SIM.counters().faultsFired()).isEqualTo(2);
    assertThat(SIM.counters().requests(Endpoint.GET_BATCH)).isEqualTo(3);
  }

  @Test
  void rateLimitsWithARetryAfterOfOneSecondByDefault() {
    SIM.faults().inject(Fault.rateLimited());

    Api.Response response = api.get("/detect?page=1");

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
  }

  @Test
  void answersServerErrorsAsJsonOr502To504AsGatewayHtml() {
    SIM.faults().inject(Fault.serverError(500)).inject(Fault.serverError(503));

    Api.Response internal = api.get("/detect?page=1");
    Api.Response unavailable = api.get("/detect?page=1");

    assertThat(internal.status()).isEqualTo(500);
    assertThat(internal.json().get("message").asText()).isEqualTo("Internal server error");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(unavailable.body()).contains("<h1>503 Service Temporarily Unavailable</h1>");
  }

  @Test
  void resetsTheConnection() {
    // always(): the JDK client quietly retries an idempotent GET once after a reset.
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.LIST_DETECTS).always());

    IOException failure = api.getExpectingFailure("/detect?page=1");
    SIM.faults().clear();

    assertThat(failure).isNotNull();
    assertThat(SIM.counters().faultsFired()).isGreaterThanOrEqualTo(1);
    assertThat(api.get("/detect?page=1").status()).isEqualTo(200);
  }

  @Test
  void answersMalformedJsonWith200() {
    SIM.faults().inject(Fault.malformedJson().on(Endpoint.LIST_DETECTS));

    Api.Response response = api.get("/detect?page=1");

    assertThat(response.status()).isEqualTo(200);
    assertThatThrownBy(response::json).hasMessageContaining("Not JSON");
  }

  @Test
  void insufficientCreditListsACostPerFileAndCreatesNothing() {
    SIM.faults().inject(Fault.insufficientCredit().on(Endpoint.CREATE_BATCH));

    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "ten-seconds.wav", Media.wav(10, 8000))
        .file("files[]", "photo.png", Media.bytes(99)));

    assertThat(response.status()).isEqualTo(402);
    JsonNode details = response.json().get("details");
    assertThat(details.get("files")).hasSize(2);
    assertThat(details.get("files").get(0).get("filename").asText()).isEqualTo("ten-seconds.wav");
    assertThat(details.get("files").get(0).get("estimated_cost").asLong()).isEqualTo(10);
    assertThat(details.get("files").get(1).get("estimated_cost").asLong()).isEqualTo(5);
    assertThat(details.get("projected_cost").asLong()).isEqualTo(15);
    assertThat(details.get("wallet_balance").asLong()).isLessThan(15);
    assertThat(SIM.simulator().batches()).isEmpty();
    assertThat(SIM.counters().batchesCreated()).isZero();
  }

  @Test
  void answersThePlanLimit() {
    SIM.faults().inject(Fault.planLimit().on(Endpoint.CREATE_BATCH));

    Api.Response response = createBatchAllowingFailure();

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("message").asText()).isEqualTo("Intelligence detect limit reached (Default plan)");
    assertThat(SIM.simulator().batches()).isEmpty();
  }

  @Test
  void resetBeforeProcessingCreatesNoBatch() {
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH));

    IOException failure = api.postMultipartExpectingFailure("/detect/batch", batchBody(), Duration.ofSeconds(10));

    assertThat(failure).isNotNull();
    assertThat(SIM.simulator().batches()).isEmpty();
    assertThat(SIM.counters().batchPosts()).isEqualTo(1);
    assertThat(SIM.counters().batchesCreated()).isZero();
  }

  @Test
  void lostResponseByResetCreatesTheBatch() {
    SIM.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH).afterProcessing());

    IOException failure = api.postMultipartExpectingFailure("/detect/batch", batchBody(), Duration.ofSeconds(10));

    assertThat(failure).isNotNull();
    assertThat(SIM.counters().batchesCreated()).isEqualTo(1);
    ReceivedBatch lost = SIM.simulator().batches().get(0);
    assertThat(lost.fileNames()).containsExactly("voice.wav");
    assertThat(api.awaitBatch(lost.uuid()).get("status").asText()).isEqualTo("completed");
  }

  @Test
  void lostResponseBySlownessCreatesTheBatch() {
    SIM.faults().inject(Fault.slowResponse(Duration.ofSeconds(5)).on(Endpoint.CREATE_BATCH));

    IOException failure = api.postMultipartExpectingFailure("/detect/batch", batchBody(), Duration.ofMillis(300));

    assertThat(failure).isInstanceOf(HttpTimeoutException.class);
    assertThat(SIM.simulator().batches()).hasSize(1);
  }

  @Test
  void malformedJsonAfterProcessingCreatesTheBatchAndCutsItsAnswer() {
    SIM.faults().inject(Fault.malformedJson().on(Endpoint.CREATE_BATCH).afterProcessing());

    Api.Response response = createBatchAllowingFailure();

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).startsWith("{\"success\":true,\"item\":{\"uuid\":\"");
    assertThatThrownBy(response::json).hasMessageContaining("Not JSON");
    assertThat(SIM.simulator().batches()).hasSize(1);
  }

  @Test
  void serverErrorAfterProcessingCreatesTheBatch() {
    SIM.faults().inject(Fault.serverError(500).on(Endpoint.CREATE_BATCH).afterProcessing());

    assertThat(createBatchAllowingFailure().status()).isEqualTo(500);
    assertThat(SIM.simulator().batches()).hasSize(1);
  }

  @Test
  void slowResponseAnswersNormallyOnceTheDelayPasses() {
    SIM.faults().inject(Fault.slowResponse(Duration.ofMillis(30)).on(Endpoint.LIST_DETECTS));

    Api.Response response = api.get("/detect?page=1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("success").asBoolean()).isTrue();
  }

  @Test
  void aimsFaultsAtOneEndpointOnly() {
    String batch = createBatch().item().get("uuid").asText();
    String detect = SIM.simulator().batches().get(0).detectUuids().get(0);
    SIM.faults().inject(Fault.serverError(500).on(Endpoint.GET_DETECT).always());

    assertThat(api.get("/detect/batch/" + batch).status()).isEqualTo(200);
    assertThat(api.get("/detect?page=1").status()).isEqualTo(200);
    assertThat(api.get("/detect/" + detect).status()).isEqualTo(500);
    assertThat(api.get("/detect/" + detect).status()).isEqualTo(500);
  }

  @Test
  void aimsFaultsByMethodAndPathPattern() {
    String batch = createBatch().item().get("uuid").asText();
    SIM.faults().inject(Fault.serverError(502).on("GET", "/detect/batch/.+").times(1));

    assertThat(api.get("/detect?page=1").status()).isEqualTo(200);
    assertThat(api.get("/detect/batch/" + batch).status()).isEqualTo(502);
    assertThat(api.get("/detect/batch/" + batch).status()).isEqualTo(200);
  }

  @Test
  void stopsAfterTheGivenNumberOfFirings() {
    SIM.faults().inject(Fault.serverError(500).times(3));

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(api.get("/detect?page=1").status());
    }

    assertThat(statuses).containsExactly(500, 500, 500, 200, 200);
    assertThat(SIM.faults().armed()).isZero();
  }

  @Test
  void firesAtARateReproducibleFromTheSeed() {
    List<Integer> first = statusesUnderRate();
    SIM.faults().clear();
    List<Integer> second = statusesUnderRate();

    assertThat(second).isEqualTo(first);
    assertThat(first).contains(200, 503);
  }

  @Test
  void limitsRateBasedFaultsByTimes() {
    SIM.faults().inject(Fault.serverError(500).atRate(0.9).times(2));

    long failures = 0;
    for (int i = 0; i < 20; i++) {
      failures += api.get("/detect?page=1").status() == 500 ? 1 : 0;
    }

    assertThat(failures).isEqualTo(2);
  }

  @Test
  void holdsAFaultyAnswerBackWhenDelayed() {
    SIM.faults().inject(Fault.serverError(503).delayed(Duration.ofSeconds(5)));

    IOException failure = api.postMultipartExpectingFailure("/detect/batch", batchBody(), Duration.ofMillis(300));

    assertThat(failure).isInstanceOf(HttpTimeoutException.class);
    assertThat(SIM.simulator().batches()).isEmpty();
  }

  @Test
  void describesFaultsReadably() {
    assertThat(Fault.connectionReset().on(Endpoint.CREATE_BATCH).afterProcessing().toString())
        .isEqualTo("Fault[CONNECTION_RESET on CREATE_BATCH, times 1, after processing]");
    assertThat(Fault.serverError(503).atRate(0.25).toString()).isEqualTo("Fault[SERVER_ERROR 503, always, rate 0.25]");
  }

  @Test
  void refusesNonsensicalFaults() {
    assertThatThrownBy(() -> Fault.serverError(404)).hasMessageContaining("5xx");
    assertThatThrownBy(() -> Fault.rateLimited().times(0)).hasMessageContaining("at least once");
    assertThatThrownBy(() -> Fault.rateLimited().atRate(1.5)).hasMessageContaining("probability");
  }

  private List<Integer> statusesUnderRate() {
    SIM.faults().inject(Fault.serverError(503).atRate(0.5));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      statuses.add(api.get("/detect?page=1").status());
    }
    return statuses;
  }

  private static Multipart batchBody() {
    return new Multipart().file("files[]", "voice.wav", Media.wav(1, 8000));
  }

  private Api.Response createBatch() {
    Api.Response response = createBatchAllowingFailure();
    assertThat(response.status()).isEqualTo(202);
    return response;
  }

  private Api.Response createBatchAllowingFailure() {
    return api.postMultipart("/detect/batch", batchBody());
  }
}
