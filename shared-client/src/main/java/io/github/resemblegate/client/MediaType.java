package io.github.resemblegate.client;

import java.util.Locale;
import java.util.Set;

/** The kind of media a file holds, as the Detect API reports it and as its extension implies. */
public enum MediaType {
  AUDIO,
  VIDEO,
  IMAGE,
  UNKNOWN;

  private static final Set<String> AUDIO_EXT =
      Set.of("wav", "mp3", "m4a", "ogg", "aac", "flac", "amr", "3gp", "3gpp");
  private static final Set<String> VIDEO_EXT = Set.of("mp4", "mov", "avi", "mkv", "webm");
  private static final Set<String> IMAGE_EXT = Set.of("jpg", "jpeg", "png", "gif", "webp");

  /** Media type implied by a file name's extension; UNKNOWN when it has none we know. */
  public static MediaType fromFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return UNKNOWN;
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (AUDIO_EXT.contains(ext)) {
      return AUDIO;
    }
    if (VIDEO_EXT.contains(ext)) {
      return VIDEO;
    }
    if (IMAGE_EXT.contains(ext)) {
      return IMAGE;
    }
    return UNKNOWN;
  }

  /** Parses the API's {@code media_type}; case-insensitive, UNKNOWN for anything else. */
  public static MediaType fromApi(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "audio" -> AUDIO;
      case "video" -> VIDEO;
      case "image" -> IMAGE;
      default -> UNKNOWN;
    };
  }

  /** Lower-case name as used in configuration and reports ({@code audio}, {@code image}, {@code video}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
