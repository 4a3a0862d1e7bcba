package io.github.resemblegate.simulator;

import java.util.Locale;
import java.util.Set;

/** Media type of a detect, decided by file extension as the API does. */
enum MediaKind {
  AUDIO("audio"),
  VIDEO("video"),
  IMAGE("image");

  /** Extensions {@code POST /detect/batch} accepts (the batch page's list). */
  static final Set<String> BATCH_EXTENSIONS =
      Set.of("wav", "mp3", "m4a", "ogg", "aac", "flac", "mp4", "mov", "avi", "mkv", "webm", "jpg",
          "jpeg", "png", "gif", "webp");

  /** Extensions a direct upload to {@code POST /detect} accepts: the batch list plus AMR and 3GP. */
  static final Set<String> UPLOAD_EXTENSIONS =
      Set.of("wav", "mp3", "m4a", "ogg", "aac", "flac", "amr", "3gp", "3gpp", "mp4", "mov", "avi",
          "mkv", "webm", "jpg", "jpeg", "png", "gif", "webp");

  /** Extensions {@code POST /detect} accepts by URL: the documented URL list, which has WMV. */
  static final Set<String> URL_EXTENSIONS =
      Set.of("wav", "mp3", "ogg", "m4a", "flac", "mp4", "mov", "avi", "wmv", "jpg", "jpeg", "png",
          "gif", "webp");

  private final String apiName;

  MediaKind(String apiName) {
    this.apiName = apiName;
  }

  String apiName() {
    return apiName;
  }

  /** The media kind of a file name, or null when its extension names no known medium. */
  static MediaKind ofFileName(String fileName) {
    return switch (extension(fileName)) {
      case "wav", "mp3", "m4a", "ogg", "aac", "flac", "amr" -> AUDIO;
      // 3GP is a video container even when phones fill it with AMR speech.
      case "mp4", "mov", "avi", "mkv", "webm", "wmv", "3gp", "3gpp" -> VIDEO;
      case "jpg", "jpeg", "png", "gif", "webp" -> IMAGE;
      default -> null;
    };
  }

  /**
   * Seconds of media: what a WAV header states, else an estimate from the size (PCM WAV 32 kB/s,
   * other audio 128 kbit/s, video 2 Mbit/s); null for images.
   */
  Double durationSeconds(String fileName, long size, Double wavSeconds) {
    if (this == IMAGE) {
      return null;
    }
    if (wavSeconds != null) {
      return wavSeconds;
    }
    double bytesPerSecond =
        this == VIDEO ? 250_000 : "wav".equals(extension(fileName)) ? 32_000 : 16_000;
    return size / bytesPerSecond;
  }

  /** Lower-case extension without the dot, or "" when there is none. */
  static String extension(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return dot > slash && dot < fileName.length() - 1
        ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT)
        : "";
  }
}
