package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy is the client's own setting: credentials on a 407, and hosts that bypass it. */
class ProxyTest {
  /** Plays the proxy: it sees requests in absolute form and demands Basic credentials. */
  @RegisterExtension
  static WireMockExtension proxy = TestClients.wireMock();

  /** Plays the API when the proxy is bypassed. */
  @RegisterExtension
  static WireMockExtension api = TestClients.wireMock();

  private static final String USER = "builder";
  private static final String PASSWORD = "s3cret-proxy-pass";
  private static final String CREDENTIALS = "Basic " + Base64.getEncoder()
      .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  /** An API host the test never listens on: only a proxy can answer for it. */
  private static final String UNREACHABLE_API = "http://localhost:9/api/v2";

  private static int deadPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void proxyDemandsCredentials() {
    proxy.stubFor(get("/api/v2/detect/d1").atPriority(1)
        .withHeader("Proxy-Authorization", equalTo(CREDENTIALS))
        .willReturn(okJson(Payloads.AUDIO_STRINGS)));
    proxy.stubFor(get("/api/v2/detect/d1").atPriority(2)
        .willReturn(aResponse().withStatus(407)
            .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
  }

  @Test
  void answersTheProxysChallengeWithTheConfiguredCredentials() {
    proxyDemandsCredentials();
    ProxyConfig config = new ProxyConfig("127.0.0.1", proxy.getPort(), USER, PASSWORD, List.of());

    try (ResembleClient client = TestClients.client(UNREACHABLE_API, new FakeTime())
        .proxy(config).build()) {
      assertThat(client.getDetect("d1").uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
    }

    List<LoggedRequest> seen = proxy.findAll(anyRequestedFor(anyUrl()));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).containsHeader("Proxy-Authorization")).as("first try, no credentials").isFalse();
    assertThat(seen.get(1).getHeader("Proxy-Authorization")).isEqualTo(CREDENTIALS);
    assertThat(seen.get(1).getHeader("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN_VALUE);
    assertThat(seen.get(1).getAbsoluteUrl()).isEqualTo("http://localhost:9/api/v2/detect/d1");
  }

  @Test
  void refusedProxyCredentialsEndTheCallWithoutLoopingOrShowingThePassword() {
    proxy.stubFor(get("/api/v2/detect/d1").willReturn(aResponse().withStatus(407)
        .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
    ProxyConfig config = new ProxyConfig("127.0.0.1", proxy.getPort(), USER, PASSWORD, List.of());

    try (ResembleClient client = TestClients.client(UNREACHABLE_API, new FakeTime())
        .proxy(config).build()) {
      assertThatThrownBy(() -> client.getDetect("d1"))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.requestMayHaveArrived()).isFalse();
            assertThat(e.getMessage()).isEqualTo("The proxy refused to forward GET /detect/d1 with"
                + " 407 Proxy Authentication Required, so it never reached the Resemble API."
                + " Check the proxy username and password.");
          });
    }

    assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void hostsListedInNonProxyHostsBypassTheProxy() throws Exception {
    api.stubFor(get("/api/v2/detect/d1").withHeader("Proxy-Authorization", absent())
        .willReturn(okJson(Payloads.AUDIO_STRINGS)));
    ProxyConfig deadProxy = new ProxyConfig("127.0.0.1", deadPort(), USER, PASSWORD,
        List.of("*.internal.example.com|127.0.0.*"));

    try (ResembleClient client = TestClients.client(TestClients.baseUrl(api), new FakeTime())
        .proxy(deadProxy).build()) {
      assertThat(client.getDetect("d1").uuid()).isEqualTo("5c17d732-0d10-4ee3-8c1d-41ad9b9142a1");
    }
  }

  @Test
  void hostsNotListedGoThroughTheProxy() throws Exception {
    int dead = deadPort();
    ProxyConfig deadProxy = new ProxyConfig("127.0.0.1", dead, null, null,
        List.of("*.internal.example.com"));

    try (ResembleClient client = TestClients.client(TestClients.baseUrl(api), new FakeTime())
        .proxy(deadProxy).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.getDetect("d1")).isInstanceOf(TransportException.class);
    }

    assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void proxyConfigAndClientNeverPrintThePassword() {
    ProxyConfig config = new ProxyConfig("127.0.0.1", proxy.getPort(), USER, PASSWORD, List.of());

    try (ResembleClient client = TestClients.client(UNREACHABLE_API, new FakeTime())
        .proxy(config).build()) {
      assertThat(config.toString()).doesNotContain(PASSWORD);
      assertThat(client.toString()).doesNotContain(PASSWORD);
    }
  }
}
