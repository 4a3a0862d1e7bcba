package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that stops before its verdict leaves no earlier run's reports in the workspace for a
 * later {@code junit} or {@code recordIssues} to publish as this build's: every report says the
 * run did not complete and why, and the build keeps them.
 */
class StoppedRunTest {

  private static final String UNREACHABLE = "The Resemble API at http://127.0.0.1:9 could not"
      + " be reached; check apiUrl and the agent's network.";

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

  /** An earlier build's passing reports, every format, in {@code folder} of the workspace. */
  private Path earlierPassingReports(String folder) throws Exception {
    Path dir = workspace.toPath().resolve(folder);
    Reports.write(Results.passed(), EnumSet.allOf(ReportFormat.class), dir);
    return dir;
  }

  private static GateEngine unreachable() {
    return (config, listener) -> {
      throw new GateException(UNREACHABLE);
    };
  }

  private static GateResult readJson(Path file) throws Exception {
    return JsonReportReader.read(file);
  }

  @Test
  void aRunStoppedAfterItsScanListsEveryMatchedFileInItsReports() throws Exception {
    Path dir = earlierPassingReports("out");
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setReportsDirectory("out");
    step.setFormats("json");
    GateEngine stoppedAfterScan = (config, listener) -> {
      throw new GateException(UNREACHABLE).withMatchedFiles(List.of("media/intro.wav",
          "media/outro.wav"));
    };

    assertThatThrownBy(() -> TestBuilds.perform(step, stoppedAfterScan,
        new TestBuilds.TestRun(buildDir), workspace, new EnvVars("RESEMBLE_API_KEY", "k-1"),
        console)).isExactlyInstanceOf(AbortException.class).hasMessage(UNREACHABLE);

    GateResult json = readJson(dir.resolve("resemble-report.json"));
    assertThat(json.decision().sentence()).startsWith("The run did not complete");
    assertThat(json.files()).extracting(f -> f.path())
        .containsExactly("media/intro.wav", "media/outro.wav");
    assertThat(json.files()).allSatisfy(f ->
        assertThat(f.reason()).isEqualTo("not judged: the run did not complete"));
  }

  @Test
  void anUnreachableApiRewritesEveryChosenReportToSayTheRunDidNotComplete() throws Exception {
    Path dir = earlierPassingReports("out");
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setReportsDirectory("out");
    step.setFormats("json,junit");
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(step, unreachable(), build, workspace,
        new EnvVars("RESEMBLE_API_KEY", "k-1"), console))
        .isExactlyInstanceOf(AbortException.class).hasMessage(UNREACHABLE);

    GateResult json = readJson(dir.resolve("resemble-report.json"));
    assertThat(json.run().finishedAt()).isNull();
    assertThat(json.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(json.decision().sentence()).startsWith("The run did not complete");
    assertThat(json.files()).noneMatch(f -> f.path().equals("media/voice.wav"));
    assertThat(Files.readString(dir.resolve("resemble-junit.xml"), StandardCharsets.UTF_8))
        .doesNotContain("media/voice.wav");
    // Formats this run would not have written are not left behind from the earlier one either.
    assertThat(dir.resolve("resemble.sarif")).doesNotExist();
    assertThat(dir.resolve("resemble-report.html")).doesNotExist();
    assertThat(console.text()).contains("[Resemble] Report: " + dir.resolve("resemble-junit.xml"));
  }

  @Test
  void theBuildKeepsTheReportsOfTheRunThatDidNotComplete() throws Exception {
    earlierPassingReports("resemble-reports");
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(step, unreachable(), build, workspace,
        new EnvVars("RESEMBLE_API_KEY", "k-1"), console))
        .isExactlyInstanceOf(AbortException.class);

    ResembleDetectAction action = build.getAction(ResembleDetectAction.class);
    assertThat(action.getVerdict()).isEqualTo(Verdict.FAILED);
    assertThat(action.getReportFiles()).contains("resemble-report.json", "resemble-junit.xml",
        "resemble-report.html", "resemble-report.css");
    assertThat(readJson(buildDir.toPath().resolve("resemble/resemble-report.json")).run()
        .finishedAt()).isNull();
    assertThat(Files.readString(buildDir.toPath().resolve("resemble/resemble-junit.xml"),
        StandardCharsets.UTF_8)).doesNotContain("media/voice.wav");
  }

  @Test
  void aSettingToFixReplacesTheReportsInTheFolderTheStepNames() throws Exception {
    Path dir = earlierPassingReports("out");
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setReportsDirectory("out");
    step.setThreshold(1.5);
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(step, new Results.FixedEngine(Results.passed()),
        build, workspace, new EnvVars("RESEMBLE_API_KEY", "k-1"), console))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessage("threshold must be between 0 and 1 (a deepfake probability), not '1.5'.");

    assertThat(readJson(dir.resolve("resemble-report.json")).run().finishedAt()).isNull();
    assertThat(readJson(dir.resolve("resemble-report.json")).notices())
        .anyMatch(n -> n.contains("threshold must be between 0 and 1"));
  }

  @Test
  void aBadReportsFolderFallsBackToTheDefaultFolder() throws Exception {
    Path dir = earlierPassingReports("resemble-reports");
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setReportsDirectory("../outside");
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(step, new Results.FixedEngine(Results.passed()),
        build, workspace, new EnvVars("RESEMBLE_API_KEY", "k-1"), console))
        .isExactlyInstanceOf(AbortException.class);

    assertThat(readJson(dir.resolve("resemble-report.json")).run().finishedAt()).isNull();
    assertThat(workspace.toPath().resolve("../outside")).doesNotExist();
  }

  @Test
  void aMissingCredentialStopsBeforeTheScanWithReportsThatSayWhy() throws Exception {
    Path dir = earlierPassingReports("resemble-reports");
    ResembleDetectBuilder step = new ResembleDetectBuilder("media/**");
    step.setCredentialsId("no-such-key");
    Results.FixedEngine engine = new Results.FixedEngine(Results.passed());
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(step, engine, build, workspace,
        new EnvVars("RESEMBLE_API_KEY", "k-1"), console))
        .isExactlyInstanceOf(AbortException.class)
        .hasMessageStartingWith("No Secret text credential with ID 'no-such-key'");

    assertThat(engine.seen.get()).isNull();
    GateResult json = readJson(dir.resolve("resemble-report.json"));
    assertThat(json.run().finishedAt()).isNull();
    assertThat(json.notices()).anyMatch(n -> n.contains("no-such-key"));
    assertThat(build.getAction(ResembleDetectAction.class).getVerdict())
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void anAbortStaysAnAbortAndItsReportsSayTheRunDidNotComplete() throws Exception {
    Path dir = earlierPassingReports("resemble-reports");
    GateEngine aborted = (config, listener) -> {
      Thread.currentThread().interrupt();
      throw new GateException("The run was interrupted; run it again to resume.",
          new InterruptedException());
    };
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);

    assertThatThrownBy(() -> TestBuilds.perform(new ResembleDetectBuilder("media/**"), aborted,
        build, workspace, new EnvVars("RESEMBLE_API_KEY", "k-1"), console))
        .isExactlyInstanceOf(InterruptedException.class);

    assertThat(readJson(dir.resolve("resemble-report.json")).run().finishedAt()).isNull();
    assertThat(readJson(buildDir.toPath().resolve("resemble/resemble-report.json")).run()
        .finishedAt()).isNull();
  }
}
