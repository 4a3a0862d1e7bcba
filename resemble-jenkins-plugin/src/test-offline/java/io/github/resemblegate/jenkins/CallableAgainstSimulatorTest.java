package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PENDING: moves to src/test-offline/java once the simulator module and Gate.run are on main.
 * The whole step, end to end on this machine: the callable runs the real gate (local FilePath)
 * against the Detect API simulator, writes real reports, and the flow archives them.
 */
class CallableAgainstSimulatorTest {

  private static final String TOKEN = "sim-token-e2e";
  private static ResembleSimulator simulator;

  @TempDir File workspace;
  @TempDir File buildDir;

  @BeforeAll
  static void start() {
    simulator = ResembleSimulator.start(SimulatorOptions.builder().token(TOKEN)
        .processingTime(Duration.ofMillis(20)).build());
  }

  @AfterAll
  static void stop() {
    simulator.close();
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

  @Test
  void flaggedFileFailsTheBuildWithRealReportsArchived() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);
    TestBuilds.Console console = new TestBuilds.Console();

    assertThatThrownBy(() -> new DetectFlow(RealGate.INSTANCE).run(step("FAILURE").toSettings(),
        run, new FilePath(workspace), new EnvVars("RESEMBLE_API_KEY", TOKEN), console))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessageContaining("media/fake-intro.wav");

    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
    ResembleDetectAction action = run.getAction(ResembleDetectAction.class);
    assertThat(action.getOutcome().getFlagged()).isEqualTo(1);
    assertThat(action.getOutcome().getPassed()).isEqualTo(1);
    assertThat(new File(buildDir, "resemble/resemble-report.html")).exists();
    assertThat(new File(workspace, "resemble-reports/resemble-report.json")).exists();
    assertThat(console.text()).doesNotContain(TOKEN);
  }

  @Test
  void unstableChoiceLetsTheBuildGoOn() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    new DetectFlow(RealGate.INSTANCE).run(step("UNSTABLE").toSettings(), run,
        new FilePath(workspace), new EnvVars("RESEMBLE_API_KEY", TOKEN),
        new TestBuilds.Console());

    assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
  }

  @Test
  void wrongTokenIsAnApiErrorThatFailsTheBuild() throws Exception {
    TestBuilds.TestRun run = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> new DetectFlow(RealGate.INSTANCE).run(step("UNSTABLE").toSettings(),
        run, new FilePath(workspace), new EnvVars("RESEMBLE_API_KEY", "wrong"),
        new TestBuilds.Console())).isInstanceOf(AbortException.class);
    assertThat(run.getResult()).isEqualTo(Result.FAILURE);
  }
}
