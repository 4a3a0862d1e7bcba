package io.github.resemblegate.frontends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import hudson.AbortException;
import io.github.resemblegate.cli.CliCommand;
import io.github.resemblegate.jenkins.JenkinsStep;
import io.github.resemblegate.jenkins.ResembleDetectBuilder;
import io.github.resemblegate.maven.DetectMojo;
import io.github.resemblegate.maven.MavenGoal;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The same run through the Maven goal, the Jenkins step and the CLI ends with the same sentence. */
@MojoTest
class FailureSentenceParityTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String TOKEN = "parity-token";
  private static final String SENTENCE = "1 of 2 files is likely synthetic:"
      + " src/main/media/fake-voice.wav scored 0.97, at or above the threshold 0.50.";

  @TempDir Path project;

  /** One file the simulator flags (its name says fake) and one it passes. */
  private void media() throws Exception {
    Path media = project.resolve("src/main/media");
    Files.createDirectories(media);
    Files.write(media.resolve("fake-voice.wav"), wav(8000));
    Files.write(media.resolve("narration.wav"), wav(8001));
  }

  @Test
  @InjectMojo(goal = "detect")
  void aFlaggedFileFailsMavenJenkinsAndTheCliWithTheSameSentence(DetectMojo mojo) throws Exception {
    media();
    MavenGoal maven = new MavenGoal(mojo, project, SIM.baseUrl(), TOKEN);
    Throwable mavenFailure = catchThrowable(() -> maven.mojo().execute());

    ResembleDetectBuilder step = new ResembleDetectBuilder("src/main/media/**");
    step.setApiUrl(SIM.baseUrl());
    step.setOnFlagged("FAIL");
    step.setCacheDirectory("jenkins-cache");
    step.setPollInterval("20ms");
    step.setMaxPollInterval("50ms");
    JenkinsStep jenkins = new JenkinsStep();
    Throwable jenkinsFailure = catchThrowable(() -> jenkins.perform(step, project,
        Files.createDirectories(project.resolve("build")), TOKEN));

    CliCommand cli = new CliCommand(project, Map.of("RESEMBLE_API_KEY", TOKEN));
    int cliExit = cli.run("detect", "--api-url", SIM.baseUrl(), "--cache-directory", "cli-cache",
        "--poll-interval", "20ms", "--max-poll-interval", "50ms", "src/main/media");

    assertThat(mavenFailure).isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage(SENTENCE);
    assertThat(jenkinsFailure).isExactlyInstanceOf(AbortException.class).hasMessage(SENTENCE);
    assertThat(maven.lines()).contains("Verdict: FAILED. " + SENTENCE);
    assertThat(jenkins.console()).contains("[Resemble] Verdict: FAILED. " + SENTENCE);
    assertThat(cliExit).as(cli.err()).isEqualTo(1);
    assertThat(cli.out()).contains("Verdict: FAILED. " + SENTENCE);
  }

  /** A short WAV; distinct sample counts keep the two contents distinct. */
  private static byte[] wav(int samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    return b.array();
  }
}
