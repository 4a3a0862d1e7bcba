package io.github.resemblegate.client;

import io.github.resemblegate.client.internal.Backoff;
import io.github.resemblegate.client.internal.BaseUrlRule;
import io.github.resemblegate.client.internal.ClientSettings;
import io.github.resemblegate.client.internal.Endpoints;
import io.github.resemblegate.client.internal.Time;
import io.github.resemblegate.client.internal.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * A typed client for the Resemble Detect API. Thread-safe; one instance shares its connection
 * pool and its requests-per-second limit between all threads. Close it when done.
 */
public final class ResembleClient implements AutoCloseable {

  public static final String DEFAULT_BASE_URL = "https://app.resemble.ai/api/v2";

  private final Endpoints endpoints;
  /** The client a {@link #withCallLimits} view was made from, else null. */
  private final ResembleClient parent;
  private volatile boolean closed;

  private ResembleClient(ResembleClient parent, Endpoints endpoints) {
    this.parent = parent;
    this.endpoints = endpoints;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads and sets up what every client needs (HTTP, TLS, the JSON reader) without a request,
   * once per JVM, so that a client built afterwards is ready at once: for a caller that knows
   * early that it will call the API and can do this on a thread of its own meanwhile.
   */
  public static void prepare() {
    Endpoints.prepare();
  }

  /**
   * Checks a base URL as {@link Builder#baseUrl} will: an http(s) URL without credentials, query
   * or fragment, plain {@code http://} only for this machine.
   *
   * @throws IllegalArgumentException with one sentence saying what is wrong
   */
  public static void checkBaseUrl(String baseUrl) {
    BaseUrlRule.check(baseUrl);
  }

  /** The tool's version, as in the User-Agent ({@code unknown} when not built by Maven). */
  public static String version() {
    return Version.get();
  }

  /** {@code POST /detect/batch}: refuses locally what the API would refuse, then streams the files. */
  public DetectBatch createBatch(BatchRequest request) {
    Objects.requireNonNull(request, "request");
    ensureOpen();
    return endpoints.createBatch(request);
  }

  /** {@code GET /detect/batch/{uuid}}. */
  public DetectBatch getBatch(String batchUuid) {
    ensureOpen();
    return endpoints.getBatch(batchUuid);
  }

  /** {@code GET /detect/{uuid}}. */
  public Detection getDetect(String detectUuid) {
    ensureOpen();
    return endpoints.getDetect(detectUuid);
  }

  /**
   * {@code GET /detect/{uuid}}, read as where this file stands: completed, still running, or
   * failed with the API's words and whether asking again may help. A 404, another 4xx or a body
   * marked {@code "success": false} ends the file; so does a 5xx or an unreadable answer after
   * the usual retries, with leave to ask again in a later run.
   *
   * @throws ResembleException for what is not this file's fault: the token (401, 403), the
   *     wallet (402), the rate limit (429) or the network
   */
  public DetectResult getResult(String detectUuid) {
    ensureOpen();
    return endpoints.getResult(detectUuid);
  }

  /**
   * Proves the token and base URL with the cheapest documented authenticated read (the first
   * page of the detections list at its smallest documented size, 10), before anything is paid
   * for. Returns normally, or throws what a real call would: {@link UnauthorizedException},
   * {@link ForbiddenException}, {@link NotFoundException} for a wrong base URL,
   * {@link TransportException}.
   */
  public void checkAccess() {
    ensureOpen();
    endpoints.checkAccess();
  }

  /** {@code GET /detect?page=&page_size=}; page from 1, page size 10 to 1000. */
  public DetectPage listDetects(int page, int pageSize) {
    ensureOpen();
    return endpoints.listDetects(page, pageSize);
  }

  /** {@code POST /detect}: one file upload (≤ 150 MB), a URL, or a media token. */
  public Detection createDetect(DetectRequest request) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(request.source(), "request.source");
    ensureOpen();
    return endpoints.createDetect(request);
  }

  /** {@code POST /secure_uploads}: for files too large for a batch or a direct upload. */
  public SecureUpload createSecureUpload(Path file) {
    ensureOpen();
    return endpoints.createSecureUpload(file);
  }

