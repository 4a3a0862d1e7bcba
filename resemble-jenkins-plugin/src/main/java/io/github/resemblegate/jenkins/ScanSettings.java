package io.github.resemblegate.jenkins;

import static io.github.resemblegate.gate.settings.Setting.*;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsException;
import io.github.resemblegate.gate.settings.SettingsReader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The step's settings as they travel to the agent: the user's words by setting name (the
 * catalogue's {@link Setting#id()}), plain strings only, so remoting's class filter accepts them.
 * The agent reads them with the core's {@link SettingsReader}, as the Maven goal does. Never holds
 * the token; {@code credentialsId} is only the name of the credential that holds it.
 */
final class ScanSettings implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The reports folder when the step names none, inside the workspace. */
  static final String DEFAULT_REPORTS_DIRECTORY = "resemble-reports";

  /** Printed only as "(set)": a callback URL may carry a secret of the user's. */
  private static final Set<String> NOT_PRINTED = Set.of(Setting.CALLBACK_URL.id());

  private final String credentialsId;
  private final TreeMap<String, String> words = new TreeMap<>();

  /**
   * The step's words: each field under its setting's name; an unticked detection option is not
   * sent, so the API's default applies.
   */
  static ScanSettings of(ResembleDetectBuilder s) {
    Map<Setting, Object> v = new EnumMap<>(Setting.class);
    v.put(INCLUDES, s.getIncludes());
    v.put(EXCLUDES, s.getExcludes());
    v.put(DEFAULT_EXCLUDES, s.isDefaultExcludes());
    v.put(THRESHOLD, s.getThreshold());
    v.put(AUDIO_THRESHOLD, s.getAudioThreshold());
    v.put(IMAGE_THRESHOLD, s.getImageThreshold());
    v.put(VIDEO_THRESHOLD, s.getVideoThreshold());
    v.put(WARN_THRESHOLD, s.getWarnThreshold());
    v.put(ON_FLAGGED, s.getOnFlagged());
    v.put(ON_ERROR, s.getOnError());
    v.put(ON_NO_SPEECH, s.getOnNoSpeech());
    v.put(ON_EMPTY, s.getOnEmpty());
    v.put(VIDEO_SCORING, s.getVideoScoring());
    v.put(WAIVERS_FILE, s.getWaiversFile());
    v.put(MAX_FILES, s.getMaxFiles());
    v.put(MAX_BYTES, s.getMaxBytes());
    v.put(MAX_MEDIA_MINUTES, s.getMaxMediaMinutes());
    v.put(TIMEOUT, s.getTimeout());
    v.put(DRY_RUN, s.isDryRun());
    v.put(SHARD, s.getShard());
    v.put(REPORTS_DIRECTORY, s.getReportsDirectory());
    v.put(FORMATS, s.getFormats());
    v.put(CACHE, s.isCache());
    v.put(CACHE_DIRECTORY, s.getCacheDirectory());
    v.put(REFRESH, s.isRefresh());
    v.put(API_URL, s.getApiUrl());
    v.put(CONNECT_TIMEOUT, s.getConnectTimeout());
    v.put(READ_TIMEOUT, s.getReadTimeout());
    v.put(REQUESTS_PER_SECOND, s.getRequestsPerSecond());
    v.put(RETRY_BUDGET, s.getRetryBudget());
    v.put(MAX_RETRIES, s.getMaxRetries());
    v.put(CONCURRENCY, s.getConcurrency());
    v.put(INTAKE_MODE, s.getIntakeMode());
    v.put(MAX_FILES_PER_BATCH, s.getMaxFilesPerBatch());
    v.put(MAX_BYTES_PER_BATCH, s.getMaxBytesPerBatch());
    v.put(POLL_INTERVAL, s.getPollInterval());
    v.put(MAX_POLL_INTERVAL, s.getMaxPollInterval());
    v.put(INTELLIGENCE, ticked(s.isIntelligence()));
    v.put(VISUALIZE, ticked(s.isVisualize()));
    v.put(FRAME_LENGTH, s.getFrameLength());
    v.put(START_REGION, s.getStartRegion());
    v.put(END_REGION, s.getEndRegion());
    v.put(MAX_VIDEO_SECS, s.getMaxVideoSecs());
    v.put(USE_LLM, ticked(s.isUseLlm()));
    v.put(ZERO_RETENTION_MODE, ticked(s.isZeroRetentionMode()));
    v.put(SEARCH_IDENTITY, ticked(s.isSearchIdentity()));
    v.put(AUDIO_SOURCE_TRACING, ticked(s.isAudioSourceTracing()));
    v.put(CALLBACK_URL, s.getCallbackUrl());
    return new ScanSettings(s.getCredentialsId(), v);
  }

  private static Boolean ticked(boolean box) {
    return box ? Boolean.TRUE : null;
  }

  /**
   * @param values the step's fields by setting, as the step holds them (strings, numbers,
   *     booleans); null or blank leaves a setting to its default, and is not sent
   */
  ScanSettings(String credentialsId, Map<Setting, ?> values) {
    this.credentialsId = Text.trim(credentialsId);
    values.forEach((setting, value) -> {
      String word = value == null ? null : value.toString().strip();
      if (!Text.isBlank(word)) {
        words.put(setting.id(), word);
      }
    });
  }

  String credentialsId() {
    return credentialsId;
  }

  /** The words sent, by setting name. */
  SortedMap<String, String> words() {
    return Collections.unmodifiableSortedMap(words);
  }

  /**
   * The gate configuration for a workspace, on the agent: includes are required, the reports go
   * into the workspace, and no path the user gives may leave it.
   *
   * @param token the API token, or null: the gate asks for one only when it must upload
   * @throws SettingsException with one sentence per setting to fix
   */
  GateConfig read(Path workspace, String token, ProxySettings proxy, Consumer<String> warn) {
    Path base = workspace.toAbsolutePath().normalize();
    SettingsReader reader = reader(base).token(token, Tokens.source(credentialsId),
        Tokens.ADVICE);
    if (proxy != null) {
      proxy.applyTo(reader);
    }
    RawSettings raw = new RawSettings();
    words.forEach((id, word) -> raw.set(Setting.byId(id).orElseThrow(), word));
    return reader.read(raw, warn);
  }

  /**
   * The reader with the step's own rules, for runs and for the form alike: includes must be
   * given, paths stay inside the workspace, and sentences name the step's fields.
   */
  static SettingsReader reader(Path workspace) {
    return SettingsReader.forBase(workspace)
        .defaultIncludes(null)
        .defaultReportsDirectory(workspace.resolve(DEFAULT_REPORTS_DIRECTORY))
        .userAgent("jenkins")
        .confineToBase("the workspace")
        .spelling(ScanSettings::fieldName);
  }

  /** The step's field for a setting: its catalogue name, but a Jenkins field holds no dot. */
  static String fieldName(Setting setting) {
    return switch (setting) {
      case AUDIO_THRESHOLD -> "audioThreshold";
      case IMAGE_THRESHOLD -> "imageThreshold";
      case VIDEO_THRESHOLD -> "videoThreshold";
      default -> setting.id();
    };
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ScanSettings[credentialsId=").append(credentialsId);
    words.forEach((id, word) -> s.append(", ").append(id).append('=')
        .append(NOT_PRINTED.contains(id) ? "(set)" : word));
    return s.append(']').toString();
  }
}
