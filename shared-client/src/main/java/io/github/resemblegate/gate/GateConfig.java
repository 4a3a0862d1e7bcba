package io.github.resemblegate.gate;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.settings.Defaults;
import io.github.resemblegate.gate.settings.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a gate run needs. Front ends get one from {@code gate.settings.SettingsReader}, which
 * reads the user's settings by name; code and tests may use {@link #builder()}, whose defaults are
 * {@link Defaults}.
 *
 * @param scan which files
 * @param policy how they are judged
 * @param api the Detect API, how to reach it and its limits
 * @param budget how much a run may upload and how long it may take
 * @param reports where the journal and the reports go, and which reports
 * @param cache where results are kept by content hash
 * @param mode check, dry run, or offline
 * @param clock for waiver expiry and timestamps
 */
public record GateConfig(Scan scan, Policy policy, Api api, Budget budget, Reports reports,
    Cache cache, Mode mode, Clock clock) {

  /**
   * What to scan: Ant-style patterns relative to {@code baseDirectory}, which report paths are
   * relative to too (no includes: every file, {@link Defaults#INCLUDES}); {@code defaultExcludes}
   * adds VCS folders and editor junk; {@code includesGiven}: the user's (matching nothing is then
   * a mistake); {@code contentCheck} skips files not the media their names claim; {@code shard}:
   * only that shard's files (null: all); {@code archives}: check the media inside matched zips.
   */
  public record Scan(Path baseDirectory, List<String> includes, List<String> excludes,
      boolean defaultExcludes, boolean includesGiven, boolean contentCheck, Shard shard,
      boolean archives) {

    public Scan {
      includes = includes.isEmpty() ? List.of(Defaults.INCLUDES) : List.copyOf(includes);
      excludes = List.copyOf(excludes);
    }
  }

  /**
   * One of {@code total} parts of a run's matched files, as CI agents split them ({@code 2/4}: the
   * second of four). Every matched file belongs to exactly one shard; {@code merge} joins the
   * shards' reports into the verdict of one run.
   *
   * @param index 1-based, at most {@code total}
   * @param total how many shards the files are split into, at least 1
   */
  public record Shard(int index, int total) {

    public Shard {
      if (total < 1 || index < 1 || index > total) {
        throw new IllegalArgumentException("A shard is i/n with 1 <= i <= n, not " + index + "/"
            + total + ".");
      }
    }

    /** How users write it and reports store it: {@code 2/4}. */
    public String id() {
      return index + "/" + total;
    }

    @Override
    public String toString() { return id(); }
  }

  /**
   * The Detect API: its URL, the token (null for dry runs and runs the cache answers), the
   * sentence telling the user how to give one in this front end, the proxy (null: direct), the
   * User-Agent suffix, the detection options sent with every request, the single endpoint's own
   * options ({@code singleOptions}: only its model_types, use_reverse_search, use_ood_detector and
   * max_video_fps are read), how a batch carries its files, and the limits of talking to it.
   */
  public record Api(String url, ApiToken token, String tokenAdvice, ProxyConfig proxy,
      String userAgentSuffix, BatchOptions options, DetectOptions singleOptions,
      IntakeMode intakeMode, Limits limits) {}

  /**
   * How the run talks to the API.
   *
   * @param retryBudget how long the retries of one request may take in all; an unreachable API
   *     fails a run after about this long
   * @param maxRetries retries of one request after its first attempt (0 turns retrying off)
   * @param maxFilesPerBatch at most 50 (the API's limit)
   * @param maxBytesPerBatch at most 500,000,000 (the API's limit, MB read as 10^6 bytes)
   * @param concurrency batches uploaded at once
   * @param pollInterval first wait between status polls; it grows to {@code maxPollInterval}
   */
  public record Limits(Duration connectTimeout, Duration readTimeout, double requestsPerSecond,
      Duration retryBudget, int maxRetries, int maxFilesPerBatch, long maxBytesPerBatch,
      int concurrency, Duration pollInterval, Duration maxPollInterval) {}

  /**
   * What a run may spend: over {@code maxFiles} files, {@code maxBytes} bytes or
   * {@code maxMediaMinutes} minutes of audio and video to upload, it submits nothing (0 = no
   * limit); {@code timeout} bounds submitting and waiting (then a last look of at most 3 requests
   * in 5 s), after which what is unfinished is ERROR with its ids, kept in the journal.
   */
  public record Budget(int maxFiles, long maxBytes, long maxMediaMinutes, Duration timeout) {}

  /** Where the journal and the reports go, and which report formats a front end writes. */
  public record Reports(Path directory, Set<ReportFormat> formats) {

    public Reports {
      formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
    }
  }

  /**
   * Where results are kept by content hash ({@code directory} null: no cache); {@code refresh}
   * asks the API again for cached contents, and fresh results still refresh the cache.
   */
  public record Cache(Path directory, boolean refresh) {
    public boolean enabled() {
      return directory != null;
    }
  }

  /** How a run ends: it checks, only says what it would submit, or judges from the cache alone. */
  public sealed interface Mode {
    Mode CHECK = new Check();
    Mode DRY_RUN = new DryRun();
    /** Submits what the cache does not answer, and waits for the results. */
    record Check() implements Mode {}

    /** Plans and reports what it would submit; submits nothing and needs no token. */
    record DryRun() implements Mode {}

    /**
     * Judges from the cache alone; a content it does not hold is ERROR. {@code why} opens the
     * sentence that says so, such as {@code Maven is offline (-o)}.
     */
    record Offline(String why) implements Mode {}
  }

  public static final int API_MAX_FILES_PER_BATCH = Integer.parseInt(Defaults.MAX_FILES_PER_BATCH);
  public static final long API_MAX_BYTES_PER_BATCH = Long.parseLong(Defaults.MAX_BYTES_PER_BATCH);

  /** {@code ~/.resemble-gate/cache}. */
  public static Path defaultCacheDirectory() {
    return Path.of(System.getProperty("user.home"), ".resemble-gate", "cache");
  }

  public boolean dryRun() {
    return mode instanceof Mode.DryRun;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One setter per setting, starting from {@link Defaults}; {@link #build} checks them all. */
  public static final class Builder {
    private Path baseDirectory;
    private List<String> includes = List.of(Defaults.INCLUDES);
    private boolean includesGiven;
    private boolean contentCheck = true;
    private boolean archives = Boolean.parseBoolean(Defaults.ARCHIVES);
    private List<String> excludes = List.of();
    private boolean defaultExcludes = Boolean.parseBoolean(Defaults.DEFAULT_EXCLUDES);
    private Shard shard;
    private String apiUrl = Defaults.API_URL;
    private ApiToken token;
    private String tokenAdvice = Defaults.TOKEN_ADVICE;
    private ProxyConfig proxy;
    private Duration connectTimeout = Durations.parse(Defaults.CONNECT_TIMEOUT);
    private Duration readTimeout = Durations.parse(Defaults.READ_TIMEOUT);
    private double requestsPerSecond = Double.parseDouble(Defaults.REQUESTS_PER_SECOND);
    private String userAgentSuffix;
    private Duration retryBudget = Durations.parse(Defaults.RETRY_BUDGET);
    private int maxRetries = Integer.parseInt(Defaults.MAX_RETRIES);
    private int maxFilesPerBatch = API_MAX_FILES_PER_BATCH;
    private long maxBytesPerBatch = API_MAX_BYTES_PER_BATCH;
    private int concurrency = Integer.parseInt(Defaults.CONCURRENCY);
    private IntakeMode intakeMode = IntakeMode.valueOf(Defaults.INTAKE_MODE);
    private BatchOptions batchOptions = BatchOptions.DEFAULTS;
    private DetectOptions singleOptions = DetectOptions.DEFAULTS;
    private Duration pollInterval = Durations.parse(Defaults.POLL_INTERVAL);
    private Duration maxPollInterval = Durations.parse(Defaults.MAX_POLL_INTERVAL);
    private Duration timeout = Durations.parse(Defaults.TIMEOUT);
    private Policy policy = Policy.DEFAULT;
    private int maxFiles = Integer.parseInt(Defaults.MAX_FILES);
    private long maxBytes = Long.parseLong(Defaults.MAX_BYTES);
    private long maxMediaMinutes = Long.parseLong(Defaults.MAX_MEDIA_MINUTES);
    private Mode mode = Mode.CHECK;
    private boolean refresh = Boolean.parseBoolean(Defaults.REFRESH);
    private Path cacheDirectory;
    private boolean cacheDisabled = !Boolean.parseBoolean(Defaults.CACHE);
    private Path reportsDirectory;
    private Set<ReportFormat> formats = ReportFormat.parse(Defaults.FORMATS);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder baseDirectory(Path v) { baseDirectory = v; return this; }
    /** The user's includes: matching nothing fails the run unless onEmpty says otherwise. */
    public Builder includes(List<String> v) { includes = v; includesGiven = true; return this; }
    /** The front end's includes when the user gave none: matching nothing passes quietly. */
    public Builder defaultIncludes(List<String> v) { includes(v).includesGiven = false; return this; }
    public Builder excludes(List<String> v) { excludes = v; return this; }
    public Builder defaultExcludes(boolean v) { defaultExcludes = v; return this; }
    public Builder archives(boolean v) { archives = v; return this; }
    /** Off only where the media are stand-ins (tests, benchmarks): text named .wav and such. */
    public Builder contentCheck(boolean v) { contentCheck = v; return this; }
    /** Null: every matched file. */
    public Builder shard(Shard v) { shard = v; return this; }
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
    public Builder singleOptions(DetectOptions v) { singleOptions = v; return this; }
    public Builder pollInterval(Duration v) { pollInterval = v; return this; }
    public Builder maxPollInterval(Duration v) { maxPollInterval = v; return this; }
    public Builder timeout(Duration v) { timeout = v; return this; }
    public Builder policy(Policy v) { policy = v; return this; }
    public Builder maxFiles(int v) { maxFiles = v; return this; }
    public Builder maxBytes(long v) { maxBytes = v; return this; }
    public Builder maxMediaMinutes(long v) { maxMediaMinutes = v; return this; }
    public Builder mode(Mode v) { mode = v; return this; }
    public Builder dryRun(boolean v) { mode = v ? Mode.DRY_RUN : Mode.CHECK; return this; }
    public Builder refresh(boolean v) { refresh = v; return this; }
    /** Null keeps the default location; see {@link #noCache()} to turn caching off. */
    public Builder cacheDirectory(Path v) { cacheDirectory = v; cacheDisabled = false; return this; }
    public Builder noCache() { cacheDirectory = null; cacheDisabled = true; return this; }
    public Builder reportsDirectory(Path v) { reportsDirectory = v; return this; }
    public Builder formats(Set<ReportFormat> v) { formats = v; return this; }
    public Builder clock(Clock v) { clock = v; return this; }

    /**
     * Checks what the settings reader cannot have got wrong only through a bug; a wrong value
     * throws {@link GateException} naming it.
     */
    public GateConfig build() {
      if (baseDirectory == null) {
        throw new GateException("No base directory was given for the scan.");
      }
      Path base = baseDirectory.toAbsolutePath().normalize();
      require(maxFilesPerBatch >= 1 && maxFilesPerBatch <= API_MAX_FILES_PER_BATCH,
          "maxFilesPerBatch must be between 1 and " + API_MAX_FILES_PER_BATCH
          + " (the API's limit), not " + maxFilesPerBatch + ".");
      require(maxBytesPerBatch >= 1 && maxBytesPerBatch <= API_MAX_BYTES_PER_BATCH,
          "maxBytesPerBatch must be between 1 and " + API_MAX_BYTES_PER_BATCH
          + " bytes (the API's 500 MB limit), not " + maxBytesPerBatch + ".");
      require(concurrency >= 1, "concurrency must be at least 1, not " + concurrency + ".");
      require(maxFiles >= 0 && maxBytes >= 0 && maxMediaMinutes >= 0, "maxFiles, maxBytes and"
          + " maxMediaMinutes must be 0 (no limit) or more.");
      require(requestsPerSecond > 0, "requestsPerSecond must be positive, not " + requestsPerSecond + ".");
      require(positive(timeout), "timeout must be a positive duration, not " + timeout + ".");
      require(positive(retryBudget), "retryBudget must be a positive duration, not " + retryBudget + ".");
      require(maxRetries >= 0, "maxRetries must be 0 (no retries) or more, not " + maxRetries + ".");
      Path cache = cacheDisabled ? null
          : (cacheDirectory != null ? cacheDirectory : defaultCacheDirectory());
      Path reports = reportsDirectory != null ? reportsDirectory
          : base.resolve("target").resolve("resemble");
      return new GateConfig(
          new Scan(base, includes, excludes, defaultExcludes, includesGiven, contentCheck,
              shard, archives),
          policy == null ? Policy.DEFAULT : policy,
          new Api(apiUrl, token, tokenAdvice, proxy, userAgentSuffix,
              batchOptions == null ? BatchOptions.DEFAULTS : batchOptions,
              singleOptions == null ? DetectOptions.DEFAULTS : singleOptions, intakeMode,
              new Limits(connectTimeout, readTimeout, requestsPerSecond, retryBudget, maxRetries,
                  maxFilesPerBatch, maxBytesPerBatch, concurrency, pollInterval,
                  maxPollInterval)),
          new Budget(maxFiles, maxBytes, maxMediaMinutes, timeout),
          new Reports(reports.toAbsolutePath().normalize(), formats),
          new Cache(cache == null ? null : cache.toAbsolutePath().normalize(), refresh),
          mode == null ? Mode.CHECK : mode,
          clock);
    }

    private static boolean positive(Duration d) { return d != null && d.compareTo(Duration.ZERO) > 0; }

    private static void require(boolean ok, String sentence) {
      if (!ok) { throw new GateException(sentence); }
    }
  }
}