  /**
   * A view of this client for work that must end on time: every call ends within
   * {@code timeLimit} of its start, retries included (an attempt is cut short when the time is
   * up, and no retry starts that the time left cannot hold), with at most {@code maxRetries}
   * retries (never more than the client it was built with). It shares that client's connections,
   * token, rate limit and listener; closing it closes nothing. Meant for reads: an upload cut
   * short may still have been accepted, which the caller then cannot know.
   */
  public ResembleClient withCallLimits(Duration timeLimit, int maxRetries) {
    ResembleClient root = parent == null ? this : parent;
    return new ResembleClient(root, root.endpoints.limited(timeLimit, maxRetries));
  }

  /** The base URL in use, without credentials. */
  public String baseUrl() {
    return endpoints.baseUrl().toString();
  }

  /** Ends the client's threads and closes its idle connections, so no thread outlives a build. */
  @Override
  public void close() {
    closed = true;
    if (parent != null) {
      return;
    }
    endpoints.close();
  }

  @Override
  public String toString() {
    return endpoints.toString();
  }

  private void ensureOpen() {
    if (closed || (parent != null && parent.closed)) {
      throw new IllegalStateException("This ResembleClient is closed; build a new one.");
    }
  }

  /** Settings for a {@link ResembleClient}. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private ApiToken token;
    private Duration connectTimeout = Duration.ofSeconds(15);
    private Duration readTimeout = Duration.ofSeconds(120);
    private Duration writeTimeout = Duration.ofSeconds(120);
    private Duration callTimeout = Duration.ofSeconds(60);
    private ProxyConfig proxy;
    private String userAgentSuffix;
    private Duration retryBudget = Duration.ofMinutes(2);
    private int maxRetries = 5;
    private double requestsPerSecond = 40;
    private RequestListener listener = RequestListener.NONE;
    // Test seams: time for retries, time for the rate limit, backoff shape.
    private Time time = Time.SYSTEM;
    private Time rateLimitTime = Time.SYSTEM;
    private Duration backoffBase = Backoff.DEFAULT_BASE;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Default {@value #DEFAULT_BASE_URL}; {@code http://} only for loopback hosts. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder token(ApiToken token) {
      this.token = token;
      return this;
    }

    /** Default 15 seconds. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Default 2 minutes: the API may take a while to answer a large batch upload. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** Default 2 minutes. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /** Whole-call limit for GETs; uploads are bounded by read/write timeouts instead. Default 1 minute. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    public Builder proxy(ProxyConfig proxy) {
      this.proxy = proxy;
      return this;
    }

    /** Appended to {@code resemble-gate/<version>} in the User-Agent, e.g. {@code maven-plugin}. */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /** Total time retries of one call may take (default 2 minutes). */
    public Builder retryBudget(Duration budget) {
      this.retryBudget = budget;
      return this;
    }

    /** Retries per call after the first attempt (default 5); 0 turns retrying off. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** Shared by all threads of the client; default 40, the documented per-token limit. */
    public Builder requestsPerSecond(double rps) {
      this.requestsPerSecond = rps;
      return this;
    }

    public Builder listener(RequestListener listener) {
      this.listener = listener == null ? RequestListener.NONE : listener;
      return this;
    }

    Builder time(Time time) {
      this.time = time;
      return this;
    }

    Builder rateLimitTime(Time time) {
      this.rateLimitTime = time;
      return this;
    }

    Builder backoffBase(Duration base) {
      this.backoffBase = base;
      return this;
    }

    Builder jitter(DoubleSupplier jitter) {
      this.jitter = jitter;
      return this;
    }

    public ResembleClient build() {
      return new ResembleClient(null, Endpoints.of(new ClientSettings(baseUrl, token,
          new ClientSettings.Timeouts(connectTimeout, readTimeout, writeTimeout, callTimeout),
          proxy, userAgentSuffix,
          new ClientSettings.Retries(maxRetries, retryBudget, backoffBase, jitter),
          requestsPerSecond, listener, new ClientSettings.Clocks(time, rateLimitTime))));
    }

    @Override
    public String toString() {
      return "ResembleClient.Builder[baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : "****")
          + ", proxy=" + proxy + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
  }
}
