package io.github.resemblegate.gate;

import io.github.resemblegate.client.MediaType;

/**
 * A matched file after hashing: the unit the planner and the judge work with. {@code sha256} is
 * null exactly when {@code skipReason} is set. {@code size} and {@code modifiedMicros} are what the
 * scan saw, so an upload can tell whether the file changed since it was hashed.
 */
record MediaFile(String path, long size, long modifiedMicros, String sha256, String skipReason) {

  boolean isCandidate() {
    return skipReason == null;
  }

  MediaType mediaType() {
    return MediaType.fromFileName(path);
  }

  String extension() {
    return MediaExtensions.of(path);
  }
}
