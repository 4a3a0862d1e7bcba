package io.github.resemblegate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.settings.Defaults;
import io.github.resemblegate.gate.settings.Durations;
import io.github.resemblegate.gate.settings.Setting;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Checks media files in the workspace with the Resemble AI Detect API and marks the build
 * UNSTABLE or FAILURE when a file looks synthetic. A freestyle build step, and in Pipeline
 * {@code resembleDetect includes: 'media/**}{@code /*.wav', credentialsId: 'resemble-api-key'}.
 *
 * <p>Its fields are the settings catalogue's ({@link Setting}): the same names, defaults and
 * meaning as the Maven goal's, read on the agent by the core's settings reader. The per-type
 * thresholds are {@code audioThreshold}, {@code imageThreshold} and {@code videoThreshold}, since a
 * field name cannot hold the catalogue's dot; {@code credentialsId} is Jenkins' own.
 */
public class ResembleDetectBuilder extends Builder implements SimpleBuildStep {

  private final String includes;
  private String excludes = Defaults.EXCLUDES;
  // Objects where the default is not the JVM's: XStream leaves a field a saved job lacks at null.
  private Boolean defaultExcludes = Boolean.valueOf(Defaults.DEFAULT_EXCLUDES);
  private String credentialsId = "";
  private double threshold = Double.parseDouble(Defaults.THRESHOLD);
  private Double audioThreshold;
  private Double imageThreshold;
  private Double videoThreshold;
  private Double warnThreshold;
  private String onFlagged = Defaults.ON_FLAGGED;
  private String onError = Defaults.ON_ERROR;
  private String onNoSpeech = Defaults.ON_NO_SPEECH;
  private String onEmpty = Defaults.ON_EMPTY;
  private String videoScoring = Defaults.VIDEO_SCORING;
  private String waiversFile = "";
  private int maxFiles = Integer.parseInt(Defaults.MAX_FILES);
  private long maxBytes = Long.parseLong(Defaults.MAX_BYTES);
  private long maxMediaMinutes = Long.parseLong(Defaults.MAX_MEDIA_MINUTES);
  private String timeout = Defaults.TIMEOUT;
  private boolean dryRun = Boolean.parseBoolean(Defaults.DRY_RUN);
  /** Empty: every matched file. */
  private String shard = "";
  /** Empty: {@value ScanSettings#DEFAULT_REPORTS_DIRECTORY} in the workspace. */
  private String reportsDirectory = "";
  private String formats = Defaults.FORMATS;
  private boolean cache = Boolean.parseBoolean(Defaults.CACHE);
  private String cacheDirectory = "";
  private boolean refresh = Boolean.parseBoolean(Defaults.REFRESH);
  private String apiUrl = Defaults.API_URL;
  private String connectTimeout = Defaults.CONNECT_TIMEOUT;
  private String readTimeout = Defaults.READ_TIMEOUT;
  private Double requestsPerSecond = Double.valueOf(Defaults.REQUESTS_PER_SECOND);
  private String retryBudget = Defaults.RETRY_BUDGET;
  private Integer maxRetries = Integer.valueOf(Defaults.MAX_RETRIES);
  private Integer concurrency = Integer.valueOf(Defaults.CONCURRENCY);
  private String intakeMode = Defaults.INTAKE_MODE;
  private Integer maxFilesPerBatch = Integer.valueOf(Defaults.MAX_FILES_PER_BATCH);
  private Long maxBytesPerBatch = Long.valueOf(Defaults.MAX_BYTES_PER_BATCH);
  private String pollInterval = Defaults.POLL_INTERVAL;
  private String maxPollInterval = Defaults.MAX_POLL_INTERVAL;
  private boolean intelligence;
  private boolean visualize;
  private Integer frameLength;
  private Double startRegion;
  private Double endRegion;
  private Double maxVideoSecs;
  private boolean useLlm;
  private boolean zeroRetentionMode;
  private boolean searchIdentity;
  private boolean audioSourceTracing;
  private String callbackUrl = "";

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
    this.includes = Text.trim(includes);
  }

  @Override
  public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
      @NonNull Launcher launcher, @NonNull TaskListener listener)
      throws InterruptedException, IOException {
    new DetectFlow(RealGate.INSTANCE).run(toSettings(), run, workspace, env, listener);
  }

  @Override
  public BuildStepMonitor getRequiredMonitorService() {
    return BuildStepMonitor.NONE;
  }

  /** The user's words the agent reads, by setting. */
  ScanSettings toSettings() {
    return ScanSettings.of(this);
  }

  /**
   * After XStream loads a saved job: moves the old names' values to the new fields, fills fields
   * the saved job did not have (XStream runs no initializers), and writes reactions as the
   * catalogue does (FAILURE and UNSTABLE become FAIL and WARN).
   */
  protected Object readResolve() {
    if (timeout == null && timeoutMinutes != null) {
      timeout = LegacyWords.minutes(timeoutMinutes);
    }
    if (retryBudget == null && retryBudgetSeconds != null) {
      retryBudget = LegacyWords.seconds(retryBudgetSeconds);
    }
    reportsDirectory = reportsDirectory != null ? reportsDirectory.strip() : Text.trim(reportsDir);
    cacheDirectory = cacheDirectory != null ? cacheDirectory.strip() : Text.trim(cacheDir);
    waiversFile = waiversFile != null ? waiversFile.strip() : Text.trim(waivers);
    timeoutMinutes = null;
    retryBudgetSeconds = null;
    reportsDir = null;
    cacheDir = null;
    waivers = null;

    excludes = Text.trim(excludes);
    defaultExcludes = defaultExcludes == null ? Boolean.valueOf(Defaults.DEFAULT_EXCLUDES)
        : defaultExcludes;
    credentialsId = Text.trim(credentialsId);
    onFlagged = LegacyWords.reaction(onFlagged, Defaults.ON_FLAGGED);
    onError = LegacyWords.reaction(onError, Defaults.ON_ERROR);
    onNoSpeech = LegacyWords.reaction(onNoSpeech, Defaults.ON_NO_SPEECH);
    onEmpty = LegacyWords.reaction(onEmpty, Defaults.ON_EMPTY);
    videoScoring = Text.choice(videoScoring, Defaults.VIDEO_SCORING);
    timeout = Text.orDefault(timeout, Defaults.TIMEOUT);
    formats = Text.orDefault(formats, Defaults.FORMATS);
    apiUrl = Text.orDefault(apiUrl, Defaults.API_URL);
    connectTimeout = Text.orDefault(connectTimeout, Defaults.CONNECT_TIMEOUT);
    readTimeout = Text.orDefault(readTimeout, Defaults.READ_TIMEOUT);
    requestsPerSecond = requestsPerSecond == null
        ? Double.valueOf(Defaults.REQUESTS_PER_SECOND) : requestsPerSecond;
    retryBudget = Text.orDefault(retryBudget, Defaults.RETRY_BUDGET);
    maxRetries = maxRetries == null ? Integer.valueOf(Defaults.MAX_RETRIES) : maxRetries;
    concurrency = concurrency == null ? Integer.valueOf(Defaults.CONCURRENCY) : concurrency;
    intakeMode = Text.choice(intakeMode, Defaults.INTAKE_MODE);
    maxFilesPerBatch = maxFilesPerBatch == null ? Integer.valueOf(Defaults.MAX_FILES_PER_BATCH)
        : maxFilesPerBatch;
    maxBytesPerBatch = maxBytesPerBatch == null ? Long.valueOf(Defaults.MAX_BYTES_PER_BATCH)
        : maxBytesPerBatch;
    pollInterval = Text.orDefault(pollInterval, Defaults.POLL_INTERVAL);
    maxPollInterval = Text.orDefault(maxPollInterval, Defaults.MAX_POLL_INTERVAL);
    callbackUrl = Text.trim(callbackUrl);
    return this;
  }

  public String getIncludes() { return includes; }
  public String getExcludes() { return excludes; }
  public boolean isDefaultExcludes() { return defaultExcludes == null || defaultExcludes; }
  public String getCredentialsId() { return credentialsId; }
  public double getThreshold() { return threshold; }
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
  public int getMaxFiles() { return maxFiles; }
  public long getMaxBytes() { return maxBytes; }
  public long getMaxMediaMinutes() { return maxMediaMinutes; }
  public String getTimeout() { return timeout; }
  public boolean isDryRun() { return dryRun; }
  public String getShard() { return shard; }
  public String getReportsDirectory() { return reportsDirectory; }
  public String getFormats() { return formats; }
  public boolean isCache() { return cache; }
  public String getCacheDirectory() { return cacheDirectory; }
  public boolean isRefresh() { return refresh; }
  public String getApiUrl() { return apiUrl; }
  public String getConnectTimeout() { return connectTimeout; }
  public String getReadTimeout() { return readTimeout; }
  public Double getRequestsPerSecond() { return requestsPerSecond; }
  public String getRetryBudget() { return retryBudget; }
  public Integer getMaxRetries() { return maxRetries; }
  public Integer getConcurrency() { return concurrency; }
  public String getIntakeMode() { return intakeMode; }
  public Integer getMaxFilesPerBatch() { return maxFilesPerBatch; }
  public Long getMaxBytesPerBatch() { return maxBytesPerBatch; }
  public String getPollInterval() { return pollInterval; }
  public String getMaxPollInterval() { return maxPollInterval; }
  public boolean isIntelligence() { return intelligence; }
  public boolean isVisualize() { return visualize; }
  public Integer getFrameLength() { return frameLength; }
  public Double getStartRegion() { return startRegion; }
  public Double getEndRegion() { return endRegion; }
  public Double getMaxVideoSecs() { return maxVideoSecs; }
  public boolean isUseLlm() { return useLlm; }
  public boolean isZeroRetentionMode() { return zeroRetentionMode; }
  public boolean isSearchIdentity() { return searchIdentity; }
  public boolean isAudioSourceTracing() { return audioSourceTracing; }
  public String getCallbackUrl() { return callbackUrl; }

  @DataBoundSetter public void setExcludes(String v) { excludes = Text.trim(v); }
  @DataBoundSetter public void setDefaultExcludes(boolean v) { defaultExcludes = v; }
  @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Text.trim(v); }
  @DataBoundSetter public void setThreshold(double v) { threshold = v; }
  @DataBoundSetter public void setAudioThreshold(Double v) { audioThreshold = v; }
  @DataBoundSetter public void setImageThreshold(Double v) { imageThreshold = v; }
  @DataBoundSetter public void setVideoThreshold(Double v) { videoThreshold = v; }
  @DataBoundSetter public void setWarnThreshold(Double v) { warnThreshold = v; }
  @DataBoundSetter public void setOnFlagged(String v) {
    onFlagged = LegacyWords.reaction(v, Defaults.ON_FLAGGED);
  }
  @DataBoundSetter public void setOnError(String v) {
    onError = LegacyWords.reaction(v, Defaults.ON_ERROR);
  }
  @DataBoundSetter public void setOnNoSpeech(String v) {
    onNoSpeech = LegacyWords.reaction(v, Defaults.ON_NO_SPEECH);
  }
  @DataBoundSetter public void setOnEmpty(String v) {
    onEmpty = LegacyWords.reaction(v, Defaults.ON_EMPTY);
  }
  @DataBoundSetter public void setVideoScoring(String v) {
    videoScoring = Text.choice(v, Defaults.VIDEO_SCORING);
  }
  @DataBoundSetter public void setWaiversFile(String v) { waiversFile = Text.trim(v); }
  @DataBoundSetter public void setMaxFiles(int v) { maxFiles = v; }
  @DataBoundSetter public void setMaxBytes(long v) { maxBytes = v; }
  @DataBoundSetter public void setMaxMediaMinutes(long v) { maxMediaMinutes = v; }
  @DataBoundSetter public void setTimeout(String v) {
    timeout = Text.orDefault(v, Defaults.TIMEOUT);
  }
  @DataBoundSetter public void setDryRun(boolean v) { dryRun = v; }
  @DataBoundSetter public void setShard(String v) { shard = Text.trim(v); }
  @DataBoundSetter public void setReportsDirectory(String v) { reportsDirectory = Text.trim(v); }
  @DataBoundSetter public void setFormats(String v) {
    formats = Text.orDefault(v, Defaults.FORMATS);
  }
  @DataBoundSetter public void setCache(boolean v) { cache = v; }
  @DataBoundSetter public void setCacheDirectory(String v) { cacheDirectory = Text.trim(v); }
  @DataBoundSetter public void setRefresh(boolean v) { refresh = v; }
  @DataBoundSetter public void setApiUrl(String v) {
    apiUrl = Text.orDefault(v, Defaults.API_URL);
  }
  @DataBoundSetter public void setConnectTimeout(String v) {
    connectTimeout = Text.orDefault(v, Defaults.CONNECT_TIMEOUT);
  }
  @DataBoundSetter public void setReadTimeout(String v) {
    readTimeout = Text.orDefault(v, Defaults.READ_TIMEOUT);
  }
  @DataBoundSetter public void setRequestsPerSecond(Double v) {
    requestsPerSecond = v == null ? Double.valueOf(Defaults.REQUESTS_PER_SECOND) : v;
  }
  @DataBoundSetter public void setRetryBudget(String v) {
    retryBudget = Text.orDefault(v, Defaults.RETRY_BUDGET);
  }
  @DataBoundSetter public void setMaxRetries(Integer v) {
    maxRetries = v == null ? Integer.valueOf(Defaults.MAX_RETRIES) : v;
  }
  @DataBoundSetter public void setConcurrency(Integer v) {
    concurrency = v == null ? Integer.valueOf(Defaults.CONCURRENCY) : v;
  }
  @DataBoundSetter public void setIntakeMode(String v) {
    intakeMode = Text.choice(v, Defaults.INTAKE_MODE);
  }
  @DataBoundSetter public void setMaxFilesPerBatch(Integer v) {
    maxFilesPerBatch = v == null ? Integer.valueOf(Defaults.MAX_FILES_PER_BATCH) : v;
  }
  @DataBoundSetter public void setMaxBytesPerBatch(Long v) {
    maxBytesPerBatch = v == null ? Long.valueOf(Defaults.MAX_BYTES_PER_BATCH) : v;
  }
  @DataBoundSetter public void setPollInterval(String v) {
    pollInterval = Text.orDefault(v, Defaults.POLL_INTERVAL);
  }
  @DataBoundSetter public void setMaxPollInterval(String v) {
    maxPollInterval = Text.orDefault(v, Defaults.MAX_POLL_INTERVAL);
  }
  @DataBoundSetter public void setIntelligence(boolean v) { intelligence = v; }
  @DataBoundSetter public void setVisualize(boolean v) { visualize = v; }
  @DataBoundSetter public void setFrameLength(Integer v) { frameLength = v; }
  @DataBoundSetter public void setStartRegion(Double v) { startRegion = v; }
  @DataBoundSetter public void setEndRegion(Double v) { endRegion = v; }
  @DataBoundSetter public void setMaxVideoSecs(Double v) { maxVideoSecs = v; }
  @DataBoundSetter public void setUseLlm(boolean v) { useLlm = v; }
  @DataBoundSetter public void setZeroRetentionMode(boolean v) { zeroRetentionMode = v; }
  @DataBoundSetter public void setSearchIdentity(boolean v) { searchIdentity = v; }
  @DataBoundSetter public void setAudioSourceTracing(boolean v) { audioSourceTracing = v; }
  @DataBoundSetter public void setCallbackUrl(String v) { callbackUrl = Text.trim(v); }

  // The old names, for Pipeline scripts that still use them. Deprecated setters are bound but not
  // offered by the Snippet Generator; their getters, which it needs, derive from the new fields.

  /** @deprecated use {@link #setTimeout(String)}: {@code timeout: '30m'} */
  @Deprecated @DataBoundSetter public void setTimeoutMinutes(int v) {
    timeout = LegacyWords.minutes(v);
  }
  /** @deprecated the timeout in whole minutes, or null; see {@link #getTimeout()} */
  @Deprecated public Integer getTimeoutMinutes() { return whole(timeout, Duration.ofMinutes(1)); }
  /** @deprecated use {@link #setRetryBudget(String)}: {@code retryBudget: '2m'} */
  @Deprecated @DataBoundSetter public void setRetryBudgetSeconds(Integer v) {
    retryBudget = v == null ? Defaults.RETRY_BUDGET : LegacyWords.seconds(v);
  }
  /** @deprecated the retry budget in whole seconds, or null; see {@link #getRetryBudget()} */
  @Deprecated public Integer getRetryBudgetSeconds() {
    return whole(retryBudget, Duration.ofSeconds(1));
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

  /** How many whole {@code unit}s the duration word names; null when it names no whole number. */
  private static Integer whole(String word, Duration unit) {
    Duration d = Durations.parse(word);
    if (d == null || d.toMillis() % unit.toMillis() != 0) {
      return null;
    }
    long n = d.toMillis() / unit.toMillis();
    return n > Integer.MAX_VALUE ? null : (int) n;
  }

  /** The form, its checks and its select boxes. */
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
      StandardListBoxModel result = new StandardListBoxModel();
      if (!mayListCredentials(item)) {
        return result.includeCurrentValue(credentialsId);
      }
      return result
          .includeEmptyValue()
          .includeMatchingAs(authenticationFor(item), item, StringCredentials.class, List.of(),
              CredentialsMatchers.always())
          .includeCurrentValue(credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item,
        @QueryParameter String value) {
      if (!mayListCredentials(item)) {
        return FormValidation.ok();
      }
      if (Text.isBlank(value)) {
        return FormValidation.ok("No credential: the build must set RESEMBLE_API_KEY when it has"
            + " files to upload (a dry run, or a run the cache answers, needs none).");
      }
      if (value.startsWith("${") && value.endsWith("}")) {
        return FormValidation.warning("An expression cannot be checked until the build runs.");
      }
      if (CredentialsProvider.listCredentialsInItem(StringCredentials.class, item,
          authenticationFor(item), List.of(), CredentialsMatchers.withId(value)).isEmpty()) {
        return FormValidation.error("No Secret text credential with this ID is visible here.");
      }
      return FormValidation.ok();
    }

    private static boolean mayListCredentials(Item item) {
      if (item == null) {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
      }
      return item.hasPermission(Item.EXTENDED_READ)
          || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    private static org.springframework.security.core.Authentication authenticationFor(Item item) {
      return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
  }
}
