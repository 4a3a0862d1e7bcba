package io.github.resemblegate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.settings.Setting;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Checks media files in the workspace with the Resemble AI Detect API and marks the build
 * UNSTABLE or FAILURE when a file looks synthetic: the freestyle build step and its form. In
 * Pipeline, {@code resembleDetect} is {@link ResembleDetectStep}, with the same settings.
 *
 * <p>Its fields are the settings catalogue's ({@link Setting}) under the same names, except that
 * a field name cannot hold the catalogue's dot ({@code audioThreshold} for
 * {@code thresholds.audio}); {@code credentialsId} is Jenkins' own. Every field may be null or
 * blank, which means the default: the core's settings reader on the agent applies the defaults
 * and judges every word, so a field holds the user's words as typed and nothing else.
 */
public class ResembleDetectBuilder extends Builder implements SimpleBuildStep {

  private final String includes;
  private String excludes;
  private Boolean defaultExcludes;
  private Boolean archives;
  private String credentialsId;
  private Double threshold;
  private Double audioThreshold;
  private Double imageThreshold;
  private Double videoThreshold;
  private Double warnThreshold;
  private String onFlagged;
  private String onError;
  private String onNoSpeech;
  private String onEmpty;
  private String videoScoring;
  private String waiversFile;
  private Integer maxFiles;
  /** Text, not a number field: a byte budget may pass what an int holds. */
  private String maxBytes;
  private Integer maxMediaMinutes;
  private String timeout;
  private Boolean dryRun;
  private String shard;
  private String reportsDirectory;
  private String formats;
  private Boolean cache;
  private String cacheDirectory;
  private Boolean refresh;
  private String apiUrl;
  private String connectTimeout;
  private String readTimeout;
  private Double requestsPerSecond;
  private String retryBudget;
  private Integer maxRetries;
  private Integer concurrency;
  private String intakeMode;
  private Integer maxFilesPerBatch;
  private Integer maxBytesPerBatch;
  private String pollInterval;
  private String maxPollInterval;
  private Boolean intelligence;
  private Boolean visualize;
  private Integer frameLength;
  private Double startRegion;
  private Double endRegion;
  private Double maxVideoSecs;
  private Boolean useLlm;
  private Boolean zeroRetentionMode;
  private Boolean searchIdentity;
  private Boolean audioSourceTracing;
  private String callbackUrl;
  private String modelTypes;
  private Boolean useReverseSearch;
  private Boolean useOodDetector;
  private Double maxVideoFps;

  // Saved by earlier versions under their old names. Transient: XStream still reads them from a
  // saved job, readResolve moves them to the new fields, and they are never written again.
  @Deprecated private transient Integer timeoutMinutes;
  @Deprecated private transient Integer retryBudgetSeconds;
  @Deprecated private transient String reportsDir;
  @Deprecated private transient String cacheDir;
  @Deprecated private transient String waivers;

  /** @param includes Ant-style patterns, comma- or newline-separated, relative to the workspace */
  @DataBoundConstructor
  public ResembleDetectBuilder(String includes) {
    this.includes = Text.blankToNull(includes);
  }

