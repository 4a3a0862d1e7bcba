package io.github.resemblegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * How fast this machine moves bytes to the simulator over loopback: the workload's files, one
 * after another, as one multipart file part of one {@code POST /secure_uploads} (which has no size
 * limit and keeps nothing). The yardstick of the ideal bound.
 */
final class UploadThroughput {

  /** Bytes, and the seconds their upload took up to the answer. */
  record Measured(long bytes, double seconds) {
    double bytesPerSecond() {
      return bytes / seconds;
    }
  }

  private UploadThroughput() {}

  static Measured measure(String baseUrl, String token, List<Path> files) throws IOException {
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    long size = total;
    RequestBody concatenated = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/octet-stream");
      }

      @Override
      public long contentLength() {
        return size;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        for (Path f : files) {
          try (Source in = Okio.source(f)) {
            sink.writeAll(in);
          }
        }
      }
    };
    RequestBody multipart = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", "all-files.wav", concatenated).build();
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5))
        .writeTimeout(Duration.ofMinutes(5)).build();
    Request request = new Request.Builder().url(baseUrl + "/secure_uploads")
        .header("Authorization", "Bearer " + token).post(multipart).build();
    long t0 = System.nanoTime();
    try (Response r = http.newCall(request).execute()) {
      String body = r.body().string();
      if (!r.isSuccessful()) {
        throw new IllegalStateException("The throughput upload was answered " + r.code() + ": "
            + body);
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return new Measured(total, (System.nanoTime() - t0) / 1e9);
  }
}
