package io.github.resemblegate.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.settings.Setting;
import java.util.Map;
import java.util.Set;
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
 * {@code Step} cannot extend a {@code Builder}, so the settings are bound here again, as public
 * fields: Pipeline binds a {@code @DataBoundSetter} field and reads a public one back, and the
 * form, which needs getters, is the freestyle step's.
 */
public final class ResembleDetectStep extends Step {

  public final String includes;
  @DataBoundSetter public String excludes;
  @DataBoundSetter public Boolean defaultExcludes;
  @DataBoundSetter public Boolean archives;
  @DataBoundSetter public String credentialsId;
  @DataBoundSetter public Double threshold;
  @DataBoundSetter public Double audioThreshold;
  @DataBoundSetter public Double imageThreshold;
  @DataBoundSetter public Double videoThreshold;
  @DataBoundSetter public Double warnThreshold;
  @DataBoundSetter public String onFlagged;
  @DataBoundSetter public String onError;
  @DataBoundSetter public String onNoSpeech;
  @DataBoundSetter public String onEmpty;
  @DataBoundSetter public String videoScoring;
  @DataBoundSetter public String waiversFile;
  @DataBoundSetter public Integer maxFiles;
  @DataBoundSetter public String maxBytes;
  @DataBoundSetter public Integer maxMediaMinutes;
  @DataBoundSetter public String timeout;
  @DataBoundSetter public Boolean dryRun;
  @DataBoundSetter public String shard;
  @DataBoundSetter public String reportsDirectory;
  @DataBoundSetter public String formats;
  @DataBoundSetter public Boolean cache;
  @DataBoundSetter public String cacheDirectory;
  @DataBoundSetter public Boolean refresh;
  @DataBoundSetter public String apiUrl;
  @DataBoundSetter public String connectTimeout;
  @DataBoundSetter public String readTimeout;
  @DataBoundSetter public Double requestsPerSecond;
  @DataBoundSetter public String retryBudget;
  @DataBoundSetter public Integer maxRetries;
  @DataBoundSetter public Integer concurrency;
  @DataBoundSetter public String intakeMode;
  @DataBoundSetter public Integer maxFilesPerBatch;
  @DataBoundSetter public Integer maxBytesPerBatch;
  @DataBoundSetter public String pollInterval;
  @DataBoundSetter public String maxPollInterval;
  @DataBoundSetter public Boolean intelligence;
  @DataBoundSetter public Boolean visualize;
  @DataBoundSetter public Integer frameLength;
  @DataBoundSetter public Double startRegion;
  @DataBoundSetter public Double endRegion;
  @DataBoundSetter public Double maxVideoSecs;
  @DataBoundSetter public Boolean useLlm;
  @DataBoundSetter public Boolean zeroRetentionMode;
  @DataBoundSetter public Boolean searchIdentity;
  @DataBoundSetter public Boolean audioSourceTracing;
  @DataBoundSetter public String callbackUrl;
  @DataBoundSetter public String modelTypes;
  @DataBoundSetter public Boolean useReverseSearch;
  @DataBoundSetter public Boolean useOodDetector;
  @DataBoundSetter public Double maxVideoFps;

  /** @param includes Ant-style patterns, comma- or newline-separated, relative to the workspace */
  @DataBoundConstructor
  public ResembleDetectStep(String includes) {
    this.includes = includes;
  }

  // The old names, for Pipeline scripts that still use them: kept apart, and given to the new
  // names only where those are not set (see ResembleDetectBuilder).
  private Integer timeoutMinutes;
  private Integer retryBudgetSeconds;
  private String reportsDir;
  private String cacheDir;
  private String waivers;

  /** @deprecated use {@code timeout: '30m'} */
  @Deprecated @DataBoundSetter public void setTimeoutMinutes(Integer v) { timeoutMinutes = v; }
  /** @deprecated use {@code timeout} */
  @Deprecated public Integer getTimeoutMinutes() { return timeoutMinutes; }
  /** @deprecated use {@code retryBudget: '2m'} */
  @Deprecated @DataBoundSetter public void setRetryBudgetSeconds(Integer v) {
    retryBudgetSeconds = v;
  }
  /** @deprecated use {@code retryBudget} */
  @Deprecated public Integer getRetryBudgetSeconds() { return retryBudgetSeconds; }
  /** @deprecated use {@code reportsDirectory} */
  @Deprecated @DataBoundSetter public void setReportsDir(String v) { reportsDir = v; }
  /** @deprecated use {@code reportsDirectory} */
  @Deprecated public String getReportsDir() { return reportsDir; }
  /** @deprecated use {@code cacheDirectory} */
  @Deprecated @DataBoundSetter public void setCacheDir(String v) { cacheDir = v; }
  /** @deprecated use {@code cacheDirectory} */
  @Deprecated public String getCacheDir() { return cacheDir; }
  /** @deprecated use {@code waiversFile} */
  @Deprecated @DataBoundSetter public void setWaivers(String v) { waivers = v; }
  /** @deprecated use {@code waiversFile} */
  @Deprecated public String getWaivers() { return waivers; }

  /** The step's words, an old name's value standing in where its new name is not set. */
  StepWords words() {
    return StepWords.of(this)
        .orElse(Setting.TIMEOUT, LegacyWords.minutes(timeoutMinutes))
        .orElse(Setting.RETRY_BUDGET, LegacyWords.seconds(retryBudgetSeconds))
        .orElse(Setting.REPORTS_DIRECTORY, reportsDir)
        .orElse(Setting.CACHE_DIRECTORY, cacheDir)
        .orElse(Setting.WAIVERS_FILE, waivers);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(words(), context, RealGate.INSTANCE);
  }

  /** Runs on a thread of its own: a scan waits minutes for the API. Not resumed after a restart. */
  static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 2L;

    private final StepWords words;
    private final GateEngine engine;

    Execution(StepWords words, StepContext context, GateEngine engine) {
      super(context);
      this.words = words;
      this.engine = engine;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      StepContext c = getContext();
      Run<?, ?> run = c.get(Run.class);
      ResembleDetectAction action = new DetectRun(engine).scan(words, run, c.get(FilePath.class),
          c.get(EnvVars.class), c.get(TaskListener.class));
      return DetectRun.finish(action, run, c.get(FlowNode.class));
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
