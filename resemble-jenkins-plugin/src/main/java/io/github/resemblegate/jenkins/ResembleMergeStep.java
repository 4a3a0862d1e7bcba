package io.github.resemblegate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
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
 * {@code resembleMerge reports: 'shards/'}: joins the reports of a sharded run (parallel branches,
 * each {@code resembleDetect shard: 'i/n'}, their reports stashed and unstashed here) into the
 * verdict of one run, with the build page summary and result a single {@code resembleDetect} over
 * every file would give. Refuses, with one sentence, reports that are not every shard of one run.
 * Calls no API.
 */
public final class ResembleMergeStep extends Step {

  private final String reports;
  private String reportsDirectory;
  private String formats;

  /**
   * @param reports the shards' resemble-report.json files or folders, comma-separated, in the
   *     workspace
   */
  @DataBoundConstructor
  public ResembleMergeStep(String reports) {
    this.reports = Text.blankToNull(reports);
  }

  public String getReports() { return reports; }
  public String getReportsDirectory() { return reportsDirectory; }
  public String getFormats() { return formats; }

  /** Where the merged reports go; blank: resemble-reports in the workspace. */
  @DataBoundSetter public void setReportsDirectory(String v) {
    reportsDirectory = Text.blankToNull(v);
  }
  @DataBoundSetter public void setFormats(String v) { formats = Text.blankToNull(v); }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, reports, reportsDirectory, formats);
  }

  /** On a thread of its own: reading the reports is a call to the agent. */
  static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 2L;

    private final String reports;
    private final String reportsDirectory;
    private final String formats;

    Execution(StepContext context, String reports, String reportsDirectory, String formats) {
      super(context);
      this.reports = reports;
      this.reportsDirectory = reportsDirectory;
      this.formats = formats;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      StepContext c = getContext();
      Run<?, ?> run = c.get(Run.class);
      FilePath workspace = c.get(FilePath.class);
      TaskListener listener = c.get(TaskListener.class);
      ScanOutcome outcome = workspace.act(new MergeCallable(reports, reportsDirectory, formats,
          listener));
      ResembleDetectAction action = DetectRun.keep(outcome, run, workspace, listener);
      outcome.throwIfStopped();
      return DetectRun.finish(action, run, c.get(FlowNode.class));
    }
  }

  /** Registers the Pipeline function name. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, FilePath.class, TaskListener.class, FlowNode.class);
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
