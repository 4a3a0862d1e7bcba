package io.github.resemblegate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are streamed: neither the journal nor the heap grows with their size. */
class UploadMemoryTest {
  private static final long FIFTY_MB = 50_000_000L;

  @RegisterExtension
  static final SimulatorExtension SIM =
      new SimulatorExtension(SimulatorOptions.builder().processingTime(Duration.ofMillis(5)).journalLimit(5).build());

  @TempDir
  Path dir;

  @Test
  void journalKeepsNoFileContentAfterALargeUpload() throws IOException {
    Path big = sparseFile("big.mp4", FIFTY_MB);
    Api.Response response = new Api(SIM.baseUrl()).postMultipart("/detect/batch", new Multipart()
        .file("files[]", "big.mp4", big)
        .file("files[]", "small.wav", Media.wav(1, 8000))
        .field("visualize", "false"));

    assertThat(response.status()).isEqualTo(202);
    LoggedRequest journaled = batchPost();
    assertThat(journaled.getBody().length).isLessThan(1024);
    List<String> fileNames = new ArrayList<>();
    for (Request.Part part : journaled.getParts()) {
      if (part.getName().equals("files[]")) {
        assertThat(part.getBody().asBytes()).isEmpty();
        fileNames.add(part.getHeader("Content-Disposition").firstValue());
      }
    }
    assertThat(fileNames).hasSize(2).anySatisfy(h -> assertThat(h).contains("filename=\"big.mp4\""));
    assertThat(journaled.getPart("visualize").getBody().asString()).isEqualTo("false");
    assertThat(journaled.getHeader("Content-Length")).startsWith("500");
    assertThat(SIM.counters().bytesReceived()).isGreaterThan(FIFTY_MB);
    assertThat(SIM.simulator().detects().get(0).sizeBytes()).isEqualTo(FIFTY_MB);
    assertThat(SIM.simulator().pendingUploads()).isZero();
  }

  @Test
  void journalKeepsOnlyItsLimitOfRequests() {
    Api api = new Api(SIM.baseUrl());
    for (int i = 0; i < 12; i++) {
      api.get("/detect?page=1");
    }

    assertThat(SIM.simulator().wireMock().getAllServeEvents()).hasSize(5);
    assertThat(SIM.counters().totalRequests()).isEqualTo(12);
  }

  @Test
  void acceptsATwoHundredMegabyteBatchInA48MegabyteHeap() throws Exception {
    Path part = sparseFile("part.mp4", 100_000_000L);
    Process simulator = new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"), "-Xmx48m",
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "--port", "0", "--processing-ms", "5")
        .redirectErrorStream(true)
        .start();
    try {
      String baseUrl = listeningUrl(simulator);
      Multipart body = new Multipart();
      for (int i = 0; i < 2; i++) {
        body.file("files[]", "part" + i + ".mp4", part);
      }

      Api.Response response = new Api(baseUrl).postMultipart("/detect/batch", body);

      assertThat(response.status()).as(response.body()).isEqualTo(202);
      assertThat(response.item().get("total_files").asInt()).isEqualTo(2);
      assertThat(simulator.isAlive()).isTrue();
    } finally {
      simulator.destroy();
      simulator.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String listeningUrl(Process process) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("Resemble simulator listening on (http://\\S+)");
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      Matcher matcher = listening.matcher(line);
      if (matcher.find()) {
        return matcher.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("The simulator did not start:\n" + seen);
  }

  private LoggedRequest batchPost() {
    return SIM.simulator().wireMock().getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(r -> r.getUrl().equals("/api/v2/detect/batch"))
        .findFirst()
        .orElseThrow();
  }

  /** A file of zeros that takes (almost) no disk: only its length is set. */
  private Path sparseFile(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }
}
