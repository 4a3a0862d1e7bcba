package io.github.resemblegate.gate.internal.ledger;

import io.github.resemblegate.client.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One distinct content among the matched files: its SHA-256, size and media type, and every path
 * that holds it, in path order. It is uploaded from its first path; {@code modifiedMicros} is that
 * file's modification time when it was hashed, so an upload can tell whether it changed since.
 * {@code bytes} is where its bytes are when that path is no file of its own (an entry of a zip
 * archive, {@code bundle.zip!/vo/intro.wav}, unpacked), else null. {@code billable} is what
 * sending it bills, read when it is planned (null: the cache answered it).
 */
public record Content(String sha256, long size, MediaType mediaType, List<String> paths,
    long modifiedMicros, Path bytes, Billable billable) {

  /**
   * What sending a content bills: its bytes, and how long it plays where its container says so
   * (null: unknown, or an image, which plays for no time).
   */
  public record Billable(long bytes, Duration playingTime) {

    /** The playing time in seconds, or null when unknown. */
    public Double playingSeconds() {
      return playingTime == null ? null : playingTime.toNanos() / 1e9;
    }
  }

  public Content {
    paths = List.copyOf(paths);
  }

  /** A content nobody has read the billable facts of yet. */
  public Content(String sha256, long size, MediaType mediaType, List<String> paths,
      long modifiedMicros, Path bytes) {
    this(sha256, size, mediaType, paths, modifiedMicros, bytes, null);
  }

  /** A content whose first path is a file under the base directory. */
  public Content(String sha256, long size, MediaType mediaType, List<String> paths,
      long modifiedMicros) {
    this(sha256, size, mediaType, paths, modifiedMicros, null, null);
  }

  /** The path the content is uploaded from and named by in messages. */
  public String path() {
    return paths.get(0);
  }

  /** The file its bytes are read from for an upload or a probe, for a run over {@code base}. */
  public Path file(Path base) {
    return bytes != null ? bytes : base.resolve(path());
  }

  Content withPath(String another) {
    List<String> more = new java.util.ArrayList<>(paths);
    more.add(another);
    return new Content(sha256, size, mediaType, more, modifiedMicros, bytes, billable);
  }

  Content billed(Billable facts) {
    return new Content(sha256, size, mediaType, paths, modifiedMicros, bytes, facts);
  }
}