  @Override
  public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
      @NonNull Launcher launcher, @NonNull TaskListener listener)
      throws InterruptedException, IOException {
    DetectRun.judge(new DetectRun(RealGate.INSTANCE).scan(StepWords.of(this), run, workspace,
        env, listener), run);
  }

  @Override
  public BuildStepMonitor getRequiredMonitorService() {
    return BuildStepMonitor.NONE;
  }

  /**
   * After XStream loads a saved job: moves the old names' values to the new fields, writes
   * reactions as the catalogue does (FAILURE and UNSTABLE become FAIL and WARN), and forgets
   * blank words, which older versions saved for "the default".
   */
  protected Object readResolve() {
    timeout = Text.firstGiven(timeout, LegacyWords.minutes(timeoutMinutes));
    retryBudget = Text.firstGiven(retryBudget, LegacyWords.seconds(retryBudgetSeconds));
    reportsDirectory = Text.firstGiven(reportsDirectory, reportsDir);
    cacheDirectory = Text.firstGiven(cacheDirectory, cacheDir);
    waiversFile = Text.firstGiven(waiversFile, waivers);
    timeoutMinutes = null;
    retryBudgetSeconds = null;
    reportsDir = null;
    cacheDir = null;
    waivers = null;
    onFlagged = LegacyWords.reaction(onFlagged);
    onError = LegacyWords.reaction(onError);
    onNoSpeech = LegacyWords.reaction(onNoSpeech);
    onEmpty = LegacyWords.reaction(onEmpty);
    excludes = Text.blankToNull(excludes);
    credentialsId = Text.blankToNull(credentialsId);
    videoScoring = Text.blankToNull(videoScoring);
    formats = Text.blankToNull(formats);
    shard = Text.blankToNull(shard);
    apiUrl = Text.blankToNull(apiUrl);
    connectTimeout = Text.blankToNull(connectTimeout);
    readTimeout = Text.blankToNull(readTimeout);
    intakeMode = Text.blankToNull(intakeMode);
    pollInterval = Text.blankToNull(pollInterval);
    maxPollInterval = Text.blankToNull(maxPollInterval);
    callbackUrl = Text.blankToNull(callbackUrl);
    modelTypes = Text.blankToNull(modelTypes);
    return this;
  }

  public String getIncludes() { return includes; }
  public String getExcludes() { return excludes; }
  public Boolean getDefaultExcludes() { return defaultExcludes; }
  public Boolean getArchives() { return archives; }
  public String getCredentialsId() { return credentialsId; }
  public Double getThreshold() { return threshold; }
  public Double getAudioThreshold() { return audioThreshold; }
  public Double getImageThreshold() { return imageThreshold; }
  public Double getVideoThreshold() { return videoThreshold; }
  public Double getWarnThreshold() { return warnThreshold; }
  public String getOnFlagged() { return onFlagged; }
  public String getOnError() { return onError; }
  public String getOnNoSpeech() { return onNoSpeech; }
  public String getOnEmpty() { return onEmpty; }
  public String getVideoScoring() { return videoScoring; }
  public String getWaiversFile() { return waiversFile; }
  public Integer getMaxFiles() { return maxFiles; }
  public String getMaxBytes() { return maxBytes; }
  public Integer getMaxMediaMinutes() { return maxMediaMinutes; }
  public String getTimeout() { return timeout; }
  public Boolean getDryRun() { return dryRun; }
  public String getShard() { return shard; }
  public String getReportsDirectory() { return reportsDirectory; }
  public String getFormats() { return formats; }
  public Boolean getCache() { return cache; }
  public String getCacheDirectory() { return cacheDirectory; }
  public Boolean getRefresh() { return refresh; }
  public String getApiUrl() { return apiUrl; }
  public String getConnectTimeout() { return connectTimeout; }
  public String getReadTimeout() { return readTimeout; }
  public Double getRequestsPerSecond() { return requestsPerSecond; }
  public String getRetryBudget() { return retryBudget; }
  public Integer getMaxRetries() { return maxRetries; }
  public Integer getConcurrency() { return concurrency; }
  public String getIntakeMode() { return intakeMode; }
  public Integer getMaxFilesPerBatch() { return maxFilesPerBatch; }
  public Integer getMaxBytesPerBatch() { return maxBytesPerBatch; }
  public String getPollInterval() { return pollInterval; }
  public String getMaxPollInterval() { return maxPollInterval; }
  public Boolean getIntelligence() { return intelligence; }
  public Boolean getVisualize() { return visualize; }
  public Integer getFrameLength() { return frameLength; }
  public Double getStartRegion() { return startRegion; }
  public Double getEndRegion() { return endRegion; }
  public Double getMaxVideoSecs() { return maxVideoSecs; }
  public Boolean getUseLlm() { return useLlm; }
  public Boolean getZeroRetentionMode() { return zeroRetentionMode; }
  public Boolean getSearchIdentity() { return searchIdentity; }
  public Boolean getAudioSourceTracing() { return audioSourceTracing; }
  public String getCallbackUrl() { return callbackUrl; }
  public String getModelTypes() { return modelTypes; }
  public Boolean getUseReverseSearch() { return useReverseSearch; }
  public Boolean getUseOodDetector() { return useOodDetector; }
  public Double getMaxVideoFps() { return maxVideoFps; }

  @DataBoundSetter public void setExcludes(String v) { excludes = Text.blankToNull(v); }
  @DataBoundSetter public void setDefaultExcludes(Boolean v) { defaultExcludes = v; }
  @DataBoundSetter public void setArchives(Boolean v) { archives = v; }
  @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Text.blankToNull(v); }
  @DataBoundSetter public void setThreshold(Double v) { threshold = v; }
  @DataBoundSetter public void setAudioThreshold(Double v) { audioThreshold = v; }
  @DataBoundSetter public void setImageThreshold(Double v) { imageThreshold = v; }
  @DataBoundSetter public void setVideoThreshold(Double v) { videoThreshold = v; }
  @DataBoundSetter public void setWarnThreshold(Double v) { warnThreshold = v; }
  @DataBoundSetter public void setOnFlagged(String v) { onFlagged = Text.blankToNull(v); }
  @DataBoundSetter public void setOnError(String v) { onError = Text.blankToNull(v); }
  @DataBoundSetter public void setOnNoSpeech(String v) { onNoSpeech = Text.blankToNull(v); }
  @DataBoundSetter public void setOnEmpty(String v) { onEmpty = Text.blankToNull(v); }
  @DataBoundSetter public void setVideoScoring(String v) { videoScoring = Text.blankToNull(v); }
  @DataBoundSetter public void setWaiversFile(String v) { waiversFile = Text.blankToNull(v); }
  @DataBoundSetter public void setMaxFiles(Integer v) { maxFiles = v; }
  @DataBoundSetter public void setMaxBytes(String v) { maxBytes = Text.blankToNull(v); }
  @DataBoundSetter public void setMaxMediaMinutes(Integer v) { maxMediaMinutes = v; }
  @DataBoundSetter public void setTimeout(String v) { timeout = Text.blankToNull(v); }
  @DataBoundSetter public void setDryRun(Boolean v) { dryRun = v; }
  @DataBoundSetter public void setShard(String v) { shard = Text.blankToNull(v); }
  @DataBoundSetter public void setReportsDirectory(String v) {
    reportsDirectory = Text.blankToNull(v);
  }
  @DataBoundSetter public void setFormats(String v) { formats = Text.blankToNull(v); }
  @DataBoundSetter public void setCache(Boolean v) { cache = v; }
  @DataBoundSetter public void setCacheDirectory(String v) { cacheDirectory = Text.blankToNull(v); }
  @DataBoundSetter public void setRefresh(Boolean v) { refresh = v; }
  @DataBoundSetter public void setApiUrl(String v) { apiUrl = Text.blankToNull(v); }
  @DataBoundSetter public void setConnectTimeout(String v) { connectTimeout = Text.blankToNull(v); }
  @DataBoundSetter public void setReadTimeout(String v) { readTimeout = Text.blankToNull(v); }
  @DataBoundSetter public void setRequestsPerSecond(Double v) { requestsPerSecond = v; }
  @DataBoundSetter public void setRetryBudget(String v) { retryBudget = Text.blankToNull(v); }
  @DataBoundSetter public void setMaxRetries(Integer v) { maxRetries = v; }
  @DataBoundSetter public void setConcurrency(Integer v) { concurrency = v; }
  @DataBoundSetter public void setIntakeMode(String v) { intakeMode = Text.blankToNull(v); }
  @DataBoundSetter public void setMaxFilesPerBatch(Integer v) { maxFilesPerBatch = v; }
  @DataBoundSetter public void setMaxBytesPerBatch(Integer v) { maxBytesPerBatch = v; }
  @DataBoundSetter public void setPollInterval(String v) { pollInterval = Text.blankToNull(v); }
  @DataBoundSetter public void setMaxPollInterval(String v) {
    maxPollInterval = Text.blankToNull(v);
  }
  @DataBoundSetter public void setIntelligence(Boolean v) { intelligence = v; }
  @DataBoundSetter public void setVisualize(Boolean v) { visualize = v; }
  @DataBoundSetter public void setFrameLength(Integer v) { frameLength = v; }
  @DataBoundSetter public void setStartRegion(Double v) { startRegion = v; }
  @DataBoundSetter public void setEndRegion(Double v) { endRegion = v; }
  @DataBoundSetter public void setMaxVideoSecs(Double v) { maxVideoSecs = v; }
  @DataBoundSetter public void setUseLlm(Boolean v) { useLlm = v; }
  @DataBoundSetter public void setZeroRetentionMode(Boolean v) { zeroRetentionMode = v; }
  @DataBoundSetter public void setSearchIdentity(Boolean v) { searchIdentity = v; }
  @DataBoundSetter public void setAudioSourceTracing(Boolean v) { audioSourceTracing = v; }
  @DataBoundSetter public void setCallbackUrl(String v) { callbackUrl = Text.blankToNull(v); }
  @DataBoundSetter public void setModelTypes(String v) { modelTypes = Text.blankToNull(v); }
  @DataBoundSetter public void setUseReverseSearch(Boolean v) { useReverseSearch = v; }
  @DataBoundSetter public void setUseOodDetector(Boolean v) { useOodDetector = v; }
  @DataBoundSetter public void setMaxVideoFps(Double v) { maxVideoFps = v; }

  // The old names, for Pipeline scripts that still use them. Deprecated setters are bound but not
  // offered by the Snippet Generator; their getters, which it needs, derive from the new fields.

  /** @deprecated use {@link #setTimeout(String)}: {@code timeout: '30m'} */
  @Deprecated @DataBoundSetter public void setTimeoutMinutes(Integer v) {
    timeout = LegacyWords.minutes(v);
  }
  /** @deprecated the timeout in whole minutes, or null; see {@link #getTimeout()} */
  @Deprecated public Integer getTimeoutMinutes() { return LegacyWords.wholeMinutes(timeout); }
  /** @deprecated use {@link #setRetryBudget(String)}: {@code retryBudget: '2m'} */
  @Deprecated @DataBoundSetter public void setRetryBudgetSeconds(Integer v) {
    retryBudget = LegacyWords.seconds(v);
  }
  /** @deprecated the retry budget in whole seconds, or null; see {@link #getRetryBudget()} */
  @Deprecated public Integer getRetryBudgetSeconds() {
    return LegacyWords.wholeSeconds(retryBudget);
  }
  /** @deprecated use {@link #setReportsDirectory(String)} */
  @Deprecated @DataBoundSetter public void setReportsDir(String v) { setReportsDirectory(v); }
  /** @deprecated use {@link #getReportsDirectory()} */
  @Deprecated public String getReportsDir() { return reportsDirectory; }
  /** @deprecated use {@link #setCacheDirectory(String)} */
  @Deprecated @DataBoundSetter public void setCacheDir(String v) { setCacheDirectory(v); }
  /** @deprecated use {@link #getCacheDirectory()} */
  @Deprecated public String getCacheDir() { return cacheDirectory; }
  /** @deprecated use {@link #setWaiversFile(String)} */
  @Deprecated @DataBoundSetter public void setWaivers(String v) { setWaiversFile(v); }
  /** @deprecated use {@link #getWaiversFile()} */
  @Deprecated public String getWaivers() { return waiversFile; }

  /** The freestyle form: its field checks and select boxes ({@link StepForm}), and credentials. */
  @Extension
  @Symbol("resembleDetect")
  public static final class DescriptorImpl extends StepForm {

    public DescriptorImpl() {
      super(ResembleDetectBuilder.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Resemble Detect: check media for deepfakes";
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
      return true;
    }

    /** Lists Secret text credentials, only to users who may configure or use them. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item,
        @QueryParameter String credentialsId) {
      return CredentialsField.items(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item,
        @QueryParameter String value) {
      return CredentialsField.check(item, value, "Blank: the build's " + Tokens.ENV_VAR
          + " if it sets one, else the default credential of Manage Jenkins > System.");
    }
  }
}
