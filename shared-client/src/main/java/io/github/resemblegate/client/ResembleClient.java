package io.github.resemblegate.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * A typed client for the Resemble Detect API. Thread-safe; one instance shares its connection
 * pool and its requests-per-second limit between all threads. Close it when done.
 */
public final class ResembleClient implements AutoCloseable {

  public static final String DEFAULT_BASE_URL = "https://app.resemble.ai/api/v2";

  private final ClientParts parts;
  private final ApiCaller caller;
  /** The client a {@link #withCallLimits} view was made from, else null. */
  private final ResembleClient parent;
  private volatile boolean closed;

  private ResembleClient(ResembleClient parent, ApiCaller caller) {
    this.parts = parent.parts;
    this.parent = parent;
    this.caller = caller;
  }

  private ResembleClient(Builder builder) {
    this.parts = ClientParts.of(builder);
    this.parent = null;
    this.caller = parts.caller();
  }

  public static Builder builder() {
    return new Builder();
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
    List<SizedFile> files = UploadRules.checkBatch(request);
    RequestBody body = Uploads.batch(files, request.options(), request.mode());
    return caller.call(parts.exchanges().post("detect/batch", body, true, "batch"),
        json -> ResponseParser.batch(json, null));
  }

  /** {@code GET /detect/batch/{uuid}}. */
  public DetectBatch getBatch(String batchUuid) {
    String uuid = ClientArguments.id("batch", batchUuid);
    ensureOpen();
    return caller.call(parts.exchanges().get("detect", "batch", uuid),
        json -> ResponseParser.batch(json, uuid));
  }

  /** {@code GET /detect/{uuid}}. */
  public Detection getDetect(String detectUuid) {
    String uuid = ClientArguments.id("detection", detectUuid);
    ensureOpen();
    return caller.call(parts.exchanges().get("detect", uuid),
        json -> ResponseParser.detection(json, uuid));
  }

  /** {@code GET /detect?page=&page_size=}; page from 1, page size 10 to 1000. */
  public DetectPage listDetects(int page, int pageSize) {
    ClientArguments.requirePage(page, pageSize);
    ensureOpen();
    HttpUrl url = parts.exchanges().url("detect").newBuilder()
        .addQueryParameter("page", Integer.toString(page))
        .addQueryParameter("page_size", Integer.toString(pageSize))
        .build();
    return caller.call(parts.exchanges().get(url), ResponseParser::page);
  }

  /** {@code POST /detect}: one file upload (≤ 150 MB), a URL, or a media token. */
  public Detection createDetect(DetectRequest request) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(request.source(), "request.source");
    ensureOpen();
    Exchange exchange;
    if (request.source() instanceof DetectRequest.Upload upload) {
      String name = upload.partName() != null || upload.path() == null
          || upload.path().getFileName() == null ? upload.partName()
          : PartNames.assign(List.of(upload.path())).get(0).partName();
      SizedFile file = UploadRules.checkDirectUpload(upload.path(), name);
      exchange = parts.exchanges().post("detect", Uploads.detect(file, request.options()), true,
          "detection");
    } else {
      RequestBody body = DetectBody.body(request.source(), request.options(), parts.mapper());
      exchange = parts.exchanges().post("detect", body, false, "detection");
    }
    return caller.call(exchange, json -> ResponseParser.detection(json, null));
  }

  /** {@code POST /secure_uploads}: for files too large for a batch or a direct upload. */
  public SecureUpload createSecureUpload(Path file) {
    ensureOpen();
    SizedFile checked = UploadRules.checkSecureUpload(file);
    RequestBody body = Uploads.secureUpload(checked);
    return caller.call(parts.exchanges().post("secure_uploads", body, true, "secure upload"),
        ResponseParser::secureUpload);
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
    ClientArguments.requirePositive("timeLimit", timeLimit, true);
    ClientArguments.requireRetries(maxRetries);
    ResembleClient root = parent == null ? this : parent;
    return new ResembleClient(root, root.caller.limited(timeLimit, maxRetries));
  }

  /** The base URL in use, without credentials. */
  public String baseUrl() {
    return parts.baseUrl().toString();
  }

  /** Ends the client's threads and closes its idle connections, so no thread outlives a build. */
  @Override
  public void close() {
    closed = true;
    if (parent != null) {
      return;
    }
    parts.http().close();
  }

  @Override
  public String toString() {
    return "ResembleClient[baseUrl=" + parts.baseUrl() + ", userAgent=" + parts.userAgent()
        + ", requestsPerSecond=" + parts.requestsPerSecond() + "]";
  }

  private void ensureOpen() {
    if (closed || (parent != null && parent.closed)) {
      throw new IllegalStateException("This ResembleClient is closed; build a new one.");
    }
  }

  /** Settings for a {@link ResembleClient}. */
  public static final class Builder {
    // Package-private, not public: ClientParts reads them when it builds the client.
    String baseUrl = DEFAULT_BASE_URL;
    ApiToken token;
    Duration connectTimeout = Duration.ofSeconds(15);
    Duration readTimeout = Duration.ofSeconds(120);
    Duration writeTimeout = Duration.ofSeconds(120);
    Duration callTimeout = Duration.ofSeconds(60);
    ProxyConfig proxy;
    String userAgentSuffix;
    Duration retryBudget = Duration.ofMinutes(2);
    int maxRetries = 5;
    double requestsPerSecond = 40;
    RequestListener listener = RequestListener.NONE;
    // Test seams: time for retries, time for the rate limit, backoff shape.
    Time time = Time.SYSTEM;
    Time rateLimitTime = Time.SYSTEM;
    Duration backoffBase = Backoff.DEFAULT_BASE;
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

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
      return new ResembleClient(this);
    }

    @Override
    public String toString() {
      return "ResembleClient.Builder[baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : "****")
          + ", proxy=" + proxy + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
  }
}
