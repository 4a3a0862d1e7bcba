package io.github.resemblegate.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.policy.Verdict;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code resembleDetect} in Pipeline: the freestyle step's settings under the same names (old
 * names too), run the same way, returning the run's summary to the script as junit's step returns
 * its {@code TestResultSummary}; a WARN verdict also marks the step's stage unstable. A Pipeline
 * {@code Step} cannot extend a {@code Builder}, so each setting is bound here and handed to one.
 */
public final class ResembleDetectStep extends Step {

  private final ResembleDetectBuilder settings;

  /** @param includes Ant-style patterns, comma- or newline-separated, relative to the workspace */
  @DataBoundConstructor
  public ResembleDetectStep(String includes) {
    this.settings = new ResembleDetectBuilder(includes);
  }

  /** The settings, as the freestyle step holds them. */
  ResembleDetectBuilder settings() {
    return settings;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(settings, context, RealGate.INSTANCE);
  }

  public String getIncludes() { return settings.getIncludes(); }
  public String getExcludes() { return settings.getExcludes(); }
  public Boolean getDefaultExcludes() { return settings.getDefaultExcludes(); }
  public String getCredentialsId() { return settings.getCredentialsId(); }
  public Double getThreshold() { return settings.getThreshold(); }
  public Double getAudioThreshold() { return settings.getAudioThreshold(); }
  public Double getImageThreshold() { return settings.getImageThreshold(); }
  public Double getVideoThreshold() { return settings.getVideoThreshold(); }
  public Double getWarnThreshold() { return settings.getWarnThreshold(); }
  public String getOnFlagged() { return settings.getOnFlagged(); }
  public String getOnError() { return settings.getOnError(); }
  public String getOnNoSpeech() { return settings.getOnNoSpeech(); }
  public String getOnEmpty() { return settings.getOnEmpty(); }
  public String getVideoScoring() { return settings.getVideoScoring(); }
  public String getWaiversFile() { return settings.getWaiversFile(); }
  public Integer getMaxFiles() { return settings.getMaxFiles(); }
  public String getTimeout() { return settings.getTimeout(); }
  public Boolean getDryRun() { return settings.getDryRun(); }
  public String getReportsDirectory() { return settings.getReportsDirectory(); }
  public String getFormats() { return settings.getFormats(); }
  public Boolean getCache() { return settings.getCache(); }
  public String getCacheDirectory() { return settings.getCacheDirectory(); }
  public Boolean getRefresh() { return settings.getRefresh(); }
  public String getApiUrl() { return settings.getApiUrl(); }
  public String getConnectTimeout() { return settings.getConnectTimeout(); }
  public String getReadTimeout() { return settings.getReadTimeout(); }
  public Double getRequestsPerSecond() { return settings.getRequestsPerSecond(); }
  public String getRetryBudget() { return settings.getRetryBudget(); }
  public Integer getMaxRetries() { return settings.getMaxRetries(); }
  public Integer getConcurrency() { return settings.getConcurrency(); }
  public String getIntakeMode() { return settings.getIntakeMode(); }
  public Integer getMaxFilesPerBatch() { return settings.getMaxFilesPerBatch(); }
  public Integer getMaxBytesPerBatch() { return settings.getMaxBytesPerBatch(); }
  public String getPollInterval() { return settings.getPollInterval(); }
  public String getMaxPollInterval() { return settings.getMaxPollInterval(); }
  public Boolean getIntelligence() { return settings.getIntelligence(); }
  public Boolean getVisualize() { return settings.getVisualize(); }
  public Integer getFrameLength() { return settings.getFrameLength(); }
  public Double getStartRegion() { return settings.getStartRegion(); }
  public Double getEndRegion() { return settings.getEndRegion(); }
  public Double getMaxVideoSecs() { return settings.getMaxVideoSecs(); }
  public Boolean getUseLlm() { return settings.getUseLlm(); }
  public Boolean getZeroRetentionMode() { return settings.getZeroRetentionMode(); }
  public Boolean getSearchIdentity() { return settings.getSearchIdentity(); }
  public Boolean getAudioSourceTracing() { return settings.getAudioSourceTracing(); }
  public String getCallbackUrl() { return settings.getCallbackUrl(); }
  @DataBoundSetter public void setExcludes(String v) { settings.setExcludes(v); }
  @DataBoundSetter public void setDefaultExcludes(Boolean v) { settings.setDefaultExcludes(v); }
  @DataBoundSetter public void setCredentialsId(String v) { settings.setCredentialsId(v); }
  @DataBoundSetter public void setThreshold(Double v) { settings.setThreshold(v); }
  @DataBoundSetter public void setAudioThreshold(Double v) { settings.setAudioThreshold(v); }
  @DataBoundSetter public void setImageThreshold(Double v) { settings.setImageThreshold(v); }
  @DataBoundSetter public void setVideoThreshold(Double v) { settings.setVideoThreshold(v); }
  @DataBoundSetter public void setWarnThreshold(Double v) { settings.setWarnThreshold(v); }
  @DataBoundSetter public void setOnFlagged(String v) { settings.setOnFlagged(v); }
  @DataBoundSetter public void setOnError(String v) { settings.setOnError(v); }
  @DataBoundSetter public void setOnNoSpeech(String v) { settings.setOnNoSpeech(v); }
  @DataBoundSetter public void setOnEmpty(String v) { settings.setOnEmpty(v); }
  @DataBoundSetter public void setVideoScoring(String v) { settings.setVideoScoring(v); }
  @DataBoundSetter public void setWaiversFile(String v) { settings.setWaiversFile(v); }
  @DataBoundSetter public void setMaxFiles(Integer v) { settings.setMaxFiles(v); }
  @DataBoundSetter public void setTimeout(String v) { settings.setTimeout(v); }
  @DataBoundSetter public void setDryRun(Boolean v) { settings.setDryRun(v); }
  @DataBoundSetter public void setReportsDirectory(String v) { settings.setReportsDirectory(v); }
  @DataBoundSetter public void setFormats(String v) { settings.setFormats(v); }
  @DataBoundSetter public void setCache(Boolean v) { settings.setCache(v); }
  @DataBoundSetter public void setCacheDirectory(String v) { settings.setCacheDirectory(v); }
  @DataBoundSetter public void setRefresh(Boolean v) { settings.setRefresh(v); }
  @DataBoundSetter public void setApiUrl(String v) { settings.setApiUrl(v); }
  @DataBoundSetter public void setConnectTimeout(String v) { settings.setConnectTimeout(v); }
  @DataBoundSetter public void setReadTimeout(String v) { settings.setReadTimeout(v); }
  @DataBoundSetter public void setRequestsPerSecond(Double v) { settings.setRequestsPerSecond(v); }
  @DataBoundSetter public void setRetryBudget(String v) { settings.setRetryBudget(v); }
  @DataBoundSetter public void setMaxRetries(Integer v) { settings.setMaxRetries(v); }
  @DataBoundSetter public void setConcurrency(Integer v) { settings.setConcurrency(v); }
  @DataBoundSetter public void setIntakeMode(String v) { settings.setIntakeMode(v); }
  @DataBoundSetter public void setMaxFilesPerBatch(Integer v) { settings.setMaxFilesPerBatch(v); }
  @DataBoundSetter public void setMaxBytesPerBatch(Integer v) { settings.setMaxBytesPerBatch(v); }
  @DataBoundSetter public void setPollInterval(String v) { settings.setPollInterval(v); }
  @DataBoundSetter public void setMaxPollInterval(String v) { settings.setMaxPollInterval(v); }
  @DataBoundSetter public void setIntelligence(Boolean v) { settings.setIntelligence(v); }
  @DataBoundSetter public void setVisualize(Boolean v) { settings.setVisualize(v); }
  @DataBoundSetter public void setFrameLength(Integer v) { settings.setFrameLength(v); }
  @DataBoundSetter public void setStartRegion(Double v) { settings.setStartRegion(v); }
  @DataBoundSetter public void setEndRegion(Double v) { settings.setEndRegion(v); }
  @DataBoundSetter public void setMaxVideoSecs(Double v) { settings.setMaxVideoSecs(v); }
  @DataBoundSetter public void setUseLlm(Boolean v) { settings.setUseLlm(v); }
  @DataBoundSetter public void setZeroRetentionMode(Boolean v) { settings.setZeroRetentionMode(v); }
  @DataBoundSetter public void setSearchIdentity(Boolean v) { settings.setSearchIdentity(v); }
  @DataBoundSetter public void setAudioSourceTracing(Boolean v) {
    settings.setAudioSourceTracing(v);
  }
  @DataBoundSetter public void setCallbackUrl(String v) { settings.setCallbackUrl(v); }
  @Deprecated @DataBoundSetter public void setTimeoutMinutes(Integer v) {
    settings.setTimeoutMinutes(v);
  }
  @Deprecated @DataBoundSetter public void setRetryBudgetSeconds(Integer v) {
    settings.setRetryBudgetSeconds(v);
  }
  @Deprecated @DataBoundSetter public void setReportsDir(String v) { settings.setReportsDir(v); }
  @Deprecated @DataBoundSetter public void setCacheDir(String v) { settings.setCacheDir(v); }
  @Deprecated @DataBoundSetter public void setWaivers(String v) { settings.setWaivers(v); }
  @Deprecated public Integer getTimeoutMinutes() { return settings.getTimeoutMinutes(); }
  @Deprecated public Integer getRetryBudgetSeconds() { return settings.getRetryBudgetSeconds(); }
  @Deprecated public String getReportsDir() { return settings.getReportsDir(); }
  @Deprecated public String getCacheDir() { return settings.getCacheDir(); }
  @Deprecated public String getWaivers() { return settings.getWaivers(); }

