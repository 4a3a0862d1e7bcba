package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resembleMerge: the shards' reports, unstashed in the workspace, judged as one run. */
class MergeStepTest {

  @TempDir File buildDir;
  @TempDir Path workspace;
  private final TestBuilds.Console console = new TestBuilds.Console();
  private final FlowNode node = new FlowNode("9") {};

  /** Writes shard {@code i/n}'s JSON report into {@code shards/i}, as a branch would stash it. */
  private void shard(int i, int n, FileResult... files) throws Exception {
    List<FileResult> list = List.of(files);
    RunInfo info = new RunInfo("0.1.0", Instant.EPOCH, Instant.EPOCH, "http://127.0.0.1:1",
        "/agent-" + i, false, Map.of(), List.of("b-" + i),
        new RunInfo.Sharding(new Shard(i, n), 3), Map.of("threshold", "0.5"));
    GateResult r = new GateResult(info, Policy.DEFAULT, list,
        Totals.countOutcomes(list, list.size(), 0, list.size(), 10, 1),
        DecisionRules.decide(Policy.DEFAULT, list), List.of());
    Reports.write(r, EnumSet.of(ReportFormat.JSON), workspace.resolve("shards/" + i));
  }

  private Map<String, Object> merge(TestBuilds.TestRun run, String reports) throws Exception {
    StepContext context = new StepContext() {
      private static final long serialVersionUID = 1L;

      @Override
      public <T> T get(Class<T> key) {
        Object value = key == Run.class ? run : key == FilePath.class
            ? new FilePath(workspace.toFile()) : key == TaskListener.class ? console
            : key == FlowNode.class ? node : null;
        return key.cast(value);
      }
    };
    return ((ResembleMergeStep.Execution) new ResembleMergeStep(reports).start(context)).run();
  }

  @Test
  void failsTheBuildAsOneRunOverEveryFileWould() throws Exception {
    shard(1, 2, Results.file("media/a.wav", Outcome.PASSED, 0.1),
        Results.file("media/fake.wav", Outcome.FLAGGED, 0.97));
    shard(2, 2, Results.file("media/b.wav", Outcome.PASSED, 0.2));
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> merge(run, "shards"))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("1 of 3 files is likely synthetic: media/fake.wav scored 0.97, at or above"
            + " the threshold 0.50.");
    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
    assertThat(run.getActions(ResembleDetectAction.class)).hasSize(1);
    assertThat(workspace.resolve("resemble-reports/resemble-report.html")).exists();
    assertThat(console.text()).contains("[Resemble] Shard report: shards/1/resemble-report.json");
  }

  @Test
  void refusesAnIncompleteSetWithOneSentence() throws Exception {
    shard(1, 2, Results.file("media/a.wav", Outcome.PASSED, 0.1));

    assertThatThrownBy(() -> merge(new TestBuilds.TestRun(buildDir), "shards/1"))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("Shard 2 of 2 is missing; merge needs the report of every shard.");
  }

  @Test
  void aRefusedMergeLeavesNoEarlierMergesReportsButOnesThatSayItDidNotComplete()
      throws Exception {
    shard(1, 2, Results.file("media/a.wav", Outcome.PASSED, 0.1),
        Results.file("media/c.wav", Outcome.PASSED, 0.3));
    shard(2, 2, Results.file("media/b.wav", Outcome.PASSED, 0.2));
    merge(new TestBuilds.TestRun(buildDir), "shards");
    Path earlier = workspace.resolve("resemble-reports/resemble-report.json");
    assertThat(JsonReportReader.read(earlier).run().finishedAt()).isNotNull();
    TestBuilds.TestRun next = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> merge(next, "shards/1"))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("Shard 2 of 2 is missing; merge needs the report of every shard.");

    assertThat(JsonReportReader.read(earlier).run().finishedAt()).isNull();
    assertThat(next.getAction(ResembleDetectAction.class).getSentence())
        .startsWith("The run did not complete");
  }

  @Test
  void aPassingMergeReturnsTheSummaryKeepsTheReportsAndLeavesTheStageAlone() throws Exception {
    shard(1, 2, Results.file("media/a.wav", Outcome.PASSED, 0.1),
        Results.file("media/c.wav", Outcome.PASSED, 0.3));
    shard(2, 2, Results.file("media/b.wav", Outcome.PASSED, 0.2));
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    Map<String, Object> summary = merge(run, "shards");

    assertThat(summary).containsEntry("status", "PASSED").containsEntry("files", 3);
    assertThat(node.getAction(org.jenkinsci.plugins.workflow.actions.WarningAction.class))
        .isNull();
    assertThat(run.getAction(ResembleDetectAction.class).getReportFiles())
        .contains("resemble-report.json", "resemble-report.html");
  }

  @Test
  void isThePipelineFunctionResembleMerge() {
    assertThat(new ResembleMergeStep.DescriptorImpl().getFunctionName())
        .isEqualTo("resembleMerge");
  }
}
