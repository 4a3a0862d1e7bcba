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
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.Policy;
import java.io.IOException;
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
 */
public class ResembleDetectBuilder extends Builder implements SimpleBuildStep {

  static final String DEFAULT_REPORTS_DIR = "resemble-reports";
  static final int DEFAULT_TIMEOUT_MINUTES = 30;
  static final int DEFAULT_RETRY_BUDGET_SECONDS =
      (int) GateConfig.DEFAULT_RETRY_BUDGET.toSeconds();

  private final String includes;
  private String excludes = "";
  private String credentialsId = "";
  private double threshold = Policy.DEFAULT_THRESHOLD;
  private Double audioThreshold;
  private Double imageThreshold;
  private Double videoThreshold;
  private Double warnThreshold;
  private String onFlagged = Choices.FAILURE;
  private String onError = Choices.FAILURE;
  private String onNoSpeech = Choices.IGNORE;
  private String apiUrl = "";
  private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
  // Objects, so a configuration saved before they existed reads as "not set", not as 0.
  private Integer retryBudgetSeconds = DEFAULT_RETRY_BUDGET_SECONDS;
  private Integer maxRetries = GateConfig.DEFAULT_MAX_RETRIES;
  private int maxFiles = GateConfig.DEFAULT_MAX_FILES;
  private boolean dryRun;
  private String waivers = "";
  private String formats = "";
  private String reportsDir = DEFAULT_REPORTS_DIR;
  private boolean cache = true;
  private String cacheDir = "";
  private boolean refresh;
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

  /** The settings the agent needs, as a plain serializable value. */
  ScanSettings toSettings() {
    ScanSettings s = new ScanSettings();
    s.includes = includes;
    s.excludes = excludes;
    s.credentialsId = credentialsId;
    s.threshold = threshold;
    s.audioThreshold = audioThreshold;
    s.imageThreshold = imageThreshold;
    s.videoThreshold = videoThreshold;
    s.warnThreshold = warnThreshold;
    s.onFlagged = onFlagged;
    s.onError = onError;
    s.onNoSpeech = onNoSpeech;
    s.apiUrl = apiUrl;
    s.timeoutMinutes = timeoutMinutes;
    s.retryBudgetSeconds = retryBudgetSeconds;
    s.maxRetries = maxRetries;
    s.maxFiles = maxFiles;
    s.dryRun = dryRun;
    s.waivers = waivers;
    s.formats = formats;
    s.reportsDir = reportsDir;
    s.cache = cache;
    s.cacheDir = cacheDir;
    s.refresh = refresh;
    s.intelligence = intelligence;
    s.visualize = visualize;
    s.frameLength = frameLength;
    s.startRegion = startRegion;
    s.endRegion = endRegion;
    s.maxVideoSecs = maxVideoSecs;
    s.useLlm = useLlm;
    s.zeroRetentionMode = zeroRetentionMode;
    s.searchIdentity = searchIdentity;
    s.audioSourceTracing = audioSourceTracing;
    s.callbackUrl = callbackUrl;
    return s;
  }

  /** Fills fields an older saved configuration did not have (XStream does not run initializers). */
  protected Object readResolve() {
    excludes = Text.trim(excludes);
    credentialsId = Text.trim(credentialsId);
    onFlagged = onFlagged == null ? Choices.FAILURE : onFlagged;
    onError = onError == null ? Choices.FAILURE : onError;
    onNoSpeech = onNoSpeech == null ? Choices.IGNORE : onNoSpeech;
    apiUrl = Text.trim(apiUrl);
    waivers = Text.trim(waivers);
    formats = Text.trim(formats);
    reportsDir = Text.isBlank(reportsDir) ? DEFAULT_REPORTS_DIR : reportsDir;
    cacheDir = Text.trim(cacheDir);
    callbackUrl = Text.trim(callbackUrl);
    retryBudgetSeconds = retryBudgetSeconds == null ? DEFAULT_RETRY_BUDGET_SECONDS
        : retryBudgetSeconds;
    maxRetries = maxRetries == null ? GateConfig.DEFAULT_MAX_RETRIES : maxRetries;
    return this;
  }

