package io.github.resemblegate.maven;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.client.ProxyConfig;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.Verdict;
import io.github.resemblegate.gate.VerdictStatus;
import io.github.resemblegate.report.ConsoleSummary;
import io.github.resemblegate.report.ReportFormat;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters both goals share and the run itself: resolve token and proxy, map the
 * parameters to the core's {@link GateConfig}, run the gate, print the summary, write the
 * reports, and let {@link ErrorPolicy} decide the build's fate. Subclasses only say what to scan.
 */
abstract class AbstractDetectMojo extends AbstractMojo {

  private final SettingsDecrypter decrypter;

  /** Looks up environment variables; tests replace it. */
  UnaryOperator<String> environment = System::getenv;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings settings;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  /** Skips the gate. */
  @Parameter(property = "resemble.skip", defaultValue = "false")
  boolean skip;

  /** Base URL of the Resemble API (the simulator's URL in tests and demos). */
  @Parameter(property = "resemble.apiUrl", defaultValue = "https://app.resemble.ai/api/v2")
  String apiUrl;

  /** The id of the settings.xml server whose password is the API token. */
  @Parameter(property = "resemble.serverId", defaultValue = "resemble")
  String serverId;

  /**
   * The API token written in the POM. Works, but logs a warning: it shows in mvn -X output and in
   * version control. Prefer the settings.xml server or RESEMBLE_API_KEY.
   */
  @Parameter
  String apiKey;

  /** The id of the settings.xml proxy to use; by default the active proxy for the API URL's scheme. */
  @Parameter(property = "resemble.proxyId")
  String proxyId;

  /**
   * Ant-style patterns of files to check, relative to the project folder (comma-separated as a
   * property). Default: the resource folders, src/main/media/** and target/classes/**. Only media
   * files (allowlisted extensions) are candidates.
   */
  @Parameter(property = "resemble.includes")
  List<String> includes;

  /** Ant-style patterns of files to leave out (comma-separated as a property). */
  @Parameter(property = "resemble.excludes")
  List<String> excludes;

  /** Also leaves out VCS folders and the reports folder. */
  @Parameter(property = "resemble.defaultExcludes", defaultValue = "true")
  boolean defaultExcludes;

  /** A file is flagged when its deepfake score is at or above this (0 to 1). */
  @Parameter(property = "resemble.threshold", defaultValue = "0.5")
  double threshold;

  /** Per-media-type thresholds: {@code <thresholds><audio>0.6</audio><image>0.8</image><video>0.7</video></thresholds>}. */
  @Parameter
  Thresholds thresholds;

  /** Optional lower bound of a warn band: scores at or above it (below the threshold) warn. */
  @Parameter(property = "resemble.warnThreshold")
  Double warnThreshold;

  /** What flagged files do to the build: FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onFlagged", defaultValue = "FAIL")
  String onFlagged;

  /** What API errors, failed or timed-out detections do to the build (and mvn -o): FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onError", defaultValue = "FAIL")
  String onError;

  /** What audio without speech (no score) does to the build: FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onNoSpeech", defaultValue = "IGNORE")
  String onNoSpeech;

  /** What a run that matched no media file does to the build: FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onEmpty", defaultValue = "WARN")
  String onEmpty;

  /** Which score judges a video: MAX_OF_TRACKS (visual or audio, the higher) or VISUAL_ONLY. */
  @Parameter(property = "resemble.videoScoring", defaultValue = "MAX_OF_TRACKS")
  String videoScoring;

  /** Files accepted on purpose: {@code <waiver><sha256/>|<path/><reason/><until/></waiver>}. */
  @Parameter
  List<WaiverParameter> waivers;

  /** A waiver file (YAML, or JSON by its {@code .json} name), read in addition to {@code <waivers>}. */
  @Parameter(property = "resemble.waivers")
  File waiversFile;

  /** Report formats, comma-separated: json, junit, sarif, html, md, or all. */
  @Parameter(property = "resemble.formats", defaultValue = "all")
  String formats;

