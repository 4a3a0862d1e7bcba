package io.github.resemblegate.gate.internal.probe;

import java.time.Duration;

/** What a file's bytes turned out to be: media to bill, or something else, said in words. */
public sealed interface ProbeResult {

  /** The detected media type, as Tika names it ({@code audio/vnd.wave}, {@code text/plain}). */
  String mediaType();

  /**
   * Media of the kind its name claims.
   *
   * @param billableBytes the bytes an upload sends: the file's size
   * @param playingTime how long it plays, where the container says so cheaply; null otherwise
   */
  record Media(String mediaType, long billableBytes, Duration playingTime)
      implements ProbeResult {}

  /** Not the media its name claims; {@code reason} says what it looks like, for the report. */
  record NotMedia(String mediaType, String reason) implements ProbeResult {}
}
