package io.github.resemblegate.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link ResembleSimulator}. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * SimulatorOptions options = SimulatorOptions.builder()
 *     .processingTime(Duration.ofMillis(20))
 *     .rules(ScoringRules.of(ScoringRule.scoring("*borderline*", 0.55)))
 *     .build();
 * }</pre>
 */
public final class SimulatorOptions {
  /** Default processing time of one file: short enough for demos, long enough to watch polling. */
  public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofSeconds(2);
  /** Default number of requests WireMock's journal keeps. */
  public static final int DEFAULT_JOURNAL_LIMIT = 500;
  /** Default longest time {@code POST /detect} with {@code Prefer: wait} blocks. */
  public static final Duration DEFAULT_SYNC_WAIT_LIMIT = Duration.ofSeconds(60);

  private final int port;
  private final String host;
  private final String token;
  private final Duration processingTime;
  private final ScoringRules rules;
  private final int journalLimit;
  private final long seed;
  private final boolean verbose;
  private final Duration syncWaitLimit;
  private final long uploadBandwidth;

  private SimulatorOptions(Builder builder) {
    this.port = builder.port;
    this.host = builder.host;
    this.token = builder.token;
    this.processingTime = builder.processingTime;
    this.rules = builder.rules;
    this.journalLimit = builder.journalLimit;
    this.seed = builder.seed;
    this.verbose = builder.verbose;
    this.syncWaitLimit = builder.syncWaitLimit;
    this.uploadBandwidth = builder.uploadBandwidth;
  }

  /** All defaults: a free port on 127.0.0.1, any token, 2 s processing, the default rules. */
  public static SimulatorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change a few. */
  public Builder toBuilder() {
    return new Builder()
        .port(port)
        .host(host)
        .token(token)
        .processingTime(processingTime)
        .rules(rules)
        .journalLimit(journalLimit)
        .seed(seed)
        .verbose(verbose)
        .syncWaitLimit(syncWaitLimit)
        .uploadBandwidth(uploadBandwidth);
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  /** The only Bearer token accepted, or null to accept any non-empty one. */
  public String token() {
    return token;
  }

  public Duration processingTime() {
    return processingTime;
  }

  public ScoringRules rules() {
    return rules;
  }

  public int journalLimit() {
    return journalLimit;
  }

  public long seed() {
    return seed;
  }

  public boolean verbose() {
    return verbose;
  }

  public Duration syncWaitLimit() {
    return syncWaitLimit;
  }

  /** Bytes per second each connection may upload, like a CI agent's uplink; 0 for no limit. */
  public long uploadBandwidth() {
    return uploadBandwidth;
  }

  @Override
  public String toString() {
    return "SimulatorOptions[port=" + port + ", host=" + host
        + ", token=" + (token == null ? "any" : "****")
        + ", processingTime=" + processingTime.toMillis() + "ms, rules=" + rules.rules().size()
        + ", journalLimit=" + journalLimit + ", seed=" + seed + ", verbose=" + verbose
        + ", uploadBandwidth=" + uploadBandwidth + "]";
  }

  /** Builds {@link SimulatorOptions}. */
  public static final class Builder {
    private int port = 0;
    private String host = "127.0.0.1";
    private String token;
    private Duration processingTime = DEFAULT_PROCESSING_TIME;
    private ScoringRules rules = ScoringRules.defaults();
    private int journalLimit = DEFAULT_JOURNAL_LIMIT;
    private long seed = 42;
    private boolean verbose;
    private Duration syncWaitLimit = DEFAULT_SYNC_WAIT_LIMIT;
    private long uploadBandwidth;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("The port must be 0 (any free port) to 65535, not " + port + ".");
      }
      this.port = port;
      return this;
    }

    /** The address to bind; default 127.0.0.1. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Accept only this Bearer token (others get 401); null (the default) accepts any non-empty one. */
    public Builder token(String token) {
      if (token != null && token.isBlank()) {
        throw new IllegalArgumentException("The token must not be blank; pass null to accept any token.");
      }
      this.token = token;
      return this;
    }

    /** How long a file takes when no rule says otherwise; tests use a few milliseconds. */
    public Builder processingTime(Duration processingTime) {
      Objects.requireNonNull(processingTime, "processingTime");
      if (processingTime.isNegative()) {
        throw new IllegalArgumentException("The processing time cannot be negative.");
      }
      this.processingTime = processingTime;
      return this;
    }

    /** Scoring rules; default {@link ScoringRules#defaults()}. */
    public Builder rules(ScoringRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** Scoring rules from a JSON file (format in the README). */
    public Builder rulesFile(Path file) {
      return rules(ScoringRules.load(file));
    }

    /** How many requests WireMock's journal keeps (bodies of uploads are never kept). */
    public Builder journalLimit(int journalLimit) {
      if (journalLimit < 1) {
        throw new IllegalArgumentException("The journal limit must be at least 1, not " + journalLimit + ".");
      }
      this.journalLimit = journalLimit;
      return this;
    }

    /** Seed of the random draws of rate-based faults. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Print one line per API request (method, path, status; never headers or bodies) to stdout. */
    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    /** The longest {@code POST /detect} with {@code Prefer: wait} blocks before answering as it stands. */
    public Builder syncWaitLimit(Duration syncWaitLimit) {
      this.syncWaitLimit = Objects.requireNonNull(syncWaitLimit, "syncWaitLimit");
      return this;
    }

    /**
     * Limits how fast each connection may upload, in bytes per second (0, the default, for no
     * limit): the simulator reads every request body no faster, so a client sending several
     * batches at once over several connections gets that rate on each, like CI agents behind
     * their own uplinks.
     */
    public Builder uploadBandwidth(long bytesPerSecond) {
      if (bytesPerSecond < 0) {
        throw new IllegalArgumentException("The upload bandwidth must be 0 (no limit) or a"
            + " positive number of bytes per second, not " + bytesPerSecond + ".");
      }
      this.uploadBandwidth = bytesPerSecond;
      return this;
    }

    public SimulatorOptions build() {
      return new SimulatorOptions(this);
    }
  }
}
