package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.narration.ForwardingListener;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.simulator.ResembleSimulator;
import io.github.resemblegate.simulator.SimulatorOptions;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole step, end to end on this machine: the callable reads the settings with the core's
 * reader and runs the real gate (local FilePath) against the Detect API simulator, writes real
 * reports, and the flow archives them.
 */
class CallableAgainstSimulatorTest {

  private static final String TOKEN = "sim-token-e2e";
  private static ResembleSimulator simulator;

  @TempDir File workspace;
  @TempDir File buildDir;
  @TempDir File cacheDir;

  @BeforeAll
  static void start() {
    simulator = ResembleSimulator.start(SimulatorOptions.builder().token(TOKEN)
        .processingTime(Duration.ofMillis(20)).build());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    simulator.reset();
    TestBuilds.freshController();
  }

  /** Distinct sample counts keep the contents distinct: the gate judges identical content once. */
  private static byte[] wav(int samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16000)
        .putInt(32000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(samples * 2);
    return b.array();
  }

  private ResembleDetectBuilder step(String onFlagged) throws Exception {
    Path media = workspace.toPath().resolve("media");
    Files.createDirectories(media);
    Files.write(media.resolve("fake-intro.wav"), wav(8000));
    Files.write(media.resolve("voice.wav"), wav(8001));
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**/*.wav");
    b.setApiUrl(simulator.baseUrl());
    b.setOnFlagged(onFlagged);
    b.setCache(false);
    return b;
  }

  private void run(ResembleDetectBuilder b, TestBuilds.TestRun run, String token,
      TestBuilds.Console console) throws Exception {
    TestBuilds.perform(b, RealGate.INSTANCE, run, workspace,
        token == null ? new EnvVars() : new EnvVars("RESEMBLE_API_KEY", token), console);
  }

  @Test
  void flaggedFileFailsTheBuildWithTheDecisionsSentenceAndRealReportsArchived()
      throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);
    TestBuilds.Console console = new TestBuilds.Console();

    Throwable abort = catchThrowable(
        () -> run(step("FAIL"), run, TOKEN, console));

    ResembleDetectAction action = run.getAction(ResembleDetectAction.class);
    assertThat(abort).isExactlyInstanceOf(AbortException.class)
        .hasMessageContaining("media/fake-intro.wav")
        .hasMessage(action.getSentence());
    assertThat(console.text()).contains("Verdict: FAILED. " + action.getSentence());
    // The core's narration, worded as the Maven goal's log words it.
    assertThat(console.text()).contains("[Resemble] Matched 2 media files",
        "[Resemble] Submitted batch 1/1 (2 files): ", "[Resemble] Report: ");
    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
    assertThat(action.getCounts()).isEqualTo("2 files: 1 likely genuine, 1 likely synthetic");
    assertThat(new File(buildDir, "resemble/resemble-report.html")).exists();
    assertThat(new File(workspace, "resemble-reports/resemble-report.json")).exists();
    assertThat(console.text()).doesNotContain(TOKEN);
  }

  @Test
  void warnLetsTheBuildGoOnUnstable() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    run(step("WARN"), run, TOKEN, new TestBuilds.Console());

    assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
  }

  @Test
  void theJenkinsWordUnstableStillMeansWarn() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    run(step("UNSTABLE"), run, TOKEN, new TestBuilds.Console());

    assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
  }

  /**
   * The real gate, interrupted as Jenkins interrupts a build's thread on abort, once its batch
   * is sent (on the gate's sending thread) and it waits for the API.
   */
  private static GateResult runInterruptedOnceSent(GateConfig config, GateListener listener) {
    Thread runner = Thread.currentThread();
    return Gate.run(config, new ForwardingListener(listener) {
      @Override
      public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
        super.batchSubmitted(batchIndex, batchCount, batchId, files);
        runner.interrupt();
      }
    });
  }

  @Test
  void abortingWhileTheGateWaitsEndsInAnInterruptionWithReportsThatSaySo() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(step("FAIL"),
        CallableAgainstSimulatorTest::runInterruptedOnceSent, run, workspace,
        new EnvVars("RESEMBLE_API_KEY", TOKEN), new TestBuilds.Console()))
        .isExactlyInstanceOf(InterruptedException.class);

    assertThat(simulator.counters().totalRequests()).isPositive();
    assertThat(JsonReportReader.read(workspace.toPath()
        .resolve("resemble-reports/resemble-report.json")).run().finishedAt()).isNull();
    assertThat(run.getAction(ResembleDetectAction.class).getSentence())
        .startsWith("The run did not complete");
    assertThat(run.getResult()).isNull();
  }

  @Test
  void wrongTokenIsAnApiErrorThatFailsTheBuild() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> run(step("WARN"), run, "wrong", new TestBuilds.Console()))
        .isInstanceOf(AbortException.class);
    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
  }

  @Test
  void withoutATokenTheGateStopsBeforeUploadingAndSaysHowToGiveOne() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> run(step("FAIL"), run, null, new TestBuilds.Console()))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("No Resemble API token was provided. " + Tokens.ADVICE);
    assertThat(run.getAction(ResembleDetectAction.class).getVerdict()).isEqualTo(Verdict.FAILED);
    assertThat(simulator.counters().totalRequests()).isZero();
  }

  @Test
  void aRunTheCacheAnswersNeedsNoToken() throws Exception {
    ResembleDetectBuilder cached = step("WARN");
    cached.setCache(true);
    cached.setCacheDirectory(cacheDir.getAbsolutePath());
    run(cached, new TestBuilds.TestRun(buildDir), TOKEN, new TestBuilds.Console());
    simulator.reset();
    TestBuilds.TestRun again = new TestBuilds.TestRun(buildDir);

    run(cached, again, null, new TestBuilds.Console());

    GateResult outcome = again.getActions(ResembleDetectAction.class).get(0).getResult();
    assertThat(outcome.totals().fromCache()).isEqualTo(2);
    assertThat(outcome.totals().uploaded()).isZero();
    assertThat(outcome.totals().count(Outcome.FLAGGED)).isEqualTo(1);
    assertThat(again.getResult()).isEqualTo(Result.UNSTABLE);
    assertThat(simulator.counters().totalRequests()).isZero();
  }

  @Test
  void aDryRunNeedsNoToken() throws Exception {
    ResembleDetectBuilder dry = step("FAIL");
    dry.setDryRun(true);
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    run(dry, run, null, new TestBuilds.Console());

    assertThat(run.getAction(ResembleDetectAction.class).getResult().run().dryRun()).isTrue();
    assertThat(run.getResult()).isNull();
  }
}
