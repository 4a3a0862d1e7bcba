package io.github.resemblegate.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Hands streamed uploads from the servlet filter to the API handler of the same request. */
final class UploadRegistry {
  private final Map<String, StreamedUpload> uploads = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  String put(StreamedUpload upload) {
    String id = Long.toString(ids.incrementAndGet());
    uploads.put(id, upload);
    return id;
  }

  /** Removes and returns the upload, or null when the id is unknown. */
  StreamedUpload take(String id) {
    return id == null ? null : uploads.remove(id);
  }

  int size() {
    return uploads.size();
  }
}
