package io.github.resemblegate.simulator;

import java.time.Instant;

/**
 * A detect the simulator created, batch children included, for test assertions.
 *
 * @param fileName the original file name (also under zero retention)
 * @param mediaType {@code audio}, {@code video} or {@code image}
 * @param sizeBytes bytes received for it (0 when created from a URL)
 * @param batchUuid its batch, or null
 */
public record ReceivedDetect(
    String uuid,
    String fileName,
    String mediaType,
    long sizeBytes,
    String batchUuid,
    Source source,
    Instant createdAt) {

  /** How the media reached the simulator. */
  public enum Source {
    /** A file of a batch ({@code files[]} or zip entry). */
    BATCH,
    /** A multipart {@code file} on {@code POST /detect}. */
    UPLOAD,
    /** A JSON {@code url} on {@code POST /detect}. */
    URL,
    /** A {@code media_token} from {@code POST /secure_uploads}. */
    MEDIA_TOKEN
  }
}
