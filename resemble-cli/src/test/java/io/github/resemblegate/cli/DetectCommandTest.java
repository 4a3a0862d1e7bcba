package io.github.resemblegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect} end to end against the simulator: exit codes, sentences, reports. */
class DetectCommandTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  static final String TOKEN = "cli-token-5f1c";

  @TempDir Path project;
  @TempDir Path cache;

  /** detect with the simulator's URL, a private cache and fast polling, then {@code more}. */
  private CliRun detect(Map<String, String> env, String... more) {
    List<String> args = new ArrayList<>(List.of("detect", "--api-url", SIM.baseUrl(),
        "--cache-directory", cache.toString(), "--poll-interval", "10ms",
        "--max-poll-interval", "40ms"));
    args.addAll(Arrays.asList(more));
    return CliRun.in(project, env, args.toArray(String[]::new));
  }

  @Test
  void passingMediaExitZeroAndWriteEveryReportToResembleReports() throws IOException {
    Media.wav(project.resolve("media/narration.wav"), 8000);
    Media.wav(project.resolve("media/intro.wav"), 8001);

    CliRun run = detect(CliRun.token(TOKEN), "media");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Verdict: PASSED. 2 files checked: 2 likely genuine; threshold"
        + " 0.50.");
    assertThat(project.resolve("resemble-reports")).isDirectoryContaining(
        "glob:**/resemble-report.json").isDirectoryContaining("glob:**/resemble-junit.xml")
        .isDirectoryContaining("glob:**/resemble.sarif")
        .isDirectoryContaining("glob:**/resemble-report.html")
        .isDirectoryContaining("glob:**/resemble-summary.md");
    assertThat(run.out).contains("Report: " + project.resolve("resemble-reports")
        .resolve("resemble-report.json"));
  }

  @Test
  void aFlaggedFileFailsTheGateWithExitOneAndTheSentenceOfEveryFrontEnd() throws IOException {
    Media.wav(project.resolve("src/main/media/fake-voice.wav"), 8000);
    Media.wav(project.resolve("src/main/media/narration.wav"), 8001);

    CliRun run = detect(CliRun.token(TOKEN), "src/main/media/");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(run.out).contains("Verdict: FAILED. 1 of 2 files is likely synthetic:"
        + " src/main/media/fake-voice.wav scored 0.97, at or above the threshold 0.50.");
    assertThat(run.err).doesNotContain("Error:").doesNotContain("Exception");
  }

  @Test
  void aWarnReactionPassesTheJobWithExitZero() throws IOException {
    Media.wav(project.resolve("fake-voice.wav"), 8000);

    CliRun run = detect(CliRun.token(TOKEN), "--on-flagged", "WARN");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Verdict: PASSED with warnings. 1 of 1 file is likely"
        + " synthetic: ").doesNotContain("UNSTABLE");
  }

  @Test
  void aWrongSettingIsAConfigurationErrorSaidOnceInTheOptionsOwnName() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);

    CliRun run = detect(CliRun.token(TOKEN), "--threshold", "1.5");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err.strip()).isEqualTo("Error: --threshold must be between 0 and 1 (a deepfake"
        + " probability), not '1.5'.");
    assertThat(run.out).isEmpty();
    assertThat(SIM.counters().totalRequests()).isZero();
  }

  @Test
  void noTokenIsAConfigurationErrorThatSaysWhereOneGoes() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);

    CliRun run = detect(Map.of());

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err).contains("Error: No Resemble API token was provided. Set the"
        + " RESEMBLE_API_KEY environment variable, or give --api-key-file with a file that"
        + " holds it.");
    assertThat(SIM.counters().totalRequests()).isZero();
  }

  /** A green run's reports, then a file the cache cannot answer: the next run needs the API. */
  private Path greenReportsThenANewFile() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);
    assertThat(detect(CliRun.token(TOKEN)).exitCode).isZero();
    Path json = project.resolve("resemble-reports/resemble-report.json");
    assertThat(Files.readString(json)).contains("\"status\" : \"PASSED\"");
    Media.wav(project.resolve("b.wav"), 8001);
    return json;
  }

  @Test
  void noTokenReplacesTheLastGreenReportWithOneSayingTheRunDidNotComplete() throws IOException {
    Path json = greenReportsThenANewFile();

    CliRun run = detect(Map.of());

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(json)).contains("\"finishedAt\" : null",
        "\"status\" : \"FAILED\"", "The run did not complete", "No Resemble API token")
        .doesNotContain("\"status\" : \"PASSED\"");
    // The run stopped after its scan: every matched file is listed, not judged.
    assertThat(Files.readString(json)).contains("\"path\" : \"a.wav\"", "\"path\" : \"b.wav\"",
        "not judged: the run did not complete");
    assertThat(Files.readString(json.resolveSibling("resemble-report.html")))
        .contains("DID NOT COMPLETE");
  }

  @Test
  void aWrongSettingReplacesTheLastGreenReportInTheFormatsItAsked() throws IOException {
    Path json = greenReportsThenANewFile();

    CliRun run = detect(CliRun.token(TOKEN), "--threshold", "1.5", "--formats", "json,md");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.out).isEmpty();
    assertThat(Files.readString(json)).contains("\"finishedAt\" : null",
        "The run did not complete", "--threshold must be between 0 and 1");
    assertThat(json.resolveSibling("resemble-summary.md")).isRegularFile();
    // Formats not asked for this run are gone, not left green beside the fresh ones.
    assertThat(json.resolveSibling("resemble-report.html")).doesNotExist();
  }

  @Test
  void aTokenArgumentIsRefusedWithoutRunning() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);

    CliRun run = detect(Map.of(), "--api-key", TOKEN);

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err).contains("The API token is not taken from an argument")
        .doesNotContain(TOKEN);
    assertThat(SIM.counters().totalRequests()).isZero();
  }

  @Test
  void theTokenComesFromAFileAndIsNeverPrintedEvenWhenDebugging() throws IOException {
    Media.wav(project.resolve("fake-voice.wav"), 8000);
    Path keyFile = Files.writeString(project.resolve("../key.txt").normalize(), TOKEN + "\n");

    CliRun run = detect(Map.of(), "--api-key-file", keyFile.toString(), "--debug");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(run.err).contains("Debug: Resemble API: POST");
    assertThat(run.out + run.err).doesNotContain(TOKEN);
    assertThat(Files.readString(project.resolve("resemble-reports/resemble-report.json")))
        .doesNotContain(TOKEN);
  }

  @Test
  void anApiThatIsDownIsAnApiFailureWithExitThree() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);
    Path stale = project.resolve("resemble-reports/resemble-report.json");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{\"verdict\" : {\"status\" : \"PASSED\"}}");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }

    CliRun run = CliRun.in(project, CliRun.token(TOKEN), "detect", "--api-url",
        "http://127.0.0.1:" + closed + "/api/v2", "--cache-directory", cache.toString(),
        "--retry-budget", "1s", "--max-retries", "1", "--connect-timeout", "1s");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.API_OR_ENVIRONMENT);
    // The free access check before uploading finds it, in one sentence.
    assertThat(run.out).contains("Verdict: FAILED. The Resemble API at http://127.0.0.1:" + closed
        + "/api/v2 could not be reached, so nothing was uploaded");
    assertThat(Files.readString(stale)).contains("\"status\" : \"FAILED\"")
        .doesNotContain("\"status\" : \"PASSED\"");
  }

  @Test
  void aPathOutsideTheFolderIsAUsageError() {
    CliRun run = detect(CliRun.token(TOKEN), "../elsewhere");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err.strip()).isEqualTo("Error: PATH ../elsewhere lies outside " + project
        + ", the folder the command runs in; run it from a folder that holds ../elsewhere.");
  }

  @Test
  void aDryRunNeedsNoTokenAndSendsNothing() throws IOException {
    Media.wav(project.resolve("media/a.wav"), 8000);

    CliRun run = detect(Map.of(), "--dry-run", "media");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Verdict: DRY RUN. Would send 1 file, ").doesNotContain("PASSED");
    assertThat(SIM.counters().totalRequests()).isZero();
  }

  @Test
  void gitlabsParallelJobsPickTheirShardFromCiNodeIndexAndTotal() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);
    Media.wav(project.resolve("b.wav"), 9000);
    Map<String, String> env = CliRun.token(TOKEN);
    env.put("CI_NODE_INDEX", "2");
    env.put("CI_NODE_TOTAL", "2");

    CliRun run = detect(env);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("Shard 2/2 checks 1 of the 2 matched files");
    assertThat(Files.readString(project.resolve("resemble-reports/resemble-report.json")))
        .contains("\"index\" : 2").contains("\"total\" : 2");
  }

  @Test
  void aWrongCiShardIsNamedByTheVariablesItCameFrom() throws IOException {
    Media.wav(project.resolve("a.wav"), 8000);
    Map<String, String> env = CliRun.token(TOKEN);
    env.put("CI_NODE_INDEX", "5");
    env.put("CI_NODE_TOTAL", "4");

    CliRun run = detect(env);

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.err.strip()).isEqualTo("Error: CI_NODE_INDEX/CI_NODE_TOTAL must be i/n with"
        + " 1 <= i <= n, such as 2/4, not '5/4'.");
  }
}