  /** Runs on a thread of its own: a scan waits minutes for the API. Not resumed after a restart. */
  static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    // Not kept across a restart: the execution is not resumed, and a builder is not Serializable.
    private final transient ResembleDetectBuilder settings;
    private final GateEngine engine;

    Execution(ResembleDetectBuilder settings, StepContext context, GateEngine engine) {
      super(context);
      this.settings = settings;
      this.engine = engine;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      StepContext c = getContext();
      Run<?, ?> run = c.get(Run.class);
      TaskListener listener = c.get(TaskListener.class);
      ResembleDetectAction action = new DetectRun(engine).scan(settings, run,
          c.get(FilePath.class), c.get(EnvVars.class), listener);
      if (action.getVerdict() == Verdict.UNSTABLE) {
        c.get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE)
            .withMessage(action.getSentence()));
      }
      DetectRun.judge(action, run, listener);
      return action.toSummaryMap();
    }
  }

  /** Registers the Pipeline function; the Snippet Generator offers the freestyle form instead. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class,
          FlowNode.class);
    }

    @Override
    public String getFunctionName() {
      return "resembleDetect";
    }

    @Override
    public String getDisplayName() {
      return "Resemble Detect: check media for deepfakes";
    }

    /**
     * The form is the freestyle step's, listed under its symbol, which writes the same call; this
     * descriptor only claims the function name so the call returns a value.
     */
    @Override
    public boolean isAdvanced() {
      return true;
    }
  }
}
