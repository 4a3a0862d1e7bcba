package io.github.resemblegate.gate;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.client.ResembleClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything a gate run needs; front ends fill it through {@link #builder()}.
 *
 * @param baseDirectory the folder patterns are relative to, and report paths too
 * @param includes Ant-style include patterns ({@code **}{@code /*.wav}); default everything
 * @param excludes Ant-style exclude patterns
 * @param defaultExcludes also exclude VCS folders and {@code target/resemble}
 * @param token the API token; may be null for dry runs and runs answered by the cache
 * @param tokenAdvice the sentence telling the user how to provide a token in this front end
 * @param maxFilesPerBatch at most 50 (the API limit)
 * @param maxBytesPerBatch at most 500,000,000 (the API limit, MB read as 10^6 bytes)
 * @param retryBudget how long the retries of one request may take in all (the client's default is
 *     2 minutes); an unreachable API fails a run after about this long
 * @param maxRetries retries of one request after its first attempt (default 5; 0 turns retrying off)
 * @param concurrency batches uploaded at once
 * @param pollInitial first wait between status polls; grows to {@code pollMax}
 * @param timeout overall time for a run's submitting and waiting; what is unfinished then becomes
 *     ERROR with its ids. Requests end by it; after it the run takes one last look of at most 3
 *     requests within 5 seconds, and an upload already being sent is let finish (up to the read
 *     timeout), so that its id reaches the journal
 * @param maxFiles budget guard: when more files need submitting, nothing is submitted (0 = no limit)
 * @param refresh ignore cached results (fresh results still refresh the cache)
 * @param cacheDirectory where results are kept by content hash; null disables the cache
 * @param reportsDirectory where the journal (and the front end's reports) live
 * @param clock for waiver expiry and timestamps
 */
public record GateConfig(
    Path baseDirectory,
    List<String> includes,
    List<String> excludes,
    boolean defaultExcludes,
    String apiUrl,
    ApiToken token,
    String tokenAdvice,
    ProxyConfig proxy,
    Duration connectTimeout,
    Duration readTimeout,
    double requestsPerSecond,
    String userAgentSuffix,
    Duration retryBudget,
    int maxRetries,
    int maxFilesPerBatch,
    long maxBytesPerBatch,
    int concurrency,
    IntakeMode intakeMode,
    BatchOptions batchOptions,
    Duration pollInitial,
    Duration pollMax,
    Duration timeout,
    Policy policy,
    int maxFiles,
    boolean dryRun,
    boolean refresh,
    Path cacheDirectory,
    Path reportsDirectory,
    Clock clock) {

  public static final int API_MAX_FILES_PER_BATCH = 50;
  public static final long API_MAX_BYTES_PER_BATCH = 500_000_000L;
  public static final int DEFAULT_MAX_FILES = 1000;
  /** The client's own defaults, so that a front end that sets nothing changes nothing. */
  public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofMinutes(2);
  public static final int DEFAULT_MAX_RETRIES = 5;

  /** {@code ~/.resemble-gate/cache}. */
  public static Path defaultCacheDirectory() {
    return Path.of(System.getProperty("user.home"), ".resemble-gate", "cache");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.baseDirectory = baseDirectory;
    b.includes = includes;
    b.excludes = excludes;
    b.defaultExcludes = defaultExcludes;
    b.apiUrl = apiUrl;
    b.token = token;
    b.tokenAdvice = tokenAdvice;
    b.proxy = proxy;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.requestsPerSecond = requestsPerSecond;
    b.userAgentSuffix = userAgentSuffix;
    b.retryBudget = retryBudget;
    b.maxRetries = maxRetries;
    b.maxFilesPerBatch = maxFilesPerBatch;
    b.maxBytesPerBatch = maxBytesPerBatch;
    b.concurrency = concurrency;
    b.intakeMode = intakeMode;
    b.batchOptions = batchOptions;
    b.pollInitial = pollInitial;
    b.pollMax = pollMax;
    b.timeout = timeout;
    b.policy = policy;
    b.maxFiles = maxFiles;
    b.dryRun = dryRun;
    b.refresh = refresh;
    b.cacheDirectory = cacheDirectory;
    b.cacheDisabled = cacheDirectory == null;
    b.reportsDirectory = reportsDirectory;
    b.clock = clock;
    return b;
  }

  /** Builder with the documented defaults. */
  public static final class Builder {
    private Path baseDirectory;
    private List<String> includes = List.of("**/*");
    private List<String> excludes = List.of();
    private boolean defaultExcludes = true;
    private String apiUrl = ResembleClient.DEFAULT_BASE_URL;
    private ApiToken token;
    private String tokenAdvice = "Set the RESEMBLE_API_KEY environment variable.";
    private ProxyConfig proxy;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private double requestsPerSecond = 40;
    private String userAgentSuffix;
    private Duration retryBudget = DEFAULT_RETRY_BUDGET;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private int maxFilesPerBatch = API_MAX_FILES_PER_BATCH;
    private long maxBytesPerBatch = API_MAX_BYTES_PER_BATCH;
    private int concurrency = 4;
    private IntakeMode intakeMode = IntakeMode.FILES;
    private BatchOptions batchOptions = BatchOptions.DEFAULTS;
    private Duration pollInitial = Duration.ofSeconds(2);
    private Duration pollMax = Duration.ofSeconds(12);
    private Duration timeout = Duration.ofMinutes(30);
    private Policy policy = Policy.DEFAULT;
    private int maxFiles = DEFAULT_MAX_FILES;
    private boolean dryRun;
    private boolean refresh;
    private Path cacheDirectory;
    private boolean cacheDisabled;
    private Path reportsDirectory;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder baseDirectory(Path v) { baseDirectory = v; return this; }
    public Builder includes(List<String> v) { includes = v; return this; }
    public Builder excludes(List<String> v) { excludes = v; return this; }
    public Builder defaultExcludes(boolean v) { defaultExcludes = v; return this; }
    public Builder apiUrl(String v) { apiUrl = v; return this; }
    public Builder token(ApiToken v) { token = v; return this; }
    public Builder tokenAdvice(String v) { tokenAdvice = v; return this; }
    public Builder proxy(ProxyConfig v) { proxy = v; return this; }
    public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
    public Builder readTimeout(Duration v) { readTimeout = v; return this; }
    public Builder requestsPerSecond(double v) { requestsPerSecond = v; return this; }
    public Builder userAgentSuffix(String v) { userAgentSuffix = v; return this; }
    public Builder retryBudget(Duration v) { retryBudget = v; return this; }
    public Builder maxRetries(int v) { maxRetries = v; return this; }
    public Builder maxFilesPerBatch(int v) { maxFilesPerBatch = v; return this; }
    public Builder maxBytesPerBatch(long v) { maxBytesPerBatch = v; return this; }
    public Builder concurrency(int v) { concurrency = v; return this; }
    public Builder intakeMode(IntakeMode v) { intakeMode = v; return this; }
    public Builder batchOptions(BatchOptions v) { batchOptions = v; return this; }
    public Builder pollInitial(Duration v) { pollInitial = v; return this; }
    public Builder pollMax(Duration v) { pollMax = v; return this; }
    public Builder timeout(Duration v) { timeout = v; return this; }
    public Builder policy(Policy v) { policy = v; return this; }
    public Builder maxFiles(int v) { maxFiles = v; return this; }
    public Builder dryRun(boolean v) { dryRun = v; return this; }
    public Builder refresh(boolean v) { refresh = v; return this; }
    /** Null keeps the default location; see {@link #noCache()} to turn caching off. */
    public Builder cacheDirectory(Path v) { cacheDirectory = v; cacheDisabled = false; return this; }
    public Builder noCache() { cacheDirectory = null; cacheDisabled = true; return this; }
    public Builder reportsDirectory(Path v) { reportsDirectory = v; return this; }
    public Builder clock(Clock v) { clock = v; return this; }

    /** Checks every setting; a wrong one throws {@link GateException} naming it and the fix. */
    public GateConfig build() {
      if (baseDirectory == null) {
        throw new GateException("No base directory was given for the scan.");
      }
      Path base = baseDirectory.toAbsolutePath().normalize();
      if (maxFilesPerBatch < 1 || maxFilesPerBatch > API_MAX_FILES_PER_BATCH) {
        throw new GateException("maxFilesPerBatch must be between 1 and " + API_MAX_FILES_PER_BATCH
            + " (the API's limit), not " + maxFilesPerBatch + ".");
      }
      if (maxBytesPerBatch < 1 || maxBytesPerBatch > API_MAX_BYTES_PER_BATCH) {
        throw new GateException("maxBytesPerBatch must be between 1 and " + API_MAX_BYTES_PER_BATCH
            + " bytes (the API's 500 MB limit), not " + maxBytesPerBatch + ".");
      }
      if (concurrency < 1) {
        throw new GateException("concurrency must be at least 1, not " + concurrency + ".");
      }
      if (maxFiles < 0) {
        throw new GateException("maxFiles must be 0 (no limit) or more, not " + maxFiles + ".");
      }
      if (requestsPerSecond <= 0) {
        throw new GateException("requestsPerSecond must be positive, not " + requestsPerSecond + ".");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new GateException("timeout must be a positive duration, not " + timeout + ".");
      }
      if (retryBudget == null || retryBudget.isNegative() || retryBudget.isZero()) {
        throw new GateException("retryBudget must be a positive duration, not " + retryBudget
            + ".");
      }
      if (maxRetries < 0) {
        throw new GateException("maxRetries must be 0 (no retries) or more, not " + maxRetries
            + ".");
      }
      Path cache = cacheDisabled ? null
          : (cacheDirectory != null ? cacheDirectory : defaultCacheDirectory());
      Path reports = reportsDirectory != null ? reportsDirectory
          : base.resolve("target").resolve("resemble");
      return new GateConfig(base, List.copyOf(includes), List.copyOf(excludes), defaultExcludes,
          apiUrl, token, tokenAdvice, proxy, connectTimeout, readTimeout, requestsPerSecond,
          userAgentSuffix, retryBudget, maxRetries, maxFilesPerBatch, maxBytesPerBatch, concurrency, intakeMode,
          batchOptions == null ? BatchOptions.DEFAULTS : batchOptions, pollInitial, pollMax,
          timeout, policy == null ? Policy.DEFAULT : policy, maxFiles, dryRun, refresh, cache,
          reports.toAbsolutePath().normalize(), clock);
    }
  }
}
