package io.github.resemblegate.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Shared set-up: a WireMock API on 127.0.0.1 and a client pointed at it that never really sleeps. */
final class TestClients {
  /** Made up per run: a fixed token in the sources would look like a leaked one. */
  static final String TOKEN_VALUE = "test-token-" + UUID.randomUUID();
  static final ApiToken TOKEN = ApiToken.of(TOKEN_VALUE);

  private TestClients() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
        .build();
  }

  static String baseUrl(WireMockExtension wm) {
    return "http://127.0.0.1:" + wm.getPort() + "/api/v2";
  }

  static ResembleClient.Builder client(WireMockExtension wm, FakeTime time) {
    return client(baseUrl(wm), time);
  }

  static ResembleClient.Builder client(String baseUrl, FakeTime time) {
    return ResembleClient.builder()
        .baseUrl(baseUrl)
        .token(TOKEN)
        .userAgentSuffix("test-suite")
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .requestsPerSecond(10_000)
        .time(time);
  }

  static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