  /** Scans and plans, prints what would be uploaded, and submits nothing (no token needed). */
  @Parameter(property = "resemble.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Budget guard: when more files need uploading, nothing is uploaded and the build fails (0 = no limit). */
  @Parameter(property = "resemble.maxFiles", defaultValue = "1000")
  int maxFiles;

  /** How long a run may wait for results (e.g. 90s, 30m); what is unfinished then is an error. */
  @Parameter(property = "resemble.timeout", defaultValue = "30m")
  String timeout;

  /** Where results are kept by content hash, shared by modules and builds; default ~/.resemble-gate/cache. */
  @Parameter(property = "resemble.cacheDirectory")
  File cacheDirectory;

  /** Ignores cached results and asks the API again (fresh results still refresh the cache). */
  @Parameter(property = "resemble.refresh", defaultValue = "false")
  boolean refresh;

  /** Batches uploaded at the same time. */
  @Parameter(property = "resemble.concurrency", defaultValue = "4")
  int concurrency;

  /** How a batch carries its files: FILES (one part each) or ZIP (one zip part). */
  @Parameter(property = "resemble.intakeMode", defaultValue = "FILES")
  String intakeMode;

  /** Files per batch, at most 50 (the API's limit). */
  @Parameter(property = "resemble.maxFilesPerBatch", defaultValue = "50")
  int maxFilesPerBatch;

  /** Bytes per batch, at most 500000000 (the API's limit). */
  @Parameter(property = "resemble.maxBytesPerBatch", defaultValue = "500000000")
  long maxBytesPerBatch;

  /** Time to open a connection to the API. */
  @Parameter(property = "resemble.connectTimeout", defaultValue = "10s")
  String connectTimeout;

  /** Time to wait for an answer to one request. */
  @Parameter(property = "resemble.readTimeout", defaultValue = "120s")
  String readTimeout;

  /**
   * How long the retries of one request may take in all (e.g. 20s, 2m); an unreachable API fails
   * the run after about this long.
   */
  @Parameter(property = "resemble.retryBudget", defaultValue = "2m")
  String retryBudget;

  /** Retries of one request after its first attempt; 0 turns retrying off. */
  @Parameter(property = "resemble.maxRetries", defaultValue = "5")
  int maxRetries;

  /** Request rate limit shared by all threads of a run. */
  @Parameter(property = "resemble.requestsPerSecond", defaultValue = "40")
  double requestsPerSecond;

  /** First wait between status polls; it grows up to maxPollInterval. */
  @Parameter(property = "resemble.pollInterval", defaultValue = "2s")
  String pollInterval;

  /** Longest wait between status polls. */
  @Parameter(property = "resemble.maxPollInterval", defaultValue = "12s")
  String maxPollInterval;

  /** Batch option callback_url: the API posts the batch there when it is finished. */
  @Parameter(property = "resemble.callbackUrl")
  String callbackUrl;

  /** Batch option intelligence: adds a multimodal intelligence report. */
  @Parameter(property = "resemble.intelligence")
  Boolean intelligence;

  /** Batch option search_identity (audio, video). */
  @Parameter(property = "resemble.searchIdentity")
  Boolean searchIdentity;

  /** Batch option visualize: heatmaps (the API's default is true). */
  @Parameter(property = "resemble.visualize")
  Boolean visualize;

  /** Batch option audio_source_tracing_enabled: names the generator of fake audio. */
  @Parameter(property = "resemble.audioSourceTracing")
  Boolean audioSourceTracing;

  /** Batch option frame_length: analysis window in seconds, 1 to 4 (audio, video). */
  @Parameter(property = "resemble.frameLength")
  Integer frameLength;

  /** Batch option start_region: seconds into the media where analysis starts. */
  @Parameter(property = "resemble.startRegion")
  Double startRegion;

  /** Batch option end_region: seconds into the media where analysis ends. */
  @Parameter(property = "resemble.endRegion")
  Double endRegion;

  /** Batch option max_video_secs: caps the analysed video length. */
  @Parameter(property = "resemble.maxVideoSecs")
  Double maxVideoSecs;

  /** Batch option use_llm: LLM-assisted video analysis. */
  @Parameter(property = "resemble.useLlm")
  Boolean useLlm;

  /** Batch option zero_retention_mode: Resemble deletes the media after analysis. */
  @Parameter(property = "resemble.zeroRetentionMode")
  Boolean zeroRetentionMode;

  AbstractDetectMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  /** What this goal scans. */
  abstract ScanScope scanScope() throws MojoExecutionException;

  /** Where this goal writes its reports and journal. */
  abstract File reportsDirectory();

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("Resemble Gate is skipped (resemble.skip).");
      return;
    }
    GateConfig config = gateConfig();
    Set<ReportFormat> reportFormats = reportFormats();
    if (session.isOffline()) {
      Plan plan = offlinePlan(config);
      // Not "nothing to upload": submissions resumed from the journal would still poll the API.
      int missing = plan.uniqueContents() - plan.cachedContents();
      if (missing > 0) {
        ErrorPolicy.offline(config.policy().onError(), missing, plan.uniqueContents(), log);
        return;
      }
      if (plan.uniqueContents() > 0) {
        log.info("Maven is offline (-o), but the cache answers every matched file: judging from the cache.");
      }
    }
    Verdict verdict;
    try {
      verdict = Gate.run(config, MavenGateListener.throttled(log, config.dryRun()));
    } catch (GateException e) {
      throw ErrorPolicy.configuration(e);
    }
    for (String line : ConsoleSummary.lines(verdict)) {
      boolean warning = line.startsWith("Notice: ")
          || line.startsWith("Verdict: ") && verdict.status() == VerdictStatus.UNSTABLE;
      if (warning) {
        log.warn(line);
      } else {
        log.info(line);
      }
    }
    writeReports(verdict, reportFormats, config.reportsDirectory());
    ErrorPolicy.apply(verdict, log);
  }

  /** The core's configuration for this execution; a wrong parameter throws with one sentence. */
  GateConfig gateConfig() throws MojoExecutionException {
    try {
      ApiUrl url = ApiUrl.parse(apiUrl);
      ApiToken token = new TokenResolver(decrypter, environment)
          .resolve(settings, serverId, apiKey, url, getLog());
      ProxyConfig proxy = new ProxyResolver(decrypter).resolve(settings, proxyId, url, getLog());
      return GateConfigMapper.map(this, scanScope(), token, proxy);
    } catch (GateException | IllegalArgumentException e) {
      throw ErrorPolicy.configuration(e);
    }
  }

  Set<ReportFormat> reportFormats() throws MojoExecutionException {
    try {
      return ReportFormat.parse(formats);
    } catch (IllegalArgumentException e) {
      throw ErrorPolicy.configuration(e);
    }
  }

  /**
   * Offline, a run may still go ahead when it needs no network: a dry run, or every matched
   * content already in the cache. A dry run of the plan tells, without calling the API.
   */
  private Plan offlinePlan(GateConfig config) throws MojoExecutionException {
    if (config.dryRun()) {
      return new Plan(0, 0, 0, 0, List.of(), List.of(), 0);
    }
    AtomicReference<Plan> plan = new AtomicReference<>();
    try {
      Gate.run(config.toBuilder().dryRun(true).build(), new GateListener() {
        @Override
        public void planned(Plan p) {
          plan.set(p);
        }
      });
    } catch (GateException e) {
      throw ErrorPolicy.configuration(e);
    }
    if (plan.get() == null) {
      throw new MojoExecutionException("The gate planned nothing for the offline check; run online.");
    }
    return plan.get();
  }

  private void writeReports(Verdict verdict, Set<ReportFormat> reportFormats, Path directory)
      throws MojoExecutionException {
    if (reportFormats.isEmpty()) {
      return;
    }
    try {
      List<Path> written = Reports.write(verdict, reportFormats, directory);
      for (Path file : written) {
        getLog().info("Report: " + file);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Could not write the reports to " + directory + ": "
          + e.getMessage(), e);
    }
  }
}
