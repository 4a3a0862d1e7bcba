package io.github.resemblegate.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Run in a separate JVM with a small heap by {@link StreamingUploadTest}: uploads one batch and
 * prints the batch id. Arguments: base URL, FILES or ZIP, then the files.
 */
public final class StreamingUploadMain {

  private StreamingUploadMain() {}

  public static void main(String[] args) {
    List<Path> files = Arrays.stream(args).skip(2).map(Path::of).toList();
    try (ResembleClient client = ResembleClient.builder()
        .baseUrl(args[0])
        .token(ApiToken.of("streaming-test-token"))
        .writeTimeout(Duration.ofSeconds(60))
        .readTimeout(Duration.ofSeconds(60))
        .build()) {
      DetectBatch batch = client.createBatch(
          BatchRequest.of(files, null, IntakeMode.valueOf(args[1])));
      System.out.println("batch=" + batch.uuid() + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
  }
}
