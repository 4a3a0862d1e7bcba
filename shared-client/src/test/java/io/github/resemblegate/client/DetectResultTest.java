package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A file's own error ends the file with the API's words instead of being taken for "still
 * processing", and says whether asking again may help.
 */
class DetectResultTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  private ResembleClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm, new FakeTime()).maxRetries(2).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private void answer(int status, String body) {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void aDetectionTheApiNoLongerKnowsFailsAfterOneLookAndIsNotAskedForAgain() {
    answer(404, Payloads.NOT_FOUND);

    assertThat(client.getResult("d1")).isEqualTo(new DetectResult.Failed("d1",
        "the API answered 404 Not Found for this file's result: Detect not found",
        "Detect not found", 404, false));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void aPersistentServerErrorFailsAfterTheUsualRetriesAndMayBeAskedForAgain() {
    answer(500, "{\"success\": false, \"error\": \"Worker crashed\"}");

    DetectResult r = client.getResult("d1");

    assertThat(r).isEqualTo(new DetectResult.Failed("d1",
        "the API answered 500 Internal Server Error for this file's result: Worker crashed",
        "Worker crashed", 500, true));
    wm.verify(3, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void anUnprocessableFileFailsWithTheApisItemisedWordsAndIsNotRetried() {
    answer(422, "{\"success\": false, \"errors\": {\"file\": [\"could not be decoded\"]}}");

    DetectResult.Failed r = (DetectResult.Failed) client.getResult("d1");

    assertThat(r.reason())
        .isEqualTo("the API answered 422 Unprocessable Content for this file's result: file could"
            + " not be decoded");
    assertThat(r.mayRetry()).isFalse();
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v2/detect/d1")));
  }

  @Test
  void aBadRequestWithAnErrorsListFailsWithThoseWords() {
    answer(400, "{\"success\": false, \"errors\": [\"uuid is malformed\"]}");

    assertThat(client.getResult("d1")).isEqualTo(new DetectResult.Failed("d1",
        "the API answered 400 Bad Request for this file's result: uuid is malformed",
        "uuid is malformed", 400, false));
  }

  @Test
  void aSuccessStatusWithSuccessFalseFailsWithTheApisWords() {
    answer(200, "{\"success\": false, \"message\": \"Detect could not be loaded\"}");

    assertThat(client.getResult("d1")).isEqualTo(new DetectResult.Failed("d1",
        "the API answered this file's result with \"success\": false: Detect could not be loaded",
        "Detect could not be loaded", 200, false));
  }

  @Test
  void aFailedAnalysisFailsWithItsErrorMessage() {
    answer(200, """
        {"success": true, "item": {"uuid": "d1", "status": "failed", "media_type": "audio",
         "metrics": null, "error_message": "Unsupported codec"}}
        """);

    assertThat(client.getResult("d1")).isEqualTo(new DetectResult.Failed("d1",
        "the API could not analyse this file: Unsupported codec", "Unsupported codec", 200,
        false));
  }

  @Test
  void aResultWithoutStatusButWithScoresIsCompleted() {
    answer(200, """
        {"success": true, "item": {"uuid": "d1", "media_type": "audio",
         "metrics": {"label": "real", "score": ["0.1"], "aggregated_score": "0.1"}}}
        """);

    DetectResult r = client.getResult("d1");

    assertThat(r).isInstanceOf(DetectResult.Completed.class);
    assertThat(((DetectResult.Completed) r).detection().score(MediaType.AUDIO))
        .isEqualTo(new ScoreReading.Scored(0.1, "metrics.aggregated_score"));
  }

  @Test
  void aResultWithoutStatusOrScoresFailsNamingWhatWasMissing() {
    answer(200, "{\"success\": true, \"item\": {\"uuid\": \"d1\", \"media_type\": \"audio\","
        + " \"metrics\": {}}}");

    assertThat(client.getResult("d1")).isEqualTo(new DetectResult.Failed("d1",
        "the API's answer for this file has no status and no scores, so it shows neither a"
            + " result nor a failure", null, 200, true));
  }

  @Test
  void aRunningDetectionIsStillRunning() {
    answer(200, "{\"success\": true, \"item\": {\"uuid\": \"d1\", \"status\": \"processing\","
        + " \"metrics\": {}}}");

    assertThat(client.getResult("d1")).isInstanceOf(DetectResult.Running.class)
        .extracting(DetectResult::uuid).isEqualTo("d1");
  }

  @Test
  void errorsOfTheRunAndNotOfTheFileAreThrown() {
    answer(401, "{\"success\": false, \"message\": \"Invalid API key\"}");
    assertThatThrownBy(() -> client.getResult("d1")).isInstanceOf(UnauthorizedException.class);

    answer(403, "{\"success\": false, \"message\": \"Plan limit\"}");
    assertThatThrownBy(() -> client.getResult("d1")).isInstanceOf(ForbiddenException.class);

    answer(429, "{\"success\": false, \"message\": \"Slow down\"}");
    assertThatThrownBy(() -> client.getResult("d1")).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void aListedDetectionIsReadTheSameWay() {
    wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v2/detect"))
        .willReturn(okJson(Payloads.LIST)));

    DetectPage page = client.listDetects(1, 10);

    assertThat(page.items()).extracting(d -> DetectResult.of(d).getClass().getSimpleName())
        .containsExactly("Completed", "Failed");
  }
}
