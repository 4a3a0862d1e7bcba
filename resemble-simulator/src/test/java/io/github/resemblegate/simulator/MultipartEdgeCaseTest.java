package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartEdgeCaseTest extends SimulatorFixture {

  @Test
  void acceptsAQuotedBoundary() {
    String body = "--b-1\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"x.wav\"\r\n\r\n"
        + "abcd\r\n--b-1--\r\n";

    Api.Response response = api.post("/detect/batch", "multipart/form-data; boundary=\"b-1\"",
        BodyPublishers.ofString(body));

    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }

  @Test
  void refusesATruncatedMultipartBody() {
    String body = "--b\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"x.wav\"\r\n\r\nabcd";

    Api.Response response = api.post("/detect/batch", "multipart/form-data; boundary=b",
        BodyPublishers.ofString(body));

    assertBadRequest(response, "multipart body could not be read");
    assertThat(SIM.simulator().batches()).isEmpty();
  }

  @Test
  void refusesAMultipartWithoutBoundary() {
    Api.Response response = api.post("/detect/batch", "multipart/form-data", BodyPublishers.ofString("hello"));

    assertBadRequest(response, "multipart body could not be read");
  }

  @Test
  void refusesOversizedJsonWithoutKeepingIt() {
    String padding = "x".repeat(UploadFilter.MAX_PLAIN_BODY);
    String json = "{\"url\": \"https://example.test/a.wav\", \"pad\": \"" + padding + "\"}";

    Api.Response response = api.post("/detect", "application/json", BodyPublishers.ofString(json));

    assertThat(response.status()).isEqualTo(413);
    assertThat(SIM.simulator().wireMock().getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
  }

  @Test
  void answers404OutsideTheApiWithoutKeepingTheUpload() {
    Api outside = new Api(SIM.baseUrl().replace("/api/v2", "/elsewhere"));

    Api.Response response = outside.postMultipart("/upload", new Multipart().file("file", "a.wav", Media.bytes(10)));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("message").asText()).isEqualTo("Not found");
    assertThat(SIM.counters().totalRequests()).as("only /api/v2 requests count").isZero();
    assertThat(SIM.simulator().pendingUploads()).isZero();
  }

  @Test
  void readsUtf8FileNames() {
    Api.Response response = api.postMultipart("/detect/batch", new Multipart()
        .file("files[]", "grüße-🎙.wav", Media.wav(1, 8000)));

    assertThat(response.status()).isEqualTo(202);
    assertThat(SIM.simulator().batches().get(0).fileNames()).containsExactly("grüße-🎙.wav");
  }

  @Test
  void passesSmallJsonBodiesThrough() {
    byte[] json = "{\"url\": \"https://example.test/a.wav\"}".getBytes(StandardCharsets.UTF_8);

    Api.Response response = api.post("/detect", "application/json", BodyPublishers.ofByteArray(json));

    assertThat(response.status()).isEqualTo(200);
    assertThat(SIM.simulator().wireMock().getAllServeEvents().get(0).getRequest().getBody()).isEqualTo(json);
    assertThat(SIM.counters().bytesReceived()).isEqualTo(json.length);
  }
}
