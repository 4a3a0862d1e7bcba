package io.github.resemblegate.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token must never cross a network in clear text: an {@code http://} API URL is refused for
 * any host that is not loopback, with one sentence that says what to use instead.
 */
class PlainHttpRefusalTest {

  @TempDir
  Path root;

  @ParameterizedTest
  @ValueSource(strings = {"http://app.resemble.ai/api/v2", "http://10.0.0.7:8080/api/v2",
      "http://localhost.example.com/api/v2", "http://127.0.0.1.nip.io/api/v2",
      "HTTP://app.resemble.ai/api/v2"})
  void plainHttpToANonLoopbackHostIsRefusedInOneSentence(String url) throws IOException {
    Path base = Files.createDirectories(root.resolve("media"));
    Files.writeString(base.resolve("voice.wav"), "audio");
    GateConfig config = GateConfig.builder().baseDirectory(base).apiUrl(url)
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .token(ApiToken.of("plain-http-token")).cacheDirectory(root.resolve("cache"))
        .reportsDirectory(root.resolve("reports")).build();

    GateException e = catchThrowableOfType(GateException.class, () -> Gate.run(config, null));

    assertThat(e).as("refused").isNotNull();
    String message = e.getMessage();
    assertThat(message).contains("https://").doesNotContain("\n").doesNotContain(". ")
        .doesNotContain("plain-http-token").endsWith(".");
  }
}
