package io.github.resemblegate.gate.internal.ledger;

import io.github.resemblegate.client.MediaType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One distinct content among the matched files: its SHA-256, size and media type, and every path
 * that holds it, in path order. It is uploaded from its first path; {@code modifiedMicros} is that
 * file's modification time when it was hashed, so an upload can tell whether it changed since.
 * {@code bytes} is where its bytes are when that path is no file of its own (an entry of a zip
 * archive, {@code bundle.zip!/vo/intro.wav}, unpacked), else null. {@code billable} is what
 * sending it bills (its bytes, and how long it plays), read when it is planned (null: the cache
 * answered it). Its media type is its first path's.
 *
 * <p>An immutable value, compared by all of the above. Not a record, for memory: a run holds one
 * per distinct file for its whole length, a million in a large tree, so the SHA-256 is kept as
 * four numbers (not a 64-character string), a single path as itself (not a list), and what it
 * bills as one number (not two more objects); the accessors build those views when asked.
 */
public final class Content {

  /** {@link #playingNanos} when the billable facts were not read, and when they say nothing. */
  private static final long NOT_READ = -2;
  private static final long UNKNOWN = -1;

  private final long d0;
  private final long d1;
  private final long d2;
  private final long d3;
  private final long size;
  private final long modifiedMicros;
  private final long playingNanos;
  private final String path;
  /** The other paths, in path order; null when the content has one path (the common case). */
  private final String[] more;
  private final Path bytes;

  /**
   * What sending a content bills: its bytes (all of them: the API is sent the whole file), and
   * how long it plays where its container says so (null: unknown, or an image, which plays for
   * no time).
   */
  public record Billable(long bytes, Duration playingTime) {

    /** The playing time in seconds, or null when unknown. */
    public Double playingSeconds() {
      return playingTime == null ? null : playingTime.toNanos() / 1e9;
    }
  }

  /** A content nobody has read the billable facts of yet. */
  public Content(String sha256, long size, List<String> paths, long modifiedMicros, Path bytes) {
    long[] digest = words(sha256);
    this.d0 = digest[0];
    this.d1 = digest[1];
    this.d2 = digest[2];
    this.d3 = digest[3];
    this.size = size;
    this.path = Objects.requireNonNull(paths.get(0), "path");
    this.more = paths.size() == 1 ? null
        : paths.subList(1, paths.size()).toArray(String[]::new);
    this.modifiedMicros = modifiedMicros;
    this.bytes = bytes;
    this.playingNanos = NOT_READ;
  }

  /** A content whose first path is a file under the base directory. */
  public Content(String sha256, long size, List<String> paths, long modifiedMicros) {
    this(sha256, size, paths, modifiedMicros, null);
  }

  /** {@code from} with other paths after its first, or other billable facts. */
  private Content(Content from, String[] more, long playingNanos) {
    this.d0 = from.d0;
    this.d1 = from.d1;
    this.d2 = from.d2;
    this.d3 = from.d3;
    this.size = from.size;
    this.path = from.path;
    this.more = more;
    this.modifiedMicros = from.modifiedMicros;
    this.bytes = from.bytes;
    this.playingNanos = playingNanos;
  }

  /** The SHA-256 as lower-case hex, as every file, request and report spells it. */
  public String sha256() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(d0) + hex.toHexDigits(d1) + hex.toHexDigits(d2)
        + hex.toHexDigits(d3);
  }

  public long size() {
    return size;
  }

  public MediaType mediaType() {
    return MediaType.fromFileName(path);
  }

  /** Every path that holds this content, in path order. */
  public List<String> paths() {
    if (more == null) {
      return List.of(path);
    }
    String[] all = new String[more.length + 1];
    all[0] = path;
    System.arraycopy(more, 0, all, 1, more.length);
    return List.of(all);
  }

  public long modifiedMicros() {
    return modifiedMicros;
  }

  public Path bytes() {
    return bytes;
  }

  /** What sending it bills, or null when that was not read (the cache answered it). */
  public Billable billable() {
    return playingNanos == NOT_READ ? null
        : new Billable(size, playingNanos == UNKNOWN ? null : Duration.ofNanos(playingNanos));
  }

  /**
   * How long it plays in seconds, as read when it was planned; null when its header does not
   * say, when it is an image, or when it was never planned (the cache answered it).
   */
  public Double playingSeconds() {
    return playingNanos < 0 ? null : playingNanos / 1e9;
  }

  /** The path the content is uploaded from and named by in messages. */
  public String path() {
    return path;
  }

  /** The file its bytes are read from for an upload or a probe, for a run over {@code base}. */
  public Path file(Path base) {
    return bytes != null ? bytes : base.resolve(path());
  }

  Content withPath(String another) {
    String[] all = more == null ? new String[1] : Arrays.copyOf(more, more.length + 1);
    all[all.length - 1] = another;
    return new Content(this, all, playingNanos);
  }

  /** This content with its billable facts read: it plays {@code playingTime} (null: unknown). */
  Content billed(Duration playingTime) {
    return new Content(this, more, playingTime == null ? UNKNOWN : playingTime.toNanos());
  }

  /** Whether {@code digest} (as {@link #words}) is this content's SHA-256. */
  boolean hasDigest(long[] digest) {
    return d0 == digest[0] && d1 == digest[1] && d2 == digest[2] && d3 == digest[3];
  }

  /** A well-spread number from the SHA-256 (its bits are as good as random). */
  int digestHash() {
    return (int) (d0 ^ (d0 >>> 32));
  }

  long[] digest() {
    return new long[] {d0, d1, d2, d3};
  }

  /**
   * A SHA-256 in hex as four numbers, or null when it is no SHA-256 (64 hex digits): a journal or
   * an answer may name anything, and such a name matches no content.
   */
  static long[] wordsOrNull(String sha256) {
    if (sha256 == null || sha256.length() != 64) {
      return null;
    }
    for (int i = 0; i < 64; i++) {
      if (!HexFormat.isHexDigit(sha256.charAt(i))) {
        return null;
      }
    }
    return new long[] {HexFormat.fromHexDigitsToLong(sha256, 0, 16),
        HexFormat.fromHexDigitsToLong(sha256, 16, 32),
        HexFormat.fromHexDigitsToLong(sha256, 32, 48),
        HexFormat.fromHexDigitsToLong(sha256, 48, 64)};
  }

  static int hash(long[] digest) {
    return (int) (digest[0] ^ (digest[0] >>> 32));
  }

  private static long[] words(String sha256) {
    long[] w = wordsOrNull(sha256);
    if (w == null) {
      throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
    }
    return w;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Content c && c.d0 == d0 && c.d1 == d1 && c.d2 == d2 && c.d3 == d3
        && c.size == size && c.modifiedMicros == modifiedMicros
        && c.playingNanos == playingNanos && c.path.equals(path) && Arrays.equals(c.more, more)
        && Objects.equals(c.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digestHash(), size, path);
  }

  @Override
  public String toString() {
    return "Content[sha256=" + sha256() + ", size=" + size + ", paths=" + paths() + "]";
  }
}
