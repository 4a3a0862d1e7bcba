package io.github.resemblegate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the client uses connections, seen from a server that shows which connection each request used. */
class ConnectionHandlingTest {
  @TempDir
  Path dir;

  private static RawHttpServer server(boolean hangUpAfterD1) throws Exception {
    return new RawHttpServer(r -> new RawHttpServer.Answer(r.method().equals("GET") ? 200 : 202,
        r.target().contains("/batch") ? Payloads.BATCH_CREATED : Payloads.AUDIO_STRINGS,
        hangUpAfterD1 && r.target().endsWith("/d1")));
  }

  @Test
  void uploadsAlwaysOpenAFreshConnectionWhileGetsShareOne() throws Exception {
    try (RawHttpServer server = server(false);
        ResembleClient client = TestClients.client(server.baseUrl(), new FakeTime()).build()) {
      BatchRequest batch = BatchRequest.of(
          List.of(TestClients.write(dir.resolve("a.wav"), "RIFF")), null, null);

      client.getDetect("d1");
      client.getDetect("d2");
      client.createBatch(batch);
      client.createBatch(batch);
      client.getDetect("d3");

      assertThat(server.received()).extracting(RawHttpServer.Received::connection)
          .containsExactly(1, 1, 2, 3, 1);
    }
  }

  @Test
  void aDeadPooledConnectionIsRetriedByTheClientItselfNeverSilentlyByOkHttp() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (RawHttpServer server = server(true);
        ResembleClient client = TestClients.client(server.baseUrl(), new FakeTime())
            .listener(listener).backoffBase(Duration.ofMillis(1)).jitter(() -> 1.0).build()) {
      // The server hangs up after answering d1, so the pooled connection is dead.
      client.getDetect("d1");

      client.getDetect("d2");

      // Every attempt passed the rate limit and the listener: the retry is the client's own.
      assertThat(listener.events).hasSize(4);
      assertThat(listener.events.get(2)).startsWith("retry GET /detect/d2 #1 after PT0.001S:");
      assertThat(server.received()).extracting(RawHttpServer.Received::target)
          .containsExactly("/api/v2/detect/d1", "/api/v2/detect/d2");
    }
  }
}
