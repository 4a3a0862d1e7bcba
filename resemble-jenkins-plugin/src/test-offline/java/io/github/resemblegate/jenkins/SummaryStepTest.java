package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Run;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryStepTest {

  @TempDir File buildDir;

  private static StepContext contextOf(Run<?, ?> run) {
    return new StepContext() {
      private static final long serialVersionUID = 1L;

      @Override
      public <T> T get(Class<T> key) {
        return key == Run.class ? key.cast(run) : null;
      }
    };
  }

  private static Map<String, Object> summarize(Run<?, ?> run) throws Exception {
    return ((ResembleDetectSummaryStep.Execution) new ResembleDetectSummaryStep()
        .start(contextOf(run))).run();
  }

  @Test
  void returnsTheLatestCheckOfTheBuild() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    build.addAction(new ResembleDetectAction(1, List.of(), Results.passed()));
    build.addAction(new ResembleDetectAction(2, List.of(), Results.flagged(Verdict.UNSTABLE)));

    Map<String, Object> summary = summarize(build);

    assertThat(summary).containsEntry("status", "UNSTABLE").containsEntry("flagged", 1)
        .containsEntry("url", "job/test/1/resemble-2/");
  }

  @Test
  void stopsWithAHintWhenNoCheckHasRun() {
    assertThatThrownBy(() -> summarize(new TestBuilds.TestRun(buildDir)))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("No resembleDetect step has finished in this build yet; call resembleDetect "
            + "before resembleDetectSummary.");
  }

  @Test
  void isThePipelineFunctionResembleDetectSummary() {
    ResembleDetectSummaryStep.DescriptorImpl d = new ResembleDetectSummaryStep.DescriptorImpl();

    assertThat(d.getFunctionName()).isEqualTo("resembleDetectSummary");
    assertThat(new java.util.ArrayList<Class<?>>(d.getRequiredContext())).containsExactly(Run.class);
  }
}
