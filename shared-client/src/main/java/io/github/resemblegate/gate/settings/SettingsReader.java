package io.github.resemblegate.gate.settings;

import static io.github.resemblegate.gate.settings.Setting.*;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.client.DetectOptions;
import io.github.resemblegate.client.IntakeMode;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.policy.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one reader of the user's settings, for every front end. A front end says what only it knows
 * (the base folder, the token and where it came from, the proxy, its own defaults for includes
 * and reports) and hands over the user's words by {@link Setting}; the reader applies the defaults
 * ({@link io.github.resemblegate.gate.settings.Defaults}), checks every word, and returns the
 * {@link GateConfig} or throws a {@link SettingsException} with one sentence per problem. A form
 * checks one field with {@link #check}, by the same rules.
 */
public final class SettingsReader {

  private final Path base;
  private List<String> defaultIncludes = List.of(Defaults.INCLUDES);
  private Path defaultReports;
  private ApiToken token;
  private String tokenAdvice = Defaults.TOKEN_ADVICE;
  private ProxyConfig proxy;
  private String offline;
  private String userAgent;
  private String confinedTo;
  private Function<Setting, String> names = Setting::id;
  private Clock clock = Clock.systemUTC();

  private SettingsReader(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  /** A reader for a run over {@code baseDirectory}; relative paths are read against it. */
  public static SettingsReader forBase(Path baseDirectory) {
    return new SettingsReader(baseDirectory);
  }

  /**
   * The front end's includes when the user gives none (Maven: the project's media folders); null
   * when the user must give them.
   */
  public SettingsReader defaultIncludes(List<String> patterns) {
    this.defaultIncludes = patterns == null ? null : List.copyOf(patterns);
    return this;
  }

  /** The front end's reports folder when the user gives none. */
  public SettingsReader defaultReportsDirectory(Path directory) {
    this.defaultReports = directory;
    return this;
  }

  /** The API token (null or blank: none), and the sentence telling the user how to give one. */
  public SettingsReader token(String secret, String advice) {
    return token(secret, null, advice);
  }

  /**
   * As {@link #token(String, String)}, naming where the front end found it (for example "the
   * RESEMBLE_API_KEY environment variable"): a token the API refuses is named by it.
   */
  public SettingsReader token(String secret, String source, String advice) {
    ApiToken found = ApiToken.ofNullable(secret);
    this.token = found == null || source == null ? found : found.from(source);
    this.tokenAdvice = advice;
    return this;
  }

  /** The proxy to reach the API through; a null host means a direct connection. */
  public SettingsReader proxy(String host, int port, String user, String password,
      List<String> nonProxyHosts) {
    this.proxy = host == null || host.isBlank() ? null : new ProxyConfig(host.strip(), port,
        user == null || user.isBlank() ? null : user, password == null || password.isBlank()
        ? null : password, nonProxyHosts);
    return this;
  }

  /** Judge from the cache alone; {@code why} opens the sentence, e.g. "Maven is offline (-o)". */
  public SettingsReader offline(String why) {
    this.offline = why;
    return this;
  }

  /** Appended to the User-Agent, such as {@code maven-plugin}. */
  public SettingsReader userAgent(String suffix) {
    this.userAgent = suffix;
    return this;
  }

  /** Paths the user gives must stay inside the base folder, which {@code where} names. */
  public SettingsReader confineToBase(String where) {
    this.confinedTo = where;
    return this;
  }

  /**
   * How this front end spells a setting where it cannot use the catalogue's name (a Jenkins field
   * holds no dot: {@code videoThreshold} for {@code thresholds.video}), so that every sentence
   * names the setting as the user wrote it.
   */
  public SettingsReader spelling(Function<Setting, String> names) {
    this.names = names;
    return this;
  }

  /** For waiver expiry and timestamps (tests fix it). */
  public SettingsReader clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The configuration the words make; {@code warn} hears what is allowed but probably not meant
   * (a warn threshold that warns about nothing, no budget).
   *
   * @throws SettingsException with every problem, one sentence each
   */
  public GateConfig read(RawSettings raw, Consumer<String> warn) {
    Parsing p = new Parsing(raw, names);
    GateConfig.Builder b = GateConfig.builder().baseDirectory(base).clock(clock)
        .tokenAdvice(tokenAdvice).userAgentSuffix(userAgent).proxy(proxy);
    Policy policy = readInto(p, b, raw, true);
    if (token != null && token.problem() != null) {
      p.error(null, token.problem());
    }
    List<Problem> errors = p.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new SettingsException(errors);
    }
    p.problems().forEach(w -> warn.accept(w.sentence()));
    try {
      return b.token(token).policy(policy).build();
    } catch (GateException | IllegalArgumentException e) {
      throw new SettingsException(List.of(new Problem(null, Problem.Level.ERROR,
          e.getMessage())));
    }
  }

  /**
   * What is wrong with {@code focus} among {@code words} (the others take their defaults), for a
   * form field, by this front end's rules (required includes, paths kept inside the base); files
   * are not read. Empty when it is fine.
   */
  public List<Problem> check(Setting focus, RawSettings words) {
    Parsing p = new Parsing(words, names);
    readInto(p, GateConfig.builder(), words, false);
    return p.problems().stream().filter(x -> x.setting() == focus).toList();
  }

  /**
   * Reads every setting into {@code b}, naming each problem in {@code p}, and returns the policy;
   * the one list of steps behind both {@link #read} and {@link #check}, so a form checks what a
   * run reads. The waivers (a file, inline ones) are read only with {@code waivers}.
   */
  private Policy readInto(Parsing p, GateConfig.Builder b, RawSettings raw, boolean waivers) {
    readScan(p, b);
    Policy policy;
    if (waivers) {
      policy = PolicySettings.read(p, raw, base, confinedTo);
    } else {
      policy = PolicySettings.words(p);
      p.path(WAIVERS_FILE, base, confinedTo);
    }
    budget(p, b);
    boolean dryRun = p.bool(DRY_RUN).orElse(Boolean.parseBoolean(DRY_RUN.defaultWord()));
    b.mode(offline != null && !dryRun ? new GateConfig.Mode.Offline(offline)
        : dryRun ? GateConfig.Mode.DRY_RUN : GateConfig.Mode.CHECK);
    b.reportsDirectory(p.path(REPORTS_DIRECTORY, base, confinedTo).orElse(defaultReports));
    p.formats(FORMATS).ifPresent(b::formats);
    readCache(p, b);
    readApi(p, b);
    b.batchOptions(readOptions(p));
    b.singleOptions(readSingleOptions(p));
    return policy;
  }

  private void budget(Parsing p, GateConfig.Builder b) {
    p.count(MAX_FILES, 0, Integer.MAX_VALUE, "0 (no limit) or a whole number of files")
        .ifPresent(n -> {
          b.maxFiles(n);
          if (n == 0) {
            p.warning(MAX_FILES, p.name(MAX_FILES) + " 0 means no limit: every matched file may"
                + " be uploaded and billed.");
          }
        });
    p.whole(MAX_BYTES, 0, Long.MAX_VALUE, "0 (no limit) or a whole number of bytes")
        .ifPresent(b::maxBytes);
    p.whole(MAX_MEDIA_MINUTES, 0, Long.MAX_VALUE, "0 (no limit) or a whole number of minutes")
        .ifPresent(b::maxMediaMinutes);
    p.duration(TIMEOUT).ifPresent(b::timeout);
  }

  private void readScan(Parsing p, GateConfig.Builder b) {
    List<String> includes = p.patterns(INCLUDES);
    if (includes.isEmpty() && defaultIncludes == null) {
      p.error(INCLUDES, p.name(INCLUDES) + " is empty; give at least one pattern such as"
          + " media/**/*.wav.");
    }
    if (!includes.isEmpty() || defaultIncludes == null) {
      b.includes(includes);
    } else {
      b.defaultIncludes(defaultIncludes);
    }
    b.excludes(p.patterns(EXCLUDES));
    p.bool(DEFAULT_EXCLUDES).ifPresent(b::defaultExcludes);
    p.bool(ARCHIVES).ifPresent(b::archives);
    p.shard(SHARD).ifPresent(shard -> {
      b.shard(shard);
      if (!p.has(REQUESTS_PER_SECOND)) {
        // The API's rate limit is per token, and the shards of a run share one token.
        b.requestsPerSecond(Double.parseDouble(Defaults.REQUESTS_PER_SECOND) / shard.total());
      }
    });
  }

  private void readCache(Parsing p, GateConfig.Builder b) {
    p.bool(REFRESH).ifPresent(b::refresh);
    if (!p.bool(CACHE).orElse(Boolean.parseBoolean(CACHE.defaultWord()))) {
      b.noCache();
    } else {
      p.path(CACHE_DIRECTORY, base, null).ifPresent(b::cacheDirectory);
    }
  }

  private void readApi(Parsing p, GateConfig.Builder b) {
    p.apiUrl(API_URL).ifPresent(b::apiUrl);
    p.duration(CONNECT_TIMEOUT).ifPresent(b::connectTimeout);
    p.duration(READ_TIMEOUT).ifPresent(b::readTimeout);
    p.positive(REQUESTS_PER_SECOND).ifPresent(b::requestsPerSecond);
    p.duration(RETRY_BUDGET).ifPresent(b::retryBudget);
    p.count(MAX_RETRIES, 0, 100, "a whole number from 0 (no retries) to 100")
        .ifPresent(b::maxRetries);
    p.count(CONCURRENCY, 1, 64, "a whole number from 1 to 64").ifPresent(b::concurrency);
    p.choice(INTAKE_MODE, IntakeMode.class).ifPresent(b::intakeMode);
    p.count(MAX_FILES_PER_BATCH, 1, GateConfig.API_MAX_FILES_PER_BATCH,
        "a whole number from 1 to 50 (the API's limit)").ifPresent(b::maxFilesPerBatch);
    p.whole(MAX_BYTES_PER_BATCH, 1, GateConfig.API_MAX_BYTES_PER_BATCH,
        "a whole number of bytes from 1 to 500000000 (the API's limit)")
        .ifPresent(b::maxBytesPerBatch);
    p.duration(POLL_INTERVAL).ifPresent(b::pollInterval);
    p.duration(MAX_POLL_INTERVAL).ifPresent(b::maxPollInterval);
  }

  private BatchOptions readOptions(Parsing p) {
    BatchOptions.Builder o = BatchOptions.builder();
    p.callbackUrl(CALLBACK_URL).ifPresent(o::callbackUrl);
    p.bool(INTELLIGENCE).ifPresent(o::intelligence);
    p.bool(SEARCH_IDENTITY).ifPresent(o::searchIdentity);
    p.bool(VISUALIZE).ifPresent(o::visualize);
    p.bool(AUDIO_SOURCE_TRACING).ifPresent(o::audioSourceTracing);
    p.count(FRAME_LENGTH, 1, 4, "1, 2, 3 or 4 (seconds)").ifPresent(o::frameLength);
    Double start = p.seconds(START_REGION).orElse(null);
    Double end = p.seconds(END_REGION).orElse(null);
    if (start != null && end != null && end <= start) {
      p.error(END_REGION, p.name(END_REGION) + " (" + end + ") must be after "
          + p.name(START_REGION) + " (" + start + ").");
      end = null;
    }
    o.startRegion(start).endRegion(end);
    p.positive(MAX_VIDEO_SECS).ifPresent(o::maxVideoSecs);
    p.bool(USE_LLM).ifPresent(o::useLlm);
    p.bool(ZERO_RETENTION_MODE).ifPresent(o::zeroRetentionMode);
    return o.build();
  }

  /** The documented values of {@code model_types}, as {@link Parsing#choice} reads words. */
  private enum ModelTypes { IMAGE, TALKING_HEAD }

  /** The single endpoint's own options; the ones it shares with a batch are the batch's. */
  private static DetectOptions readSingleOptions(Parsing p) {
    DetectOptions.Builder o = DetectOptions.builder();
    p.choice(MODEL_TYPES, ModelTypes.class)
        .ifPresent(t -> o.modelTypes(t.name().toLowerCase(Locale.ROOT)));
    p.bool(USE_REVERSE_SEARCH).ifPresent(o::useReverseSearch);
    p.bool(USE_OOD_DETECTOR).ifPresent(o::useOodDetector);
    p.positive(MAX_VIDEO_FPS).ifPresent(o::maxVideoFps);
    return o.build();
  }
}
