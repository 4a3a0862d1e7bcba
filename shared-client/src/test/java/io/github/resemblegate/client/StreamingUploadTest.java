package io.github.resemblegate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 300 MB batch uploads from a JVM whose whole heap is 64 MB, in both intake modes: the files
 * stream from disk and are never held in memory. The files are sparse, so the disk stays empty.
 */
class StreamingUploadTest {
  private static final long[] SIZES = {120_000_000, 100_000_000, 80_000_000};
  private static final long TOTAL = 300_000_000;

  @TempDir
  Path dir;

  private List<String> sparseFiles() throws IOException {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < SIZES.length; i++) {
      Path file = dir.resolve("clip" + i + (i == 2 ? ".wav" : ".mp4"));
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.setLength(SIZES[i]);
        // A few real bytes at the end, so a lost tail would show.
        raf.seek(SIZES[i] - 4);
        raf.write(("END" + i).getBytes(StandardCharsets.US_ASCII));
      }
      files.add(file.toString());
    }
    return files;
  }

  private RawHttpServer.Received uploadInSmallHeap(String mode) throws Exception {
    try (RawHttpServer sink = new RawHttpServer(
        r -> new RawHttpServer.Answer(202, Payloads.BATCH_CREATED, false))) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx64m", "-cp", System.getProperty("java.class.path"),
          StreamingUploadMain.class.getName(), sink.baseUrl(), mode));
      command.addAll(sparseFiles());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try {
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("upload finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("batch=BATCH_UUID");
      } finally {
        process.destroyForcibly();
      }
      assertThat(sink.received()).hasSize(1);
      return sink.received().get(0);
    }
  }

  @Test
  void uploadsThreeHundredMegabytesAsFilesPartsFromASixtyFourMegabyteHeap() throws Exception {
    RawHttpServer.Received upload = uploadInSmallHeap("FILES");

    assertThat(upload.method()).isEqualTo("POST");
    assertThat(upload.target()).isEqualTo("/api/v2/detect/batch");
    assertThat(upload.headers().get("content-length")).isEqualTo(String.valueOf(upload.bodyBytes()));
    // The three files plus a few hundred bytes of part headers.
    assertThat(upload.bodyBytes()).isBetween(TOTAL, TOTAL + 2_000);
    assertThat(upload.bodyTail()).contains("END2").endsWith("--\r\n");
  }

  @Test
  void uploadsThreeHundredMegabytesAsAStreamedZipFromASixtyFourMegabyteHeap() throws Exception {
    RawHttpServer.Received upload = uploadInSmallHeap("ZIP");

    assertThat(upload.headers().get("content-length")).isEqualTo(String.valueOf(upload.bodyBytes()));
    assertThat(upload.bodyBytes()).isBetween(TOTAL, TOTAL + 2_000);
    // The zip's central directory names every entry at the end of the body.
    assertThat(upload.bodyTail()).contains("clip0.mp4", "clip1.mp4", "clip2.wav").endsWith("--\r\n");
  }
}
