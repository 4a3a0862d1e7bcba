package io.github.resemblegate.bench;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.DetectRequest;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.RequestListener;
import io.github.resemblegate.client.ResembleClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Resemble's quickstarts do, for comparison: one {@code POST /detect} per file, then
 * {@code GET /detect/{uuid}} at once and every 5 seconds until it is done, one file after another.
 */
final class QuickstartBaseline {

  static final long POLL_MILLIS = 5_000;

  /** The files done, the time they took, and the requests they cost. */
  record Measured(int files, double seconds, long requests) {}

  private QuickstartBaseline() {}

  static Measured run(String baseUrl, String token, List<Path> files) throws InterruptedException {
    AtomicLong requests = new AtomicLong();
    try (ResembleClient client = ResembleClient.builder().baseUrl(baseUrl)
        .token(ApiToken.of(token))
        .listener(new RequestListener() {
          @Override
          public void requestStarted(String method, String path) {
            requests.incrementAndGet();
          }
        }).build()) {
      long t0 = System.nanoTime();
      for (Path f : files) {
        Detection created = client.createDetect(new DetectRequest(
            new DetectRequest.Upload(f, f.getFileName().toString()), null));
        Detection d = client.getDetect(created.uuid());
        while (!d.status().terminal()) {
          Thread.sleep(POLL_MILLIS);
          d = client.getDetect(created.uuid());
        }
      }
      return new Measured(files.size(), (System.nanoTime() - t0) / 1e9, requests.get());
    }
  }
}
