package io.github.resemblegate.gate.settings;

import io.github.resemblegate.client.ResembleClient;

/**
 * The default of every setting, as a user would type it. The one place defaults are written:
 * {@link GateConfig.Builder} starts from them, and the front ends quote them where their framework
 * needs a constant (Maven's {@code @Parameter(defaultValue)}, Jenkins' field initializers), so
 * every front end has the same defaults.
 */
public final class Defaults {

  private Defaults() {}

  /** The includes when a front end gives none: every file, of which the media are checked. */
  public static final String INCLUDES = "**/*";
  public static final String EXCLUDES = "";
  public static final String DEFAULT_EXCLUDES = "true";
  public static final String ARCHIVES = "true";
  public static final String THRESHOLD = "0.5";
  public static final String ON_FLAGGED = "FAIL";
  public static final String ON_ERROR = "FAIL";
  public static final String ON_NO_SPEECH = "IGNORE";
  /** Fail closed: includes a user typed that match nothing are a mistake, not a pass. */
  public static final String ON_EMPTY = "FAIL";
  public static final String VIDEO_SCORING = "MAX_OF_TRACKS";
  public static final String MAX_FILES = "1000";
  /** No byte budget. */
  public static final String MAX_BYTES = "0";
  /** No budget of media minutes. */
  public static final String MAX_MEDIA_MINUTES = "0";
  public static final String TIMEOUT = "30m";
  public static final String FORMATS = "all";
  public static final String CACHE = "true";
  public static final String REFRESH = "false";
  public static final String DRY_RUN = "false";
  /** A compile-time constant, so reading it loads no HTTP client. */
  public static final String API_URL = ResembleClient.DEFAULT_BASE_URL;
  public static final String CONNECT_TIMEOUT = "10s";
  public static final String READ_TIMEOUT = "120s";
  public static final String REQUESTS_PER_SECOND = "40";
  public static final String RETRY_BUDGET = "2m";
  public static final String MAX_RETRIES = "5";
  public static final String CONCURRENCY = "4";
  public static final String INTAKE_MODE = "FILES";
  /** What a run without a token advises when the front end has no advice of its own. */
  public static final String TOKEN_ADVICE = "Set the RESEMBLE_API_KEY environment variable.";
  /** The API's limit: 50 files per batch. */
  public static final String MAX_FILES_PER_BATCH = "50";
  /** The API's limit: 500 MB per batch, read as 10^6 bytes. */
  public static final String MAX_BYTES_PER_BATCH = "500000000";
  public static final String POLL_INTERVAL = "2s";
  public static final String MAX_POLL_INTERVAL = "12s";
}