  public String getIncludes() { return includes; }
  public String getExcludes() { return excludes; }
  public String getCredentialsId() { return credentialsId; }
  public double getThreshold() { return threshold; }
  public Double getAudioThreshold() { return audioThreshold; }
  public Double getImageThreshold() { return imageThreshold; }
  public Double getVideoThreshold() { return videoThreshold; }
  public Double getWarnThreshold() { return warnThreshold; }
  public String getOnFlagged() { return onFlagged; }
  public String getOnError() { return onError; }
  public String getOnNoSpeech() { return onNoSpeech; }
  public String getApiUrl() { return apiUrl; }
  public int getTimeoutMinutes() { return timeoutMinutes; }
  public Integer getRetryBudgetSeconds() { return retryBudgetSeconds; }
  public Integer getMaxRetries() { return maxRetries; }
  public int getMaxFiles() { return maxFiles; }
  public boolean isDryRun() { return dryRun; }
  public String getWaivers() { return waivers; }
  public String getFormats() { return formats; }
  public String getReportsDir() { return reportsDir; }
  public boolean isCache() { return cache; }
  public String getCacheDir() { return cacheDir; }
  public boolean isRefresh() { return refresh; }
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
  @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Text.trim(v); }
  @DataBoundSetter public void setThreshold(double v) { threshold = v; }
  @DataBoundSetter public void setAudioThreshold(Double v) { audioThreshold = v; }
  @DataBoundSetter public void setImageThreshold(Double v) { imageThreshold = v; }
  @DataBoundSetter public void setVideoThreshold(Double v) { videoThreshold = v; }
  @DataBoundSetter public void setWarnThreshold(Double v) { warnThreshold = v; }
  @DataBoundSetter public void setOnFlagged(String v) { onFlagged = Choices.normalize(v, Choices.FAILURE); }
  @DataBoundSetter public void setOnError(String v) { onError = Choices.normalize(v, Choices.FAILURE); }
  @DataBoundSetter public void setOnNoSpeech(String v) { onNoSpeech = Choices.normalize(v, Choices.IGNORE); }
  @DataBoundSetter public void setApiUrl(String v) { apiUrl = Text.trim(v); }
  @DataBoundSetter public void setTimeoutMinutes(int v) { timeoutMinutes = v; }
  @DataBoundSetter public void setRetryBudgetSeconds(Integer v) {
    retryBudgetSeconds = v == null ? DEFAULT_RETRY_BUDGET_SECONDS : v;
  }
  @DataBoundSetter public void setMaxRetries(Integer v) {
    maxRetries = v == null ? GateConfig.DEFAULT_MAX_RETRIES : v;
  }
  @DataBoundSetter public void setMaxFiles(int v) { maxFiles = v; }
  @DataBoundSetter public void setDryRun(boolean v) { dryRun = v; }
  @DataBoundSetter public void setWaivers(String v) { waivers = Text.trim(v); }
  @DataBoundSetter public void setFormats(String v) { formats = Text.trim(v); }
  @DataBoundSetter public void setReportsDir(String v) {
    reportsDir = Text.isBlank(v) ? DEFAULT_REPORTS_DIR : v.strip();
  }
  @DataBoundSetter public void setCache(boolean v) { cache = v; }
  @DataBoundSetter public void setCacheDir(String v) { cacheDir = Text.trim(v); }
  @DataBoundSetter public void setRefresh(boolean v) { refresh = v; }
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

  /** The form, its checks and its select boxes. */
  @Extension
  @Symbol("resembleDetect")
  public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

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

    public FormValidation doCheckIncludes(@QueryParameter String value) {
      return FormChecks.includes(value);
    }

    public FormValidation doCheckExcludes(@QueryParameter String value) {
      return FormChecks.excludes(value);
    }

    public FormValidation doCheckThreshold(@QueryParameter String value) {
      return FormChecks.probability(value, true);
    }

    public FormValidation doCheckAudioThreshold(@QueryParameter String value) {
      return FormChecks.probability(value, false);
    }

    public FormValidation doCheckImageThreshold(@QueryParameter String value) {
      return FormChecks.probability(value, false);
    }

    public FormValidation doCheckVideoThreshold(@QueryParameter String value) {
      return FormChecks.probability(value, false);
    }

    public FormValidation doCheckWarnThreshold(@QueryParameter String value,
        @QueryParameter String threshold) {
      return FormChecks.warnThreshold(value, threshold);
    }

    public FormValidation doCheckApiUrl(@QueryParameter String value) {
      return FormChecks.httpUrl(value, "The API URL");
    }

    public FormValidation doCheckCallbackUrl(@QueryParameter String value) {
      return FormChecks.httpUrl(value, "The callback URL");
    }

    public FormValidation doCheckTimeoutMinutes(@QueryParameter String value) {
      return FormChecks.positiveInteger(value, "The timeout");
    }

    public FormValidation doCheckMaxFiles(@QueryParameter String value) {
      return FormChecks.maxFiles(value);
    }

    public FormValidation doCheckFrameLength(@QueryParameter String value) {
      return FormChecks.frameLength(value);
    }

    public FormValidation doCheckStartRegion(@QueryParameter String value) {
      return FormChecks.seconds(value, "The start of the region");
    }

    public FormValidation doCheckEndRegion(@QueryParameter String value,
        @QueryParameter String startRegion) {
      return FormChecks.endRegion(value, startRegion);
    }

    public FormValidation doCheckMaxVideoSecs(@QueryParameter String value) {
      return FormChecks.seconds(value, "The video length limit");
    }

    public FormValidation doCheckFormats(@QueryParameter String value) {
      return FormChecks.formats(value);
    }

    public FormValidation doCheckReportsDir(@QueryParameter String value) {
      return FormChecks.workspacePath(value, "The reports folder");
    }

    public FormValidation doCheckWaivers(@QueryParameter String value) {
      return FormChecks.workspacePath(value, "The waiver file");
    }

    public ListBoxModel doFillOnFlaggedItems() {
      return Choices.onFlagged();
    }

    public ListBoxModel doFillOnErrorItems() {
      return Choices.onError();
    }

    public ListBoxModel doFillOnNoSpeechItems() {
      return Choices.onNoSpeech();
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
        return FormValidation.ok("No credential: the build must set RESEMBLE_API_KEY (not needed "
            + "for a dry run).");
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
