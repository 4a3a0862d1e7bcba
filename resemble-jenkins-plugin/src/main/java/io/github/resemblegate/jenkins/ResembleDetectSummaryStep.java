package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code resembleDetectSummary()}: returns the result of the latest {@code resembleDetect} in this
 * build as a map of strings, numbers and lists, which sandboxed Pipeline scripts may read. Kept
 * for scripts written before {@code def r = resembleDetect(...)} returned the same map.
 */
public final class ResembleDetectSummaryStep extends Step {

  @DataBoundConstructor
  public ResembleDetectSummaryStep() {}

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context);
  }

  /** Reads the build's actions; quick, so it runs on the Pipeline thread. */
  static final class Execution extends SynchronousStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    Execution(StepContext context) {
      super(context);
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      Run<?, ?> run = getContext().get(Run.class);
      List<ResembleDetectAction> actions = run.getActions(ResembleDetectAction.class);
      if (actions.isEmpty()) {
        throw new AbortException("No resembleDetect step has finished in this build yet; call "
            + "resembleDetect before resembleDetectSummary.");
      }
      return actions.get(actions.size() - 1).toSummaryMap();
    }
  }

  /** Registers the Pipeline function name. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class);
    }

    @Override
    public String getFunctionName() {
      return "resembleDetectSummary";
    }

    @Override
    public String getDisplayName() {
      return "Resemble Detect: summary of the latest check in this build";
    }
  }
}
