package io.github.resemblegate.gate.scan;

import java.nio.file.Path;

/**
 * A matched file as the scan found it: its path relative to the base directory ({@code /}
 * separators), size and modification time (microseconds since the epoch). A non-null
 * {@code skipReason} means it is reported SKIPPED and not hashed or submitted. {@code bytes} is
 * null for a file under the base directory; for an entry of a zip archive
 * ({@code bundle.zip!/vo/intro.wav}) it is the file the entry was unpacked to, whose size and
 * modification time these are.
 */
public record ScannedFile(String path, long size, long modifiedMicros, String skipReason,
    Path bytes) {

  /** The reason a matched zip archive is listed with until the archive filter has looked in. */
  public static final String UNOPENED_ARCHIVE = "a zip archive, not opened";

  public static ScannedFile candidate(String path, long size, long modifiedMicros) {
    return new ScannedFile(path, size, modifiedMicros, null, null);
  }

  /** An archive entry shown as {@code path} whose bytes were unpacked to {@code bytes}. */
  public static ScannedFile unpacked(String path, long size, long modifiedMicros, Path bytes) {
    return new ScannedFile(path, size, modifiedMicros, null, bytes);
  }

  public static ScannedFile skipped(String path, long size, String reason) {
    return new ScannedFile(path, size, 0L, reason, null);
  }

  public boolean isCandidate() {
    return skipReason == null;
  }

  /** The file its bytes are read from, for a scan of {@code base}. */
  public Path file(Path base) {
    return bytes != null ? bytes : base.resolve(path);
  }
}
