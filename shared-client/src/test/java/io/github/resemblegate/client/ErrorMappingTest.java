package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each failure class becomes its own exception with one sentence on what happened and one on what to do. */
class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension wm = TestClients.wireMock();

  @TempDir
  Path dir;

  private ResembleClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(wm, new FakeTime()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private void answerGet(int status, String body) {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private ResembleException failureOfGet() {
    try {
      client.getDetect("d1");
    } catch (ResembleException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  private BatchRequest oneFileBatch() {
    return BatchRequest.of(List.of(TestClients.write(dir.resolve("a.wav"), "RIFF")), null, null);
  }

  @Test
  void mapsUnauthorizedWithAdviceWhereToGetAToken() {
    answerGet(401, "{\"success\": false, \"message\": \"Invalid API key\"}");

    ResembleException e = failureOfGet();

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.serverMessage()).isEqualTo("Invalid API key");
    assertThat(e.getMessage()).isEqualTo("The Resemble API rejected the API token with 401"
        + " Unauthorized (the API said: Invalid API key). Check that the token is current: create"
        + " one at https://app.resemble.ai/hub/api.");
    assertThat(e.transientFailure()).isFalse();
  }

  @Test
  void mapsBadRequestAndReadsTheServerMessage() {
    answerGet(400, "{\"success\": false, \"message\": \"frame_length must be between 1 and 4\"}");

    ResembleException e = failureOfGet();

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.getMessage()).isEqualTo("The Resemble API refused GET /detect/d1 as invalid with"
        + " 400 Bad Request (the API said: frame_length must be between 1 and 4). Fix what the API"
        + " named, then run again.");
  }

  @Test
  void readsErrorFieldWhenThereIsNoMessage() {
    answerGet(400, "{\"success\": false, \"error\": \"Unsupported file type\"}");

    assertThat(failureOfGet().serverMessage()).isEqualTo("Unsupported file type");
  }

  @Test
  void flattensTheErrorsMapWhenThereIsNeitherMessageNorError() {
    answerGet(400, "{\"success\": false, \"errors\": {\"files\": [\"is missing\"],"
        + " \"frame_length\": [\"is too big\", \"must be an integer\"]}}");

    assertThat(failureOfGet().serverMessage())
        .isEqualTo("files is missing; frame_length is too big, must be an integer");
  }

  @Test
  void readsTheErrorsListWhenThereIsNeitherMessageNorError() {
    answerGet(400, "{\"success\": false, \"errors\": [\"files[] is required\","
        + " \"Prefer: wait is not supported for batches\"]}");

    assertThat(failureOfGet().serverMessage())
        .isEqualTo("files[] is required, Prefer: wait is not supported for batches");
  }

  @Test
  void readsAnErrorsListOfObjectsByTheFieldEachNames() {
    answerGet(422, "{\"success\": false, \"errors\": [{\"field\": \"file\","
        + " \"message\": \"could not be decoded\"}, {\"message\": \"try another codec\"}]}");

    assertThat(failureOfGet().serverMessage())
        .isEqualTo("file could not be decoded, try another codec");
  }

  @Test
  void readsDetailAsTextAndAsAListOfProblems() {
    answerGet(422, "{\"detail\": \"Detection must be completed first\"}");
    assertThat(failureOfGet().serverMessage()).isEqualTo("Detection must be completed first");

    answerGet(422, "{\"detail\": [{\"loc\": [\"body\", \"frame_length\"],"
        + " \"msg\": \"ensure this value is less than or equal to 4\", \"type\": \"value_error\"}]}");
    assertThat(failureOfGet().serverMessage())
        .isEqualTo("frame_length ensure this value is less than or equal to 4");
  }

  @Test
  void readsAnErrorObjectByItsMessage() {
    answerGet(500, "{\"success\": false, \"error\": {\"code\": \"internal\","
        + " \"message\": \"Worker crashed\"}}");

    assertThat(failureOfGet().serverMessage()).isEqualTo("Worker crashed");
  }

  @Test
  void keepsTheItemisedErrorsAfterAGeneralMessage() {
    answerGet(400, "{\"success\": false, \"message\": \"Validation failed.\","
        + " \"errors\": {\"frame_length\": [\"is too big\"]}}");

    assertThat(failureOfGet().serverMessage())
        .isEqualTo("Validation failed: frame_length is too big");
  }

  @Test
  void mapsForbiddenAsAPlanLimit() {
    answerGet(403, "{\"success\": false, \"message\": \"Intelligence detect limit reached (Default plan)\"}");

    ResembleException e = failureOfGet();

    assertThat(e).isInstanceOf(ForbiddenException.class);
    assertThat(e.getMessage()).startsWith("The Resemble API token is valid but its plan does not"
        + " allow GET /detect/d1 with 403 Forbidden (the API said: Intelligence detect limit"
        + " reached (Default plan)).");
  }

  @Test
  void mapsNotFound() {
    answerGet(404, Payloads.NOT_FOUND);

    ResembleException e = failureOfGet();

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage()).isEqualTo("The Resemble API found nothing for GET /detect/d1 with"
        + " 404 Not Found (the API said: Detect not found). Check the id: batches and detections"
        + " are visible only to the team whose token created them.");
  }

  @Test
  void mapsPaymentRequiredWithTheCostBreakdownAsCompactJson() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(402).withBody("""
        {"success": false, "message": "Insufficient balance",
         "details": { "files": [ {"filename": "a.wav", "cost": 0.25} ],
                      "total_cost": 0.25, "balance": 0.1 }}
        """)));

    assertThatThrownBy(() -> client.createBatch(oneFileBatch()))
        .isInstanceOfSatisfying(InsufficientCreditException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(402);
          assertThat(e.costDetails()).isEqualTo(
              "{\"files\":[{\"filename\":\"a.wav\",\"cost\":0.25}],\"total_cost\":0.25,\"balance\":0.1}");
          assertThat(e.getMessage()).isEqualTo("The Resemble wallet cannot pay for POST"
              + " /detect/batch with 402 Payment Required, so nothing was created (the API said:"
              + " Insufficient balance). Add credit to the Resemble account, or submit fewer files"
              + " at a time.");
        });
  }

  @Test
  void mapsRateLimitAndServerErrorsAsTransient() {
    answerGet(429, "{\"success\": false, \"message\": \"Too many requests\"}");
    ResembleException limited = failureOfGet();
    answerGet(502, "<html>Bad gateway</html>");
    ResembleException server = failureOfGet();

    assertThat(limited).isInstanceOf(RateLimitedException.class);
    assertThat(limited.transientFailure()).isTrue();
    assertThat(server).isInstanceOf(ServerErrorException.class);
    assertThat(server.transientFailure()).isTrue();
    assertThat(server.serverMessage()).as("an HTML page is not a message").isNull();
    assertThat(server.getMessage()).isEqualTo("The Resemble API failed on its side for GET"
        + " /detect/d1 with 502 Bad Gateway. Try again in a few minutes.");
  }

  @Test
  void serverErrorOnABatchUploadSaysItMayHaveBeenProcessed() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client.createBatch(oneFileBatch()))
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("The Resemble API failed on its side for POST /detect/batch with 500 Internal"
            + " Server Error; the request was not repeated because it may have been processed"
            + " anyway. Look for a new batch in the Resemble dashboard before submitting again, so"
            + " nothing is billed twice.");
  }

  @Test
  void mapsABodyThatIsNotJsonAsMalformedWithoutQuotingIt() {
    answerGet(200, "{\"item\": {\"uuid\": oops-not-json}}");

    ResembleException e = failureOfGet();

    assertThat(e).isInstanceOf(MalformedResponseException.class);
    assertThat(e.getMessage()).startsWith("The Resemble API answered GET /detect/d1 with 200 but a"
        + " body that is not JSON (at line 1, column").doesNotContain("oops");
  }

  @Test
  void mapsASuccessfulBatchAnswerWithoutIdAsMalformedWithBillingAdvice() {
    wm.stubFor(post("/api/v2/detect/batch").willReturn(aResponse().withStatus(202)
        .withBody("{\"success\": true, \"item\": {\"status\": \"processing\"}}")));

    assertThatThrownBy(() -> client.createBatch(oneFileBatch()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("The Resemble API answered POST /detect/batch with 202 but the batch in the"
            + " answer has no uuid, so the batch may have been created without the client learning"
            + " its id. Look for a new batch in the Resemble dashboard before submitting again, so"
            + " nothing is billed twice.");
  }

  @Test
  void mapsSuccessFalseInASuccessfulStatusAsMalformed() {
    answerGet(200, "{\"success\": false, \"message\": \"Something odd\"}");

    assertThat(failureOfGet()).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("a body marked \"success\": false (the API said: Something odd)");
  }

  @Test
  void doesNotFollowRedirects() {
    wm.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(301)
        .withHeader("Location", "https://elsewhere.example.com/")));

    assertThat(failureOfGet()).isInstanceOf(MalformedResponseException.class)
        .hasMessage("The Resemble API answered GET /detect/d1 with a redirect (301 Moved"
            + " Permanently), which the client does not follow. Check the base URL; it should look"
            + " like https://app.resemble.ai/api/v2.");
  }

  @Test
  void mapsOtherClientErrorsAsBadRequestWithTheirStatus() {
    answerGet(413, "{\"message\": \"Request entity too large\"}");

    ResembleException e = failureOfGet();

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.httpStatus()).isEqualTo(413);
    assertThat(e.getMessage()).startsWith("The Resemble API refused GET /detect/d1 with 413 Content Too Large");
  }

  @Test
  void keepsLongOrInlineDataServerMessagesShort() {
    answerGet(400, "{\"message\": \"bad image data:image/png;base64," + "A".repeat(5000)
        + " and\\nmore " + "x".repeat(400) + "\"}");

    String message = failureOfGet().serverMessage();

    assertThat(message).startsWith("bad image data:… and more x").doesNotContain("base64")
        .doesNotContain("\n").hasSize(301);
  }

  @Test
  void mapsAConnectionRefusedAsNotArrived() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (ResembleClient offline = TestClients.client("http://127.0.0.1:" + port + "/api/v2",
        new FakeTime()).maxRetries(0).build()) {
      assertThatThrownBy(() -> offline.getBatch("b1"))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.requestMayHaveArrived()).isFalse();
            assertThat(e.getMessage()).startsWith("Could not reach the Resemble API at 127.0.0.1:"
                + port + " for GET /detect/batch/b1 (connection refused");
            assertThat(e.getMessage()).endsWith(
                "Check the network connection, the proxy settings and the base URL.");
          });
    }
  }

  @Test
  void successfulCallsStillWorkAfterFailures() {
    answerGet(500, "{}");
    failureOfGet();
    wm.stubFor(get("/api/v2/detect/d1").willReturn(okJson(Payloads.AUDIO_STRINGS)));

    assertThat(client.getDetect("d1").uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
  }
}
