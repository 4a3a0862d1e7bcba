package io.github.resemblegate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.settings.Defaults;
import java.io.File;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code resembleMerge reports: 'shards/'}: joins the reports of a sharded run (parallel branches,
 * each {@code resembleDetect shard: 'i/n'}, their reports stashed and unstashed here) into the
 * verdict of one run, with the build page summary and result a single {@code resembleDetect} over
 * every file would give. Refuses, with one sentence, reports that are not every shard of one run.
 * Calls no API.
 */
public final class ResembleMergeStep extends Step {

  private final String reports;
  private String reportsDirectory = "";
  private String formats = Defaults.FORMATS;

  /** @param reports the shards' resemble-report.json files or folders, comma-separated, in the workspace */
  @DataBoundConstructor
  public ResembleMergeStep(String reports) {
    this.reports = Text.trim(reports);
  }

  public String getReports() { return reports; }
  public String getReportsDirectory() { return reportsDirectory; }
  public String getFormats() { return formats; }

  /** Where the merged reports go; empty: resemble-reports in the workspace. */
  @DataBoundSetter public void setReportsDirectory(String v) { reportsDirectory = Text.trim(v); }
  @DataBoundSetter public void setFormats(String v) { formats = Text.trim(v); }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, this);
  }

  /** Reads small files and joins them; quick, so it runs on the Pipeline thread. */
  static final class Execution extends SynchronousStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient ResembleMergeStep step;

    Execution(StepContext context, ResembleMergeStep step) {
      super(context);
      this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      Run<?, ?> run = getContext().get(Run.class);
      FilePath workspace = getContext().get(FilePath.class);
      TaskListener listener = getContext().get(TaskListener.class);
      ScanOutcome outcome = workspace.act(new MergeCallable(step.reports,
          step.reportsDirectory, step.formats, listener));
      int index = run.getActions(ResembleDetectAction.class).size() + 1;
      ResembleDetectAction action = new ResembleDetectAction(index, outcome);
      DetectFlow.archiveReports(outcome, workspace,
          new File(run.getRootDir(), action.getArchiveDirName()));
      run.addAction(action);
      DetectFlow.applyResult(outcome, run, listener);
      return action.toSummaryMap();
    }
  }

  /** Registers the Pipeline function name. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, FilePath.class, TaskListener.class);
    }

    @Override
    public String getFunctionName() {
      return "resembleMerge";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Resemble Detect: merge the reports of a sharded run";
    }
  }
}
