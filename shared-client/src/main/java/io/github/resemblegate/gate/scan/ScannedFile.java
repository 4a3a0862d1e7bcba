package io.github.resemblegate.gate.scan;

/**
 * A matched file as the scan found it: its path relative to the base directory ({@code /}
 * separators), size and modification time (microseconds since the epoch). A non-null
 * {@code skipReason} means it is reported SKIPPED and not hashed or submitted.
 */
public record ScannedFile(String path, long size, long modifiedMicros, String skipReason) {

  /** The reason a matched zip archive is listed with until the archive filter has looked in. */
  public static final String UNOPENED_ARCHIVE = "a zip archive, not opened";

  public static ScannedFile candidate(String path, long size, long modifiedMicros) {
    return new ScannedFile(path, size, modifiedMicros, null);
  }

  public static ScannedFile skipped(String path, long size, String reason) {
    return new ScannedFile(path, size, 0L, reason);
  }

  public boolean isCandidate() {
    return skipReason == null;
  }
}
