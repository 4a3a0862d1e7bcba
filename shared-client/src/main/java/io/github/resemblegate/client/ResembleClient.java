package io.github.resemblegate.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A typed client for the Resemble Detect API. Thread-safe; one instance shares its connection
 * pool and its requests-per-second limit between all threads. Close it when done.
 */
public final class ResembleClient implements AutoCloseable {

  public static final String DEFAULT_BASE_URL = "https://app.resemble.ai/api/v2";

  private ResembleClient(Builder builder) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code POST /detect/batch}: refuses locally what the API would refuse, then streams the files. */
  public DetectBatch createBatch(BatchRequest request) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** {@code GET /detect/batch/{uuid}}. */
  public DetectBatch getBatch(String batchUuid) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** {@code GET /detect/{uuid}}. */
  public Detection getDetect(String detectUuid) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** {@code GET /detect?page=&page_size=}; page from 1, page size 10 to 1000. */
  public DetectPage listDetects(int page, int pageSize) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** {@code POST /detect}: one file upload (≤ 150 MB), a URL, or a media token. */
  public Detection createDetect(DetectRequest request) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** {@code POST /secure_uploads}: for files too large for a batch or a direct upload. */
  public SecureUpload createSecureUpload(Path file) {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** The base URL in use, without credentials. */
  public String baseUrl() {
    throw new UnsupportedOperationException("implemented with the client");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("implemented with the client");
  }

  /** Settings for a {@link ResembleClient}. */
  public static final class Builder {
    private Builder() {}

    /** Default {@value #DEFAULT_BASE_URL}; {@code http://} only for loopback hosts. */
    public Builder baseUrl(String baseUrl) { throw new UnsupportedOperationException(); }
    public Builder token(ApiToken token) { throw new UnsupportedOperationException(); }
    public Builder connectTimeout(Duration timeout) { throw new UnsupportedOperationException(); }
    public Builder readTimeout(Duration timeout) { throw new UnsupportedOperationException(); }
    public Builder writeTimeout(Duration timeout) { throw new UnsupportedOperationException(); }
    /** Whole-call limit for GETs; uploads are bounded by read/write timeouts instead. */
    public Builder callTimeout(Duration timeout) { throw new UnsupportedOperationException(); }
    public Builder proxy(ProxyConfig proxy) { throw new UnsupportedOperationException(); }
    /** Appended to {@code resemble-gate/<version>} in the User-Agent, e.g. {@code maven-plugin}. */
    public Builder userAgentSuffix(String suffix) { throw new UnsupportedOperationException(); }
    /** Total time retries of one call may take (default 2 minutes). */
    public Builder retryBudget(Duration budget) { throw new UnsupportedOperationException(); }
    public Builder maxRetries(int maxRetries) { throw new UnsupportedOperationException(); }
    /** Shared by all threads of the client; default 40, the documented per-token limit. */
    public Builder requestsPerSecond(double rps) { throw new UnsupportedOperationException(); }
    public Builder listener(RequestListener listener) { throw new UnsupportedOperationException(); }

    public ResembleClient build() {
      return new ResembleClient(this);
    }
  }
}
