package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import io.github.resemblegate.gate.GateResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultMappingTest {

  @TempDir File buildDir;

  private static ResembleDetectAction action(GateResult result) {
    return new ResembleDetectAction(1, List.of(), result);
  }

  @Test
  void passedDecisionLeavesTheBuildResultAlone() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    DetectRun.judge(action(Results.passed()), run);

    assertThat(run.getResult()).isNull();
  }

  @Test
  void unstableDecisionMarksTheBuildUnstableAndGoesOn() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    DetectRun.judge(action(Results.flagged(Verdict.UNSTABLE)), run);

    assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
  }

  @Test
  void failedDecisionSetsFailureThenStopsWithItsSentence() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);
    ResembleDetectAction failed = action(Results.flagged(Verdict.FAILED));

    assertThatThrownBy(() -> DetectRun.judge(failed, run))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("1 of 2 files scored at or above the threshold 0.50: media/fake.wav (0.97).");
    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
  }

  @Test
  void unstableDoesNotHideAnEarlierFailure() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);
    run.setResult(Result.FAILURE);

    DetectRun.judge(action(Results.flagged(Verdict.UNSTABLE)), run);

    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
  }
}
