package io.github.resemblegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  private static ResembleClient.Builder builder() {
    return ResembleClient.builder().token(TestClients.TOKEN);
  }

  @Test
  void refusesPlainHttpToAnyHostButLoopbackAndSaysWhy() {
    assertThatThrownBy(() -> builder().baseUrl("http://api.example.com/api/v2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The Resemble API base URL 'http://api.example.com/api/v2' uses plain http://,"
            + " which would send the API token unencrypted across the network; use https://"
            + " (http:// is allowed only for localhost, 127.0.0.0/8 and ::1).");
    assertThatThrownBy(() -> builder().baseUrl("http://127.0.0.1.example.com/").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().baseUrl("http://10.0.0.1:8080/").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsPlainHttpForLoopbackAndHttpsForAnyHost() {
    for (String url : new String[] {"http://localhost:8080/api/v2", "http://127.0.0.1:1/api/v2",
        "http://127.255.0.9/api/v2", "http://[::1]:9000/api/v2", "https://detect.example.com/v2"}) {
      try (ResembleClient client = builder().baseUrl(url).build()) {
        assertThat(client.baseUrl()).isEqualTo(url);
      }
    }
  }

  @Test
  void usesTheDocumentedBaseUrlByDefaultAndDropsATrailingSlash() {
    try (ResembleClient defaults = builder().build();
        ResembleClient slashed = builder().baseUrl("https://app.resemble.ai/api/v2/").build()) {
      assertThat(defaults.baseUrl()).isEqualTo("https://app.resemble.ai/api/v2");
      assertThat(slashed.baseUrl()).isEqualTo("https://app.resemble.ai/api/v2");
    }
  }

  @Test
  void refusesCredentialsInTheBaseUrlWithoutRepeatingThem() {
    assertThatThrownBy(() -> builder().baseUrl("https://me:hunter22@app.resemble.ai/api/v2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The Resemble API base URL for host app.resemble.ai contains credentials;"
            + " remove them and configure the API token instead.");
  }

  @Test
  void refusesAnUnparseableBaseUrl() {
    assertThatThrownBy(() -> builder().baseUrl("app.resemble.ai/api/v2").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an http(s) URL");
  }

  @Test
  void requiresATokenThatFitsInAHeaderWithoutPrintingIt() {
    assertThatThrownBy(() -> ResembleClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No Resemble API token was configured");
    assertThatThrownBy(() -> builder().token(ApiToken.of("abc def\u00e9")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc def");
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> builder().requestsPerSecond(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> builder().maxRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> builder().retryBudget(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryBudget");
    assertThatThrownBy(() -> builder().readTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> builder().userAgentSuffix("jenkins\nX-Evil: 1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\u000a");
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(ResembleClient.version()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
  }

  @Test
  void printsSettingsButNeverTheToken() {
    ResembleClient.Builder builder = builder().userAgentSuffix("maven-plugin");
    try (ResembleClient client = builder.build()) {
      assertThat(client.toString()).isEqualTo("ResembleClient[baseUrl=https://app.resemble.ai/api/v2,"
          + " userAgent=resemble-gate/" + ResembleClient.version() + " maven-plugin,"
          + " requestsPerSecond=40.0]");
      assertThat(builder.toString()).contains("token=****").doesNotContain(TestClients.TOKEN_VALUE);
    }
  }

  @Test
  void closeReleasesPooledConnections() throws Exception {
    try (RawHttpServer server = new RawHttpServer(
        r -> new RawHttpServer.Answer(200, Payloads.AUDIO_STRINGS, false))) {
      ResembleClient client = TestClients.client(server.baseUrl(), new FakeTime()).build();
      client.getDetect("d1");

      client.close();

      assertThat(server.awaitConnectionsEnded(1, Duration.ofSeconds(10))).isTrue();
      assertThatCode(client::close).as("closing twice is harmless").doesNotThrowAnyException();
    }
  }
}
