package io.github.resemblegate.gate.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting a user can give, by the name they type it under in every front end (a POM
 * parameter, a Jenkins step field, a CLI option), with its default as they would type it (null:
 * none, or the front end's, as noted) and what it means. Front ends are held to this list by a
 * test: the same names, the same defaults. Where a front end cannot hold a name (a Jenkins field
 * has no dot in {@code thresholds.audio}) it spells it its own way, and
 * {@link SettingsReader#spelling} makes the sentences use that spelling.
 */
public enum Setting {
  INCLUDES("includes", null, "Ant-style patterns of the files to check, relative to the base"
      + " folder; the default is the front end's (Maven: the project's media folders)"),
  EXCLUDES("excludes", Defaults.EXCLUDES, "Ant-style patterns of files to leave out"),
  DEFAULT_EXCLUDES("defaultExcludes", Defaults.DEFAULT_EXCLUDES,
      "also leave out version control folders and editor junk"),
  ARCHIVES("archives", Defaults.ARCHIVES, "check the media inside matched zip archives, each"
      + " entry as bundle.zip!/vo/intro.wav; false lists such archives as SKIPPED"),

  THRESHOLD("threshold", Defaults.THRESHOLD,
      "a file is flagged when its deepfake score is at or above this (0 to 1)"),
  AUDIO_THRESHOLD("thresholds.audio", null, "the threshold for audio, instead of threshold"),
  IMAGE_THRESHOLD("thresholds.image", null, "the threshold for images, instead of threshold"),
  VIDEO_THRESHOLD("thresholds.video", null, "the threshold for video, instead of threshold"),
  WARN_THRESHOLD("warnThreshold", null,
      "scores at or above this, below the threshold, warn (the warn band)"),
  ON_FLAGGED("onFlagged", Defaults.ON_FLAGGED,
      "what flagged files do to the build: FAIL, WARN or IGNORE"),
  ON_ERROR("onError", Defaults.ON_ERROR, "what files the API could not judge (and offline builds)"
      + " do to the build: FAIL, WARN or IGNORE"),
  ON_NO_SPEECH("onNoSpeech", Defaults.ON_NO_SPEECH,
      "what audio without speech does to the build: FAIL, WARN or IGNORE"),
  ON_EMPTY("onEmpty", Defaults.ON_EMPTY,
      "what a run whose includes matched no media file, or none it could check (all empty or"
          + " unreadable), does to the build: FAIL, WARN or IGNORE; when the includes are the"
          + " front end's defaults and find no media file, the run passes quietly"),
  VIDEO_SCORING("videoScoring", Defaults.VIDEO_SCORING,
      "which score judges a video: MAX_OF_TRACKS (the higher of picture and sound) or"
      + " VISUAL_ONLY"),
  WAIVERS_FILE("waiversFile", null,
      "a waiver file (YAML, or JSON by its .json name) of files accepted on purpose"),

  MAX_FILES("maxFiles", Defaults.MAX_FILES,
      "budget: when more files need uploading, nothing is uploaded and the run fails (0 = no"
      + " limit)"),
  MAX_BYTES("maxBytes", Defaults.MAX_BYTES,
      "budget: when more bytes need uploading, nothing is uploaded and the run fails (0 = no"
      + " limit)"),
  MAX_MEDIA_MINUTES("maxMediaMinutes", Defaults.MAX_MEDIA_MINUTES,
      "budget: when more minutes of audio and video need uploading, or a file's playing time"
      + " cannot be read from its header, nothing is uploaded and the run fails (0 = no limit)"),
  TIMEOUT("timeout", Defaults.TIMEOUT,
      "how long a run may submit and wait (500ms, 90s, 30m, 1h); what is unfinished then is an"
      + " error"),
  DRY_RUN("dryRun", Defaults.DRY_RUN, "scan and plan, say what would be uploaded, submit nothing"),
  SHARD("shard", null, "check only part i of n of the matched files (2/4), split by file size so"
      + " that equal content stays in one part; merge joins the parts' reports"),

  REPORTS_DIRECTORY("reportsDirectory", null,
      "where the reports and the journal go; the default is the front end's"),
  FORMATS("formats", Defaults.FORMATS,
      "report formats, comma-separated: json, junit, sarif, html, md, codequality; all; or none"),
  CACHE("cache", Defaults.CACHE, "reuse earlier results for unchanged files"),
  CACHE_DIRECTORY("cacheDirectory", null,
      "where results are kept by content hash (default ~/.resemble-gate/cache)"),
  REFRESH("refresh", Defaults.REFRESH,
      "ask the API again even for cached files (fresh results still refresh the cache)"),

  API_URL("apiUrl", Defaults.API_URL, "base URL of the Resemble API (the simulator's in tests)"),
  CONNECT_TIMEOUT("connectTimeout", Defaults.CONNECT_TIMEOUT, "time to open a connection"),
  READ_TIMEOUT("readTimeout", Defaults.READ_TIMEOUT, "time to wait for one answer"),
  REQUESTS_PER_SECOND("requestsPerSecond", Defaults.REQUESTS_PER_SECOND,
      "request rate limit of a run (the API allows 40 per second per token)"),
  RETRY_BUDGET("retryBudget", Defaults.RETRY_BUDGET,
      "how long the retries of one request may take in all"),
  MAX_RETRIES("maxRetries", Defaults.MAX_RETRIES,
      "retries of one request after its first attempt; 0 turns retrying off"),
  CONCURRENCY("concurrency", Defaults.CONCURRENCY, "batches uploaded at the same time"),
  INTAKE_MODE("intakeMode", Defaults.INTAKE_MODE,
      "how a batch carries its files: FILES (one part each) or ZIP (one zip part)"),
  MAX_FILES_PER_BATCH("maxFilesPerBatch", Defaults.MAX_FILES_PER_BATCH,
      "files per batch, at most 50 (the API's limit)"),
  MAX_BYTES_PER_BATCH("maxBytesPerBatch", Defaults.MAX_BYTES_PER_BATCH,
      "bytes per batch, at most 500000000 (the API's limit)"),
  POLL_INTERVAL("pollInterval", Defaults.POLL_INTERVAL,
      "first wait between status polls; it grows up to maxPollInterval"),
  MAX_POLL_INTERVAL("maxPollInterval", Defaults.MAX_POLL_INTERVAL,
      "longest wait between status polls"),

  CALLBACK_URL("callbackUrl", null,
      "detection option callback_url: the API posts the batch there when it is finished"),
  INTELLIGENCE("intelligence", null, "detection option intelligence: describe what the media holds"),
  SEARCH_IDENTITY("searchIdentity", null,
      "detection option search_identity: look for known voice identities (audio, video)"),
  VISUALIZE("visualize", null, "detection option visualize: heat maps (the API's default is true)"),
  AUDIO_SOURCE_TRACING("audioSourceTracing", null,
      "detection option audio_source_tracing_enabled: name the generator of synthetic audio"),
  FRAME_LENGTH("frameLength", null,
      "detection option frame_length: analysis window in seconds, 1 to 4 (audio, video)"),
  START_REGION("startRegion", null,
      "detection option start_region: seconds into the media where analysis starts"),
  END_REGION("endRegion", null,
      "detection option end_region: seconds into the media where analysis ends"),
  MAX_VIDEO_SECS("maxVideoSecs", null,
      "detection option max_video_secs: the longest stretch of video analysed"),
  USE_LLM("useLlm", null, "detection option use_llm: language-model assisted video analysis"),
  ZERO_RETENTION_MODE("zeroRetentionMode", null,
      "detection option zero_retention_mode: Resemble deletes the media after analysis"),

  MODEL_TYPES("modelTypes", null, "single-file option model_types, for video sent on its own:"
      + " image, or talking_head for face swaps"),
  USE_REVERSE_SEARCH("useReverseSearch", null,
      "single-file option use_reverse_search: look for an image's sources on the web"),
  USE_OOD_DETECTOR("useOodDetector", null,
      "single-file option use_ood_detector: flag media unlike what the model was trained on"),
  MAX_VIDEO_FPS("maxVideoFps", null,
      "single-file option max_video_fps: the most video frames per second analysed");

  private final String id;
  private final String defaultWord;
  private final String description;

  Setting(String id, String defaultWord, String description) {
    this.id = id;
    this.defaultWord = defaultWord;
    this.description = description;
  }

  /** The name users type, the same in every front end. */
  public String id() {
    return id;
  }

  /** The default as a user would type it; null when there is none or the front end gives it. */
  public String defaultWord() {
    return defaultWord;
  }

  /** What the setting means, in a line. */
  public String description() {
    return description;
  }

  /** The setting a user's name stands for. */
  public static Optional<Setting> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
