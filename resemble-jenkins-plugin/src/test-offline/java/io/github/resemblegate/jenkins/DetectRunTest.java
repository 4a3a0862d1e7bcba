package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole step on the controller, with the scan run locally against a prepared result. */
class DetectRunTest {

  @TempDir File workspace;
  @TempDir File buildDir;

  private final TestBuilds.Console console = new TestBuilds.Console();

  @BeforeEach
  void freshController() {
    TestBuilds.freshController();
  }

  @AfterEach
  void forgetCredentials() {
    CredentialsProvider.resetForTest();
  }

  private static ResembleDetectBuilder step() {
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**");
    b.setFormats("none");
    return b;
  }

  private ResembleDetectAction run(ResembleDetectBuilder b, GateEngine engine,
      TestBuilds.TestRun run, EnvVars env) throws Exception {
    return TestBuilds.perform(b, engine, run, workspace, env, console);
  }

  @Test
  void flaggedFileWithFailureAttachesTheSummaryThenFailsTheBuild() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    Results.FixedEngine engine = new Results.FixedEngine(Results.flagged(Verdict.FAILED));

    assertThatThrownBy(() -> run(step(), engine, build, new EnvVars("RESEMBLE_API_KEY", "k-1")))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("1 of 2 files scored at or above the threshold 0.50: media/fake.wav (0.97).");

