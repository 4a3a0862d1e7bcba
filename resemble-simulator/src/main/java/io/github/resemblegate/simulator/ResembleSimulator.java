package io.github.resemblegate.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A stand-in for the Resemble Detect API on loopback, built on WireMock: stateful batches that
 * finish as time passes, deterministic scores from {@link ScoringRules}, and injectable {@link
 * Fault}s. Start one with {@link #start(SimulatorOptions)}, point the client at {@link #baseUrl()},
 * and close it when done.
 *
 * <pre>{@code
 * try (ResembleSimulator sim = ResembleSimulator.start(
 *     SimulatorOptions.builder().processingTime(Duration.ofMillis(20)).build())) {
 *   client = ResembleClient.builder().baseUrl(sim.baseUrl()).token(...).build();
 *   sim.faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).on(Endpoint.GET_BATCH));
 *   ...
 *   assertThat(sim.counters().batchesCreated()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Upload bodies are streamed, never kept: heap use does not grow with upload size.
 */
public final class ResembleSimulator implements AutoCloseable {
  private final SimulatorOptions options;
  private final WireMockServer server;
  private final DetectStore store;
  private final Faults faults;
  private final CounterRecorder counters;
  private final UploadRegistry uploads;
  private final Callbacks callbacks;
  private volatile ScoringRules rules;
  private volatile Duration processingTime;

  private ResembleSimulator(SimulatorOptions options) {
    this.options = options;
    this.rules = options.rules();
    this.processingTime = options.processingTime();
    this.store = new DetectStore();
    this.faults = new Faults(options.seed());
    this.counters = new CounterRecorder(System::nanoTime);
    this.uploads = new UploadRegistry();
    this.callbacks = new Callbacks(Clock.systemUTC());
    DetectApi api = new DetectApi(store, counters, () -> rules, () -> processingTime,
        options.syncWaitLimit(), Clock.systemUTC(), callbacks);
    ApiTransformer transformer = new ApiTransformer(uploads, counters, faults, api, options.token(),
        options.verbose() ? line -> System.out.println("[resemble-simulator] " + line) : null);

    WireMockConfiguration config = WireMockConfiguration.options()
        .bindAddress(options.host())
        .httpServerFactory(new SimulatorServerFactory(uploads, options.uploadBandwidth()))
        .extensions(transformer, new AdminRoutes(this))
        .mappingSource(new NoMappings())
        // A directory that does not exist: nothing on disk is ever served or loaded.
        .fileSource(new SingleRootFileSource("resemble-simulator-has-no-files"))
        // WireMock's own request log prints headers, the API token among them; the verbose log is
        // the transformer's one line per request instead.
        .notifier(new QuietNotifier())
        .stubRequestLoggingDisabled(true)
        .maxRequestJournalEntries(options.journalLimit())
        .maxLoggedResponseSize(64 * 1024)
        .templatingEnabled(false)
        .disableOptimizeXmlFactoriesLoading(true)
        // HTTP/1.1 only: the JDK client's h2c upgrade and WireMock's reset fault both need it.
        .http2PlainDisabled(true)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(4)
        .jettyStopTimeout(0L);
    config = options.port() == 0 ? config.dynamicPort() : config.port(options.port());
    this.server = new WireMockServer(config);
  }

  /** Starts a simulator; fails with one sentence when the port is taken. */
  public static ResembleSimulator start(SimulatorOptions options) {
    Objects.requireNonNull(options, "options");
    ResembleSimulator simulator = new ResembleSimulator(options);
    try {
      simulator.server.start();
    } catch (RuntimeException e) {
      simulator.server.stop();
      if (hasCause(e, BindException.class)) {
        throw new IllegalStateException("Port " + options.port() + " on " + options.host()
            + " is already in use; choose another port, or 0 for any free one.", e);
      }
      throw e;
    }
    simulator.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(ApiTransformer.NAME)));
    return simulator;
  }

  /** Starts a simulator with {@link SimulatorOptions#defaults()}. */
  public static ResembleSimulator start() {
    return start(SimulatorOptions.defaults());
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The API base URL, {@code http://127.0.0.1:<port>/api/v2}, to give the client. */
  public String baseUrl() {
    String host = options.host();
    if ("0.0.0.0".equals(host)) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port() + ApiTransformer.API_PREFIX;
  }

  /** The options it was started with. */
  public SimulatorOptions options() {
    return options;
  }

  /** The faults to inject; cleared by {@link #reset()}. */
  public Faults faults() {
    return faults;
  }

  /** What arrived since start or the last {@link #reset()}. */
  public Counters counters() {
    return counters.snapshot();
  }

  /** Batches created, oldest first. */
  public List<ReceivedBatch> batches() {
    return store.receivedBatches();
  }

  /** Detects created, batch children included, oldest first. */
  public List<ReceivedDetect> detects() {
    return store.receivedDetects();
  }

  /**
   * The {@code callback_url}s called so far, oldest first: a batch's when it reached a terminal
   * status, a single detect's when it finished.
   */
  public List<SentCallback> callbacks() {
    return callbacks.sent();
  }

  /** Replaces the scoring rules for files submitted from now on, until {@link #reset()}. */
  public void rules(ScoringRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** Replaces the default processing time for files submitted from now on, until {@link #reset()}. */
  public void processingTime(Duration processingTime) {
    Objects.requireNonNull(processingTime, "processingTime");
    if (processingTime.isNegative()) {
      throw new IllegalArgumentException("The processing time cannot be negative.");
    }
    this.processingTime = processingTime;
  }

  /**
   * Forgets everything since start: batches, detects and secure uploads; armed faults (and the
   * random sequence of rate-based ones); callbacks sent and pending; counters; WireMock's request
   * journal; and rules or processing time changed at run time.
   */
  public void reset() {
    store.clear();
    callbacks.clear();
    faults.clear();
    counters.clear();
    rules = options.rules();
    processingTime = options.processingTime();
    server.resetRequests();
  }

  /**
   * The underlying WireMock server, for its request journal ({@code getAllServeEvents()}, {@code
   * findAll(...)}) and admin API at {@code /__admin}. Journaled uploads have their file content
   * removed; their headers, field values and part names remain.
   */
  public WireMockServer wireMock() {
    return server;
  }

  /** Streamed uploads not yet taken by the request they belong to (zero between requests). */
  int pendingUploads() {
    return uploads.size();
  }

  /** Whether it is still serving. */
  public boolean isRunning() {
    return server.isRunning();
  }

  /** Stops serving; safe to call twice. */
  @Override
  public void close() {
    callbacks.close();
    if (server.isRunning()) {
      server.stop();
    }
  }

  @Override
  public String toString() {
    return "ResembleSimulator[" + (isRunning() ? baseUrl() : "stopped") + "]";
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
