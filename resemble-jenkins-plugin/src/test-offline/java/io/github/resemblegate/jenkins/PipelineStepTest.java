package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code def r = resembleDetect(...)} in Pipeline: the call returns the summary, a WARN verdict
 * marks the step's node (so its stage) unstable as junit does, and the old names still bind.
 */
class PipelineStepTest {

  @TempDir File workspace;
  @TempDir File buildDir;

  private TestBuilds.TestRun build;
  private final FlowNode node = new FlowNode("7") {};
  private final TestBuilds.Console console = new TestBuilds.Console();

  @BeforeEach
  void freshBuild() throws Exception {
    TestBuilds.freshController();
    build = new TestBuilds.TestRun(buildDir);
  }

  private StepContext context() {
    return new StepContext() {
      private static final long serialVersionUID = 1L;

      @Override
      public <T> T get(Class<T> key) {
        Object value = key == Run.class ? build : key == FilePath.class ? new FilePath(workspace)
            : key == EnvVars.class ? new EnvVars() : key == TaskListener.class ? console
            : key == FlowNode.class ? node : null;
        return key.cast(value);
      }
    };
  }

  private Map<String, Object> call(ResembleDetectStep step, GateEngine engine) throws Exception {
    step.formats = "none";
    return new ResembleDetectStep.Execution(step.words(), context(), engine).run();
  }

  @Test
  void theCallReturnsTheSummary() throws Exception {
    Map<String, Object> r = call(new ResembleDetectStep("media/**"),
        new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)));

    assertThat(r).containsEntry("status", "UNSTABLE").containsEntry("flagged", 1)
        .containsEntry("files", 2).containsEntry("url", "job/test/1/resemble/");
    assertThat(ActionTest.PlainValues.allPlain(r)).isTrue();
  }

  @Test
  void aWarnVerdictMarksTheStepsNodeAndTheBuildUnstable() throws Exception {
    call(new ResembleDetectStep("media/**"),
        new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)));

    WarningAction warning = node.getAction(WarningAction.class);
    assertThat(warning.getResult()).isEqualTo(Result.UNSTABLE);
    assertThat(warning.getMessage())
        .isEqualTo("1 of 2 files scored at or above the threshold 0.50: media/fake.wav (0.97).");
    assertThat(build.getResult()).isEqualTo(Result.UNSTABLE);
  }

  @Test
  void aPassLeavesTheNodeAndTheBuildAlone() throws Exception {
    call(new ResembleDetectStep("media/**"), new Results.FixedEngine(Results.passed()));

    assertThat(node.getAction(WarningAction.class)).isNull();
    assertThat(build.getResult()).isNull();
  }

  @Test
  void aFailVerdictFailsTheStepWithTheSentence() {
    assertThatThrownBy(() -> call(new ResembleDetectStep("media/**"),
        new Results.FixedEngine(Results.flagged(Verdict.FAILED))))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("1 of 2 files scored at or above the threshold 0.50: media/fake.wav (0.97).");
    assertThat(build.getResult()).isEqualTo(Result.FAILURE);
  }

  @Test
  @SuppressWarnings("deprecation")
  void theStepBindsEverySettingAndTheOldNamesAsTheFreestyleStepDoes() {
    ResembleDetectStep step = new ResembleDetectStep("media/**");
    step.threshold = 0.7;
    step.onFlagged = "UNSTABLE";
    step.credentialsId = "resemble-api-key";
    step.setTimeoutMinutes(5);
    step.setReportsDir("old-reports");

    StepWords words = step.words();

    assertThat(words.words()).containsEntry("includes", "media/**")
        .containsEntry("threshold", "0.7").containsEntry("onFlagged", "WARN")
        .containsEntry("timeout", "5m").containsEntry("reportsDirectory", "old-reports");
    assertThat(words.credentialsId()).isEqualTo("resemble-api-key");
    assertThat(step.getTimeoutMinutes()).isEqualTo(5);
  }

  /**
   * Pipeline binds the same names to the same types: a public field Pipeline sets and reads back
   * for each freestyle setter, a deprecated setter and getter for each old name.
   */
  @Test
  void everyFreestyleSettingIsAPipelineSettingOfTheSameType() throws Exception {
    for (java.lang.reflect.Method m : ResembleDetectBuilder.class.getMethods()) {
      if (!m.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)) {
        continue;
      }
      String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
      if (m.isAnnotationPresent(Deprecated.class)) {
        assertThat(ResembleDetectStep.class.getMethod(m.getName(), m.getParameterTypes())
            .isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)).as(name).isTrue();
        assertThat(ResembleDetectStep.class.getMethod("get" + m.getName().substring(3)))
            .as(name).isNotNull();
      } else {
        java.lang.reflect.Field f = ResembleDetectStep.class.getField(name);
        assertThat(f.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)).as(name)
            .isTrue();
        assertThat(f.getType()).as(name).isEqualTo(m.getParameterTypes()[0]);
      }
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void aNewNameWinsOverItsOldName() {
    ResembleDetectStep step = new ResembleDetectStep("media/**");
    step.timeout = "90s";
    step.setTimeoutMinutes(5);

    assertThat(step.words().word(io.github.resemblegate.gate.settings.Setting.TIMEOUT))
        .isEqualTo("90s");
  }

  @Test
  void isThePipelineFunctionResembleDetectAndNeedsTheNodeForItsWarning() {
    ResembleDetectStep.DescriptorImpl d = new ResembleDetectStep.DescriptorImpl();

    assertThat(d.getFunctionName()).isEqualTo("resembleDetect");
    assertThat(new java.util.ArrayList<Class<?>>(d.getRequiredContext())).contains(FlowNode.class,
        Run.class, FilePath.class, TaskListener.class, EnvVars.class);
    assertThat(d.isAdvanced()).isTrue();
  }
}