    assertThat(build.getResult()).isEqualTo(Result.FAILURE);
    ResembleDetectAction action = build.getAction(ResembleDetectAction.class);
    assertThat(action.getRun()).isSameAs(build);
    assertThat(action.getCounts()).isEqualTo("2 files: 1 likely genuine, 1 likely synthetic");
    assertThat(action.getAttentionRows()).extracting(FileResult::path)
        .containsExactly("media/fake.wav");
  }

  @Test
  void flaggedFileWithUnstableMarksTheBuildAndLetsItGoOn() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    ResembleDetectAction action = run(step(),
        new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)), build,
        new EnvVars("RESEMBLE_API_KEY", "k-1"));

    assertThat(build.getResult()).isEqualTo(Result.UNSTABLE);
    assertThat(action.getVerdict()).isEqualTo(Verdict.UNSTABLE);
  }

  @Test
  void passedRunLeavesTheResultAndStillShowsTheSummary() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    run(step(), new Results.FixedEngine(Results.passed()), build,
        new EnvVars("RESEMBLE_API_KEY", "k-1"));

    assertThat(build.getResult()).isNull();
    assertThat(build.getAction(ResembleDetectAction.class).getCounts())
        .isEqualTo("1 file: 1 likely genuine");
  }

  @Test
  void theResultIsKeptWithTheBuildAsTheCoresJsonReportEvenWithoutReports() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    ResembleDetectAction action = run(step(),
        new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)), build,
        new EnvVars("RESEMBLE_API_KEY", "k-1"));

    assertThat(new File(buildDir, "resemble/resemble-report.json")).isFile();
    assertThat(action.getReportFiles()).containsExactly("resemble-report.json");
    ResembleDetectAction reloaded = new ResembleDetectAction(action.getIndex(),
        action.getReportFiles(), null);
    reloaded.onLoad(build);
    assertThat(reloaded.getSentence()).isEqualTo(action.getSentence());
    assertThat(reloaded.getAttentionRows()).extracting(FileResult::path, FileResult::score)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("media/fake.wav", 0.97));
  }

  @Test
  void noTokenIsLeftToTheGateWhichAsksForOneOnlyWhenItMustPay() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    Results.FixedEngine engine = new Results.FixedEngine(Results.passed());

    run(step(), engine, build, new EnvVars());

    assertThat(engine.seen.get().api().token()).isNull();
    assertThat(engine.seen.get().api().tokenAdvice()).isEqualTo(Tokens.ADVICE)
        .contains("credentialsId", "RESEMBLE_API_KEY");
    assertThat(build.getResult()).isNull();
  }

  @Test
  void theGatesAskForATokenStopsTheStepWithItsSentenceAndASummaryOfARunThatDidNotComplete()
      throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    GateEngine mustPay = new GateEngine() {
      private static final long serialVersionUID = 1L;

      @Override
      public GateResult run(GateConfig config, GateListener listener) {
        throw new GateException("No Resemble API token was provided. "
            + config.api().tokenAdvice());
      }
    };

    assertThatThrownBy(() -> run(step(), mustPay, build, new EnvVars()))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("No Resemble API token was provided. " + Tokens.ADVICE);
    assertThat(build.getAction(ResembleDetectAction.class).getSentence())
        .startsWith("The run did not complete: no Resemble API token was provided.");
  }

  @Test
  void dryRunNeedsNoToken() throws Exception {
    ResembleDetectBuilder b = step();
    b.setDryRun(true);
    Results.FixedEngine engine = new Results.FixedEngine(Results.passed());

    run(b, engine, new TestBuilds.TestRun(buildDir), new EnvVars());

    assertThat(engine.seen.get().dryRun()).isTrue();
    assertThat(engine.seen.get().api().token()).isNull();
  }

  @Test
  void credentialTokenReachesTheGateOnTheAgent() throws Exception {
    CredentialsProvider.storeForTest(new SecretText("resemble-api-key", "cred-secret-1"));
    ResembleDetectBuilder b = step();
    b.setCredentialsId("resemble-api-key");
    Results.FixedEngine engine = new Results.FixedEngine(Results.passed());

    run(b, engine, new TestBuilds.TestRun(buildDir), new EnvVars("RESEMBLE_API_KEY", "env"));

    assertThat(engine.seen.get().api().token().secret()).isEqualTo("cred-secret-1");
    assertThat(engine.seen.get().scan().baseDirectory()).isEqualTo(workspace.toPath()
        .toAbsolutePath().normalize());
  }

  @Test
  void settingToFixStopsTheStepWithOneSentenceAndASummaryOfARunThatDidNotComplete()
      throws Exception {
    ResembleDetectBuilder b = step();
    b.setThreshold(1.5);
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> run(b, new Results.FixedEngine(Results.passed()), build,
        new EnvVars("RESEMBLE_API_KEY", "k-1")))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("threshold must be between 0 and 1 (a deepfake probability), not '1.5'.");
    assertThat(build.getAction(ResembleDetectAction.class).getSentence()).isEqualTo(
        "The run did not complete: threshold must be between 0 and 1 (a deepfake probability),"
        + " not '1.5'.");
  }

  @Test
  void everySettingToFixIsNamedInTheOneAbort() throws Exception {
    ResembleDetectBuilder b = step();
    b.setThreshold(1.5);
    b.setTimeout("soon");

    assertThatThrownBy(() -> run(b, new Results.FixedEngine(Results.passed()),
        new TestBuilds.TestRun(buildDir), new EnvVars("RESEMBLE_API_KEY", "k-1")))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("threshold must be between 0 and 1 (a deepfake probability), not '1.5'."
            + " timeout must be a duration such as 500ms, 90s, 30m or 1h, not 'soon'.");
  }

  @Test
  void unexpectedLibraryErrorComesBackAsAPluginExceptionWithItsStack() throws Exception {
    GateEngine broken = new GateEngine() {
      private static final long serialVersionUID = 1L;

      @Override
      public GateResult run(GateConfig config, GateListener listener) {
        throw new IllegalStateException("journal is corrupt");
      }
    };

    assertThatThrownBy(() -> run(step(), broken, new TestBuilds.TestRun(buildDir),
        new EnvVars("RESEMBLE_API_KEY", "very-secret-key")))
        .isExactlyInstanceOf(ScanFailure.class)
        .hasMessage("Resemble Detect failed unexpectedly: java.lang.IllegalStateException: "
            + "journal is corrupt")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getStackTrace()).isNotEmpty());
  }

  @Test
  void anAbortedScanEndsWithAnInterruptionSoJenkinsMarksTheBuildAborted() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    GateEngine aborted = (config, listener) -> {
      // What the gate does when the build's thread is interrupted (Gate.run's contract).
      Thread.currentThread().interrupt();
      throw new GateException("The run was interrupted; run it again to resume.",
          new InterruptedException());
    };

    assertThatThrownBy(() -> run(step(), aborted, build, new EnvVars("RESEMBLE_API_KEY", "k")))
        .isExactlyInstanceOf(InterruptedException.class)
        .hasMessage("The run was interrupted; run it again to resume.");
    assertThat(build.getResult()).isNull();
    assertThat(build.getAction(ResembleDetectAction.class).getSentence())
        .isEqualTo("The run did not complete: the run was interrupted; run it again to resume.");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void theConsoleHasTheCoresLinesAndSaysTheVerdictOnce() throws Exception {
    run(step(), new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)),
        new TestBuilds.TestRun(buildDir), new EnvVars("RESEMBLE_API_KEY", "k-1"));

    String sentence = "1 of 2 files scored at or above the threshold 0.50: media/fake.wav (0.97).";
    assertThat(console.text())
        .contains("[Resemble] Verdict: PASSED with warnings. " + sentence);
    assertThat(console.text().split(java.util.regex.Pattern.quote(sentence), -1)).hasSize(2);
  }

  @Test
  void aStepStoppedByASettingHasItsOwnPageSayingSoAndTheNextStepTheNextNumber()
      throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    EnvVars env = new EnvVars("RESEMBLE_API_KEY", "k-1");
    ResembleDetectBuilder wrong = step();
    wrong.setTimeout("soon");

    assertThatThrownBy(() -> run(wrong, new Results.FixedEngine(Results.passed()), build, env))
        .isInstanceOf(AbortException.class);
    run(step(), new Results.FixedEngine(Results.passed()), build, env);

    assertThat(build.getActions(ResembleDetectAction.class))
        .extracting(ResembleDetectAction::getUrlName, ResembleDetectAction::getVerdict)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("resemble", Verdict.FAILED),
            org.assertj.core.groups.Tuple.tuple("resemble-2", Verdict.PASSED));
  }

  @Test
  void secondRunInTheSameBuildGetsItsOwnPage() throws Exception {
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    EnvVars env = new EnvVars("RESEMBLE_API_KEY", "k-1");

    run(step(), new Results.FixedEngine(Results.passed()), build, env);
    run(step(), new Results.FixedEngine(Results.flagged(Verdict.UNSTABLE)), build, env);

    assertThat(build.getActions(ResembleDetectAction.class))
        .extracting(ResembleDetectAction::getUrlName, ResembleDetectAction::getDisplayName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("resemble", "Resemble Detect"),
            org.assertj.core.groups.Tuple.tuple("resemble-2", "Resemble Detect #2"));
  }
}
