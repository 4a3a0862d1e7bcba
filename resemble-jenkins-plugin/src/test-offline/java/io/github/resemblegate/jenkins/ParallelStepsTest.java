package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.model.Action;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code resembleDetect} in {@code parallel} branches run at once on one build: each gets a
 * number of its own, so its own page and its own report folder.
 */
class ParallelStepsTest {

  @TempDir File workspace;
  @TempDir File buildDir;

  @BeforeEach
  void freshController() {
    TestBuilds.freshController();
  }

  /**
   * A build in which a step's action is added only once both steps have looked at the actions
   * (or after two seconds): the moment at which two branches used to take the same number.
   */
  static final class InterleavingRun extends TestBuilds.TestRun {
    private final CountDownLatch bothLooked = new CountDownLatch(2);

    InterleavingRun(File rootDir) throws java.io.IOException {
      super(rootDir);
    }

    @Override
    public <T extends Action> List<T> getActions(Class<T> type) {
      if (type == ResembleDetectAction.class) {
        bothLooked.countDown();
      }
      return super.getActions(type);
    }

    @Override
    public void addAction(Action a) {
      if (a instanceof ResembleDetectAction) {
        try {
          bothLooked.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      super.addAction(a);
    }
  }

  private List<ResembleDetectAction> runAtOnce(TestBuilds.TestRun build, int steps)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(steps);
    try {
      List<Callable<ResembleDetectAction>> branches = new ArrayList<>();
      for (int i = 0; i < steps; i++) {
        branches.add(() -> {
          ResembleDetectBuilder b = new ResembleDetectBuilder("media/**");
          b.setFormats("none");
          return new DetectRun(new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)))
              .scan(StepWords.of(b), build, new hudson.FilePath(workspace), new EnvVars(),
                  new TestBuilds.Console());
        });
      }
      List<ResembleDetectAction> actions = new ArrayList<>();
      for (Future<ResembleDetectAction> f : pool.invokeAll(branches)) {
        actions.add(f.get());
      }
      return actions;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoBranchesThatFinishTogetherGetTwoPagesAndTwoFolders() throws Exception {
    InterleavingRun build = new InterleavingRun(buildDir);

    List<ResembleDetectAction> actions = runAtOnce(build, 2);

    assertThat(actions).extracting(ResembleDetectAction::getUrlName)
        .containsExactlyInAnyOrder("resemble", "resemble-2");
    assertThat(new File(buildDir, "resemble/resemble-report.json")).isFile();
    assertThat(new File(buildDir, "resemble-2/resemble-report.json")).isFile();
  }

  @Test
  void manyBranchesAtOnceGetNumbersOneToN() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    List<ResembleDetectAction> actions = runAtOnce(build, 8);

    assertThat(actions).extracting(ResembleDetectAction::getIndex)
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(build.getActions(ResembleDetectAction.class)).hasSize(8);
  }
}
