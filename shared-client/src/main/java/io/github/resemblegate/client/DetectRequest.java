package io.github.resemblegate.client;

import java.nio.file.Path;

/** One {@code POST /detect}: exactly one media source plus that endpoint's own options. */
public record DetectRequest(Source source, DetectOptions options) {

  /** Where the media comes from. */
  public sealed interface Source {}

  /** Direct multipart upload (≤ 150 MB). */
  public record Upload(Path path, String partName) implements Source {}

  /** A public HTTPS URL the API fetches. */
  public record Url(String url) implements Source {}

  /** A token from {@link ResembleClient#createSecureUpload}. */
  public record MediaToken(String token) implements Source {
    @Override
    public String toString() {
      return "MediaToken[****]";
    }
  }

  public DetectRequest {
    options = options == null ? DetectOptions.DEFAULTS : options;
  }
}
