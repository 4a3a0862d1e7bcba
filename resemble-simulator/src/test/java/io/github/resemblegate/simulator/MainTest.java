package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void startsOnAFreePortAndAnswersABatchEndToEnd() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResembleSimulator sim = Main.start(
        new String[] {"--port", "0", "--processing-ms", "5", "--token", "cli-token"},
        new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String line = out.toString(StandardCharsets.UTF_8).trim();
      assertThat(line).isEqualTo("Resemble simulator listening on http://127.0.0.1:" + sim.port() + "/api/v2");
      Api api = new Api("http://127.0.0.1:" + sim.port() + "/api/v2", "cli-token");

      Api.Response created = api.postMultipart("/detect/batch", new Multipart()
          .file("files[]", "speech.wav", Media.wav(2, 8000))
          .file("files[]", "fake-speech.wav", Media.wav(2, 8000)));
      JsonNode done = api.awaitBatch(created.item().get("uuid").asText());
      JsonNode fake = api.get("/detect/" + done.get("detect_uuids").get(1).asText()).item();

      assertThat(created.status()).isEqualTo(202);
      assertThat(done.get("status").asText()).isEqualTo("completed");
      assertThat(fake.get("metrics").get("label").asText()).isEqualTo("fake");
      assertThat(api.withToken("other").get("/detect?page=1").status()).isEqualTo(401);
    }
  }

  @Test
  void verboseLogNamesEachRequestButNeverTheToken() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (ResembleSimulator sim = Main.start(new String[] {"--verbose", "--token", "very-secret-key"}, original)) {
      Api api = new Api(sim.baseUrl(), "very-secret-key");
      api.get("/detect?page=1");
      api.get("/detect/unknown");
      sim.faults().inject(Fault.connectionReset().on(Endpoint.CREATE_BATCH));
      api.postMultipartExpectingFailure("/detect/batch",
          new Multipart().file("files[]", "a.wav", Media.wav(1, 8000)), Duration.ofSeconds(5));
    } finally {
      System.setOut(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("[resemble-simulator] GET /api/v2/detect?page=1 -> 200")
        .contains("[resemble-simulator] GET /api/v2/detect/unknown -> 404")
        .contains("[resemble-simulator] POST /api/v2/detect/batch -> connection reset")
        .doesNotContain("very-secret-key")
        .doesNotContain("Authorization");
  }

  @Test
  void parsesEveryOption() {
    SimulatorOptions options = Main.parse(new String[] {"--port", "8123", "--host", "0.0.0.0", "--token", "t",
        "--processing-ms", "250", "--journal-limit", "7", "--seed", "9", "--verbose",
        "--upload-bandwidth", "1250000"});

    assertThat(options.port()).isEqualTo(8123);
    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.token()).isEqualTo("t");
    assertThat(options.processingTime()).isEqualTo(Duration.ofMillis(250));
    assertThat(options.journalLimit()).isEqualTo(7);
    assertThat(options.seed()).isEqualTo(9);
    assertThat(options.verbose()).isTrue();
    assertThat(options.uploadBandwidth()).isEqualTo(1_250_000);
  }

  @Test
  void explainsBadArgumentsInOneSentence() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--prot", "1"}))
        .hasMessage("Unknown option --prot; run with --help to see the options.");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port"}))
        .hasMessage("--port needs a value; run with --help to see the options.");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "eighty"}))
        .hasMessage("--port needs a whole number, not \"eighty\".");
    assertThatThrownBy(() -> Main.parse(new String[] {"--port", "70000"}))
        .hasMessageContaining("0 (any free port) to 65535");
    assertThatThrownBy(() -> Main.parse(new String[] {"--processing-ms", "-1"}))
        .hasMessage("--processing-ms must be 0 or more milliseconds.");
    assertThatThrownBy(() -> Main.parse(new String[] {"--rules", Path.of("no-such-rules.json").toString()}))
        .hasMessage("The rules file no-such-rules.json does not exist.");
    assertThatThrownBy(() -> Main.parse(new String[] {"--upload-bandwidth", "-5"}))
        .hasMessage("The upload bandwidth must be 0 (no limit) or a positive number of bytes per"
            + " second, not -5.");
  }

  @Test
  void asksForHelp() {
    assertThatThrownBy(() -> Main.parse(new String[] {"--help"})).isInstanceOf(Main.HelpRequested.class);
    assertThat(Main.USAGE).contains("--port N", "--token T", "--processing-ms MS", "--rules FILE");
  }

  @Test
  void explainsATakenPort() {
    try (ResembleSimulator first = ResembleSimulator.start()) {
      String port = Integer.toString(first.port());

      assertThatThrownBy(() -> Main.start(new String[] {"--port", port}, System.out))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Port " + port + " on 127.0.0.1 is already in use; choose another port, or 0 for any free one.");
    }
  }
}
