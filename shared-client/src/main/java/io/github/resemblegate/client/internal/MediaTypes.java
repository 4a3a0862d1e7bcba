package io.github.resemblegate.client.internal;

import java.util.Map;
import okhttp3.MediaType;

/** The Content-Type each uploaded part carries; the API wants it to match the extension. */
final class MediaTypes {
  static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
  static final MediaType ZIP = MediaType.get("application/zip");
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("wav", "audio/wav"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("aac", "audio/aac"),
      Map.entry("flac", "audio/flac"),
      Map.entry("amr", "audio/amr"),
      Map.entry("3gp", "audio/3gpp"),
      Map.entry("3gpp", "audio/3gpp"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("mov", "video/quicktime"),
      Map.entry("avi", "video/x-msvideo"),
      Map.entry("mkv", "video/x-matroska"),
      Map.entry("webm", "video/webm"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"));

  private MediaTypes() {}

  /** By extension; {@code application/octet-stream}, which the API accepts with a known extension, otherwise. */
  static MediaType forFileName(String fileName) {
    String extension = UploadRules.extension(fileName);
    String type = extension == null ? null : BY_EXTENSION.get(extension);
    return type == null ? OCTET_STREAM : MediaType.get(type);
  }
}
