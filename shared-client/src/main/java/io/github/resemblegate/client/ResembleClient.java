package io.github.resemblegate.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

  private final HttpUrl baseUrl;
  private final String userAgent;
  private final double requestsPerSecond;
  private final Exchanges exchanges;
  private final HttpClients http;
  private final ApiCaller caller;
  private final ObjectMapper mapper;
  /** The client a {@link #withCallLimits} view was made from, else null. */
  private final ResembleClient parent;
  private volatile boolean closed;

  private ResembleClient(ResembleClient parent, ApiCaller caller) {
    this.baseUrl = parent.baseUrl;
    this.userAgent = parent.userAgent;
    this.requestsPerSecond = parent.requestsPerSecond;
    this.exchanges = parent.exchanges;
    this.http = parent.http;
    this.mapper = parent.mapper;
    this.parent = parent;
    this.caller = caller;
  }

  private ResembleClient(Builder builder) {
    if (builder.token == null) {
      throw new IllegalArgumentException("No Resemble API token was configured; create one at "
          + Failures.TOKEN_PAGE + " and pass it to the client.");
    }
    String secret = builder.token.secret();
    if (builder.token.problem() != null) {
      throw new IllegalArgumentException(builder.token.problem());
    }
    if (builder.maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, not " + builder.maxRetries + ".");
    }
    requirePositive("retryBudget", builder.retryBudget, true);
    requirePositive("connectTimeout", builder.connectTimeout, false);
    requirePositive("readTimeout", builder.readTimeout, false);
    requirePositive("writeTimeout", builder.writeTimeout, false);
    requirePositive("callTimeout", builder.callTimeout, false);
    this.parent = null;
    this.mapper = ApiJson.MAPPER;
    this.baseUrl = BaseUrl.parse(builder.baseUrl);
    this.userAgent = userAgent(builder.userAgentSuffix);
    this.requestsPerSecond = builder.requestsPerSecond;
    RequestRateLimit rateLimit = new RequestRateLimit(builder.requestsPerSecond,
        builder.rateLimitTime);

    this.exchanges = new Exchanges(baseUrl);
    this.http = HttpClients.create(builder.connectTimeout, builder.readTimeout,
        builder.writeTimeout, builder.proxy);
    List<String> secrets = new ArrayList<>(List.of(secret));
    if (HttpClients.authenticatesProxy(builder.proxy)) {
      secrets.add(builder.proxy.password());
    }
    Failures failures = new Failures(new Redactor(secrets));
    this.caller = new ApiCaller(http.pooled(), http.fresh(), "Bearer " + secret, userAgent,
        rateLimit, new Backoff(builder.backoffBase, builder.jitter), builder.time,
        builder.maxRetries, builder.retryBudget, builder.callTimeout, builder.listener, failures,
        mapper);
  }

  /** One mapper for the API's JSON, shared by every client of the JVM and made on first use. */
  private static final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
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
    BaseUrl.parse(baseUrl);
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
    return caller.call(exchanges.post("detect/batch", body, true, "batch"),
        json -> ResponseParser.batch(json, null));
  }

  /** {@code GET /detect/batch/{uuid}}. */
  public DetectBatch getBatch(String batchUuid) {
    String uuid = id("batch", batchUuid);
    ensureOpen();
    return caller.call(exchanges.get("detect", "batch", uuid),
        json -> ResponseParser.batch(json, uuid));
  }

  /** {@code GET /detect/{uuid}}. */
  public Detection getDetect(String detectUuid) {
    String uuid = id("detection", detectUuid);
    ensureOpen();
    return caller.call(exchanges.get("detect", uuid),
        json -> ResponseParser.detection(json, uuid));
  }

  /** {@code GET /detect?page=&page_size=}; page from 1, page size 10 to 1000. */
  public DetectPage listDetects(int page, int pageSize) {
    if (page < 1) {
      throw new IllegalArgumentException("The page number must be 1 or more, not " + page + ".");
    }
    if (pageSize < 10 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "The page size must be between 10 and 1000, not " + pageSize + ".");
    }
    ensureOpen();
    HttpUrl url = exchanges.url("detect").newBuilder()
        .addQueryParameter("page", Integer.toString(page))
        .addQueryParameter("page_size", Integer.toString(pageSize))
        .build();
    return caller.call(exchanges.get(url), ResponseParser::page);
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
      exchange = exchanges.post("detect", Uploads.detect(file, request.options()), true,
          "detection");
    } else {
      RequestBody body = DetectJson.body(request.source(), request.options(), mapper);
      exchange = exchanges.post("detect", body, false, "detection");
    }
    return caller.call(exchange, json -> ResponseParser.detection(json, null));
  }

  /** {@code POST /secure_uploads}: for files too large for a batch or a direct upload. */
  public SecureUpload createSecureUpload(Path file) {
    ensureOpen();
    SizedFile checked = UploadRules.checkSecureUpload(file);
    RequestBody body = Uploads.secureUpload(checked);
    return caller.call(exchanges.post("secure_uploads", body, true, "secure upload"),
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
    requirePositive("timeLimit", timeLimit, true);
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries + ".");
    }
    ResembleClient root = parent == null ? this : parent;
    return new ResembleClient(root, root.caller.limited(timeLimit, maxRetries));
  }

  /** The base URL in use, without credentials. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** Ends the client's threads and closes its idle connections, so no thread outlives a build. */
  @Override
  public void close() {
    closed = true;
    if (parent != null) {
      return;
    }
    http.close();
  }

  @Override
  public String toString() {
    return "ResembleClient[baseUrl=" + baseUrl + ", userAgent=" + userAgent
        + ", requestsPerSecond=" + requestsPerSecond + "]";
  }

  private void ensureOpen() {
    if (closed || (parent != null && parent.closed)) {
      throw new IllegalStateException("This ResembleClient is closed; build a new one.");
    }
  }

  private static String id(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + what + " id is empty; pass the uuid the API returned.");
    }
    return value.strip();
  }

  private static void requirePositive(String name, Duration value, boolean strictly) {
    if (value == null || value.isNegative() || (strictly && value.isZero())) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + value + ".");
    }
  }

  private static String userAgent(String suffix) {
    String agent = "resemble-gate/" + Version.get();
    if (suffix == null || suffix.isBlank()) {
      return agent;
    }
    String s = suffix.strip();
    if (!s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("The User-Agent suffix '" + PartNames.printable(s)
          + "' contains characters an HTTP header cannot carry; use plain ASCII.");
    }
    return agent + " " + s;
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
      return new ResembleClient(this);
    }

    @Override
    public String toString() {
      return "ResembleClient.Builder[baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : "****")
          + ", proxy=" + proxy + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
  }
}
