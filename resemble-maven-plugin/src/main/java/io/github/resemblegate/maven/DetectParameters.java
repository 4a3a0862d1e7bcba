package io.github.resemblegate.maven;

import io.github.resemblegate.gate.settings.Defaults;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import java.io.File;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The user parameters both goals share, as the words the POM or the command line gave. Each gate
 * parameter is named after the {@link Setting} it is and has its default from {@link Defaults};
 * it is a {@code String} (a {@code List} or a {@code File} where Maven's own reading helps), so
 * that a wrong value gets the settings reader's sentence rather than Maven's conversion error.
 * The Maven-only ones come first: skip, and where the token and the proxy come from.
 */
abstract class DetectParameters extends AbstractMojo {

  /** Skips the gate. */
  @Parameter(property = "resemble.skip", defaultValue = "false")
  boolean skip;

  /** The id of the settings.xml server whose password is the API token. */
  @Parameter(property = "resemble.serverId", defaultValue = "resemble")
  String serverId;

  /**
   * The API token written in the POM. Works, but logs a warning: it shows in mvn -X output and in
   * version control. Prefer the settings.xml server or RESEMBLE_API_KEY. No user property, on
   * purpose: a token typed after -D stays in shell history and process lists.
   */
  @Parameter
  String apiKey;

  /** The id of the settings.xml proxy to use; by default the active proxy for the API URL's scheme. */
  @Parameter(property = "resemble.proxyId")
  String proxyId;

  // The gate's settings, each named after its Setting.

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

  /**
   * Also leaves out Maven's default excludes and the junk OSes and editors leave beside media
   * (Thumbs.db, desktop.ini, *.swp, *.swo); the reports and cache folders are left out either way.
   */
  @Parameter(property = "resemble.defaultExcludes", defaultValue = Defaults.DEFAULT_EXCLUDES)
  String defaultExcludes;

  /**
   * Checks the media inside matched zip archives, each entry as {@code bundle.zip!/vo/intro.wav};
   * false lists an archive holding media as SKIPPED.
   */
  @Parameter(property = "resemble.archives", defaultValue = Defaults.ARCHIVES)
  String archives;

  /** A file is flagged when its deepfake score is at or above this (0 to 1). */
  @Parameter(property = "resemble.threshold", defaultValue = Defaults.THRESHOLD)
  String threshold;

  /**
   * Per-media-type thresholds: {@code <thresholds><audio>0.6</audio><image>0.8</image><video>0.7</video></thresholds>};
   * a type left out uses threshold. As properties: resemble.thresholds.audio, .image and .video.
   */
  @Parameter
  Thresholds thresholds;

  /** Optional lower bound of a warn band: scores at or above it (below the threshold) warn. */
  @Parameter(property = "resemble.warnThreshold")
  String warnThreshold;

  /** What flagged files do to the build: FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onFlagged", defaultValue = Defaults.ON_FLAGGED)
  String onFlagged;

  /** What API errors, failed or timed-out detections do to the build (and mvn -o): FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onError", defaultValue = Defaults.ON_ERROR)
  String onError;

  /** What audio without speech (no score) does to the build: FAIL, WARN or IGNORE. */
  @Parameter(property = "resemble.onNoSpeech", defaultValue = Defaults.ON_NO_SPEECH)
  String onNoSpeech;

  /**
   * What a run that matched no media file, or none it could check (all empty or unreadable), does
   * to the build: FAIL, WARN or IGNORE.
   */
  @Parameter(property = "resemble.onEmpty", defaultValue = Defaults.ON_EMPTY)
  String onEmpty;

  /** Which score judges a video: MAX_OF_TRACKS (visual or audio, the higher) or VISUAL_ONLY. */
  @Parameter(property = "resemble.videoScoring", defaultValue = Defaults.VIDEO_SCORING)
  String videoScoring;

  /**
   * Files accepted on purpose: {@code <waiver><sha256/>|<path/><reason/><until/></waiver>}. No
   * user property: a list of elements has none; -Dresemble.waivers names a waiver file instead.
   */
  @Parameter
  List<WaiverParameter> waivers;

  /** A waiver file (YAML, or JSON by its {@code .json} name), read in addition to {@code <waivers>}. */
  @Parameter(property = "resemble.waivers")
  File waiversFile;

  /**
   * Report formats, comma-separated: json, junit, sarif, html, md, codequality; all; or none
   * (console only).
   */
  @Parameter(property = "resemble.formats", defaultValue = Defaults.FORMATS)
  String formats;

  /** Scans and plans, prints what would be uploaded, and submits nothing (no token needed). */
  @Parameter(property = "resemble.dryRun", defaultValue = Defaults.DRY_RUN)
  String dryRun;

  /**
   * Checks only part i of n of the matched files (e.g. 2/4), split by file size so that copies of
   * one content stay in one part; the merge goal joins the parts' reports into one verdict.
   */
  @Parameter(property = "resemble.shard")
  String shard;

  /** Budget guard: when more files need uploading, nothing is uploaded and the build fails (0 = no limit). */
  @Parameter(property = "resemble.maxFiles", defaultValue = Defaults.MAX_FILES)
  String maxFiles;

  /** Budget guard: when more bytes need uploading, nothing is uploaded and the build fails (0 = no limit). */
  @Parameter(property = "resemble.maxBytes", defaultValue = Defaults.MAX_BYTES)
  String maxBytes;

  /**
   * Budget guard: when more minutes of audio and video need uploading, or a file's playing time is
   * not in its header, nothing is uploaded and the build fails (0 = no limit).
   */
  @Parameter(property = "resemble.maxMediaMinutes", defaultValue = Defaults.MAX_MEDIA_MINUTES)
  String maxMediaMinutes;

  /** How long a run may wait for results (e.g. 90s, 30m); what is unfinished then is an error. */
  @Parameter(property = "resemble.timeout", defaultValue = Defaults.TIMEOUT)
  String timeout;

  /**
   * Reuses the results kept by content hash for unchanged files; false neither reads nor writes
   * the cache, so every matched file is uploaded.
   */
  @Parameter(property = "resemble.cache", defaultValue = Defaults.CACHE)
  String cache;

  /** Where results are kept by content hash, shared by modules and builds; default ~/.resemble-gate/cache. */
  @Parameter(property = "resemble.cacheDirectory")
  File cacheDirectory;

  /** Ignores cached results and asks the API again (fresh results still refresh the cache). */
  @Parameter(property = "resemble.refresh", defaultValue = Defaults.REFRESH)
  String refresh;

  /** Base URL of the Resemble API (the simulator's URL in tests and demos). */
  @Parameter(property = "resemble.apiUrl", defaultValue = Defaults.API_URL)
  String apiUrl;

  /** Batches uploaded at the same time. */
  @Parameter(property = "resemble.concurrency", defaultValue = Defaults.CONCURRENCY)
  String concurrency;

  /** How a batch carries its files: FILES (one part each) or ZIP (one zip part). */
  @Parameter(property = "resemble.intakeMode", defaultValue = Defaults.INTAKE_MODE)
  String intakeMode;

  /** Files per batch, at most 50 (the API's limit). */
  @Parameter(property = "resemble.maxFilesPerBatch", defaultValue = Defaults.MAX_FILES_PER_BATCH)
  String maxFilesPerBatch;

  /** Bytes per batch, at most 500000000 (the API's limit). */
  @Parameter(property = "resemble.maxBytesPerBatch", defaultValue = Defaults.MAX_BYTES_PER_BATCH)
  String maxBytesPerBatch;

  /** Time to open a connection to the API. */
  @Parameter(property = "resemble.connectTimeout", defaultValue = Defaults.CONNECT_TIMEOUT)
  String connectTimeout;

  /** Time to wait for an answer to one request. */
  @Parameter(property = "resemble.readTimeout", defaultValue = Defaults.READ_TIMEOUT)
  String readTimeout;

  /**
   * How long the retries of one request may take in all (e.g. 20s, 2m); an unreachable API fails
   * the run after about this long.
   */
  @Parameter(property = "resemble.retryBudget", defaultValue = Defaults.RETRY_BUDGET)
  String retryBudget;

  /** Retries of one request after its first attempt; 0 turns retrying off. */
  @Parameter(property = "resemble.maxRetries", defaultValue = Defaults.MAX_RETRIES)
  String maxRetries;

  /** Request rate limit shared by all threads of a run. */
  @Parameter(property = "resemble.requestsPerSecond", defaultValue = Defaults.REQUESTS_PER_SECOND)
  String requestsPerSecond;

  /** First wait between status polls; it grows up to maxPollInterval. */
  @Parameter(property = "resemble.pollInterval", defaultValue = Defaults.POLL_INTERVAL)
  String pollInterval;

  /** Longest wait between status polls. */
  @Parameter(property = "resemble.maxPollInterval", defaultValue = Defaults.MAX_POLL_INTERVAL)
  String maxPollInterval;

  /** Batch option callback_url: the API posts the batch there when it is finished. */
  @Parameter(property = "resemble.callbackUrl")
  String callbackUrl;

  /** Batch option intelligence: adds a multimodal intelligence report. */
  @Parameter(property = "resemble.intelligence")
  String intelligence;

  /** Batch option search_identity (audio, video). */
  @Parameter(property = "resemble.searchIdentity")
  String searchIdentity;

  /** Batch option visualize: heatmaps (the API's default is true). */
  @Parameter(property = "resemble.visualize")
  String visualize;

  /** Batch option audio_source_tracing_enabled: names the generator of fake audio. */
  @Parameter(property = "resemble.audioSourceTracing")
  String audioSourceTracing;

  /** Batch option frame_length: analysis window in seconds, 1 to 4 (audio, video). */
  @Parameter(property = "resemble.frameLength")
  String frameLength;

  /** Batch option start_region: seconds into the media where analysis starts. */
  @Parameter(property = "resemble.startRegion")
  String startRegion;

  /** Batch option end_region: seconds into the media where analysis ends. */
  @Parameter(property = "resemble.endRegion")
  String endRegion;

  /** Batch option max_video_secs: caps the analysed video length. */
  @Parameter(property = "resemble.maxVideoSecs")
  String maxVideoSecs;

  /** Batch option use_llm: LLM-assisted video analysis. */
  @Parameter(property = "resemble.useLlm")
  String useLlm;

  /** Batch option zero_retention_mode: Resemble deletes the media after analysis. */
  @Parameter(property = "resemble.zeroRetentionMode")
  String zeroRetentionMode;

  /** Single-file option model_types, for video sent on its own: image, or talking_head. */
  @Parameter(property = "resemble.modelTypes")
  String modelTypes;

  /** Single-file option use_reverse_search: look for an image's sources on the web. */
  @Parameter(property = "resemble.useReverseSearch")
  String useReverseSearch;

  /** Single-file option use_ood_detector: flag media unlike what the model was trained on. */
  @Parameter(property = "resemble.useOodDetector")
  String useOodDetector;

  /** Single-file option max_video_fps: the most video frames per second analysed. */
  @Parameter(property = "resemble.maxVideoFps")
  String maxVideoFps;

  /** Where this goal writes its reports and journal. */
  abstract File reportsDirectory();

  /**
   * The user's words, by the setting each parameter is named after; the includes and excludes as
   * the goal re-rooted them in {@code scope}; {@code property} finds the per-type thresholds'
   * properties, which Maven cannot bind to the nested parameter.
   */
  RawSettings rawSettings(ScanScope scope, UnaryOperator<String> property) {
    RawSettings raw = new RawSettings()
        .set(Setting.INCLUDES, scope.includes())
        .set(Setting.EXCLUDES, scope.excludes())
        .set(Setting.DEFAULT_EXCLUDES, defaultExcludes)
        .set(Setting.ARCHIVES, archives)
        .set(Setting.THRESHOLD, threshold)
        .set(Setting.WARN_THRESHOLD, warnThreshold)
        .set(Setting.ON_FLAGGED, onFlagged)
        .set(Setting.ON_ERROR, onError)
        .set(Setting.ON_NO_SPEECH, onNoSpeech)
        .set(Setting.ON_EMPTY, onEmpty)
        .set(Setting.VIDEO_SCORING, videoScoring)
        .set(Setting.WAIVERS_FILE, waiversFile)
        .set(Setting.MAX_FILES, maxFiles)
        .set(Setting.MAX_BYTES, maxBytes)
        .set(Setting.MAX_MEDIA_MINUTES, maxMediaMinutes)
        .set(Setting.TIMEOUT, timeout)
        .set(Setting.DRY_RUN, dryRun)
        .set(Setting.SHARD, shard)
        .set(Setting.REPORTS_DIRECTORY, reportsDirectory())
        .set(Setting.FORMATS, formats)
        .set(Setting.CACHE, cache)
        .set(Setting.CACHE_DIRECTORY, cacheDirectory)
        .set(Setting.REFRESH, refresh)
        .set(Setting.API_URL, apiUrl)
        .set(Setting.CONNECT_TIMEOUT, connectTimeout)
        .set(Setting.READ_TIMEOUT, readTimeout)
        .set(Setting.REQUESTS_PER_SECOND, requestsPerSecond)
        .set(Setting.RETRY_BUDGET, retryBudget)
        .set(Setting.MAX_RETRIES, maxRetries)
        .set(Setting.CONCURRENCY, concurrency)
        .set(Setting.INTAKE_MODE, intakeMode)
        .set(Setting.MAX_FILES_PER_BATCH, maxFilesPerBatch)
        .set(Setting.MAX_BYTES_PER_BATCH, maxBytesPerBatch)
        .set(Setting.POLL_INTERVAL, pollInterval)
        .set(Setting.MAX_POLL_INTERVAL, maxPollInterval)
        .set(Setting.CALLBACK_URL, callbackUrl)
        .set(Setting.INTELLIGENCE, intelligence)
        .set(Setting.SEARCH_IDENTITY, searchIdentity)
        .set(Setting.VISUALIZE, visualize)
        .set(Setting.AUDIO_SOURCE_TRACING, audioSourceTracing)
        .set(Setting.FRAME_LENGTH, frameLength)
        .set(Setting.START_REGION, startRegion)
        .set(Setting.END_REGION, endRegion)
        .set(Setting.MAX_VIDEO_SECS, maxVideoSecs)
        .set(Setting.USE_LLM, useLlm)
        .set(Setting.ZERO_RETENTION_MODE, zeroRetentionMode)
        .set(Setting.MODEL_TYPES, modelTypes)
        .set(Setting.USE_REVERSE_SEARCH, useReverseSearch)
        .set(Setting.USE_OOD_DETECTOR, useOodDetector)
        .set(Setting.MAX_VIDEO_FPS, maxVideoFps);
    (thresholds != null ? thresholds : new Thresholds()).addTo(raw, property);
    if (waivers != null) {
      waivers.forEach(w -> w.addTo(raw));
    }
    return raw;
  }
}
