package io.github.resemblegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.report.Reports;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Shards run by {@code detect}, joined by {@code merge}; {@code report} judges a run again. */
class MergeAndReportCommandTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  @TempDir Path project;
  @TempDir Path cache;

  @BeforeEach
  void media() throws IOException {
    Media.wav(project.resolve("media/fake-voice.wav"), 8000);
    Media.wav(project.resolve("media/narration.wav"), 8100);
    Media.wav(project.resolve("media/intro.wav"), 8200);
    Media.wav(project.resolve("media/copy/intro.wav"), 8200);
  }

  private CliRun shard(int i, int n) {
    return CliRun.in(project, CliRun.token("merge-token"), "detect", "--shard", i + "/" + n,
        "--reports-dir", "shard-" + i, "--api-url", SIM.baseUrl(), "--cache-directory",
        cache.resolve("agent-" + i).toString(), "--poll-interval", "10ms",
        "--max-poll-interval", "40ms", "media");
  }

  @Test
  void mergedShardsFailAsOneRunWouldWithTheSameSentence() {
    for (int i = 1; i <= 3; i++) {
      assertThat(shard(i, 3).exitCode).isIn(ExitCode.PASSED, ExitCode.GATE_FAILED);
    }

    CliRun merge = CliRun.in(project, Map.of(), "merge", "shard-1", "shard-2", "shard-3",
        "--reports-dir", "merged");

    assertThat(merge.exitCode).as(merge.toString()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(merge.out).contains("Verdict: FAILED. 1 of 4 files is likely synthetic:"
        + " media/fake-voice.wav scored 0.97, at or above the threshold 0.50.");
    assertThat(project.resolve("merged/resemble.sarif")).exists();
    assertThat(SIM.counters().detectsCreated()).as("3 contents, each billed once").isEqualTo(3);
  }

  @Test
  void mergeOfAFolderFindsEveryShardsReport() {
    for (int i = 1; i <= 2; i++) {
      shard(i, 2);
    }

    CliRun merge = CliRun.in(project, Map.of(), "merge", ".");

    assertThat(merge.exitCode).as(merge.toString()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(merge.err).contains("Merging 2 shard reports.");
    assertThat(project.resolve("resemble-reports/resemble-report.json")).exists();
  }

  @Test
  void mergeRefusesAnIncompleteSetWithOneSentenceAndExitTwo() {
    shard(1, 3);
    shard(2, 3);

    CliRun merge = CliRun.in(project, Map.of(), "merge", "shard-1", "shard-2");

    assertThat(merge.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(merge.err.strip()).endsWith("Error: Shard 3 of 3 is missing; merge needs the"
        + " report of every shard.");
    assertThat(project.resolve("resemble-reports")).doesNotExist();
  }

  @Test
  void mergeRefusesAShardThatDidNotCompleteAndNamesIt() throws IOException {
    shard(1, 3);
    shard(3, 3);
    Reports.writeIncomplete(project.resolve("shard-2"), EnumSet.allOf(ReportFormat.class),
        "No Resemble API token was provided.", List.of());

    CliRun merge = CliRun.in(project, Map.of(), "merge", "shard-1", "shard-2", "shard-3");

    assertThat(merge.exitCode).as(merge.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(merge.err.strip()).endsWith("Error: Shard 2/3 did not complete: no Resemble API"
        + " token was provided; run that shard again, then merge.");
  }

  @Test
  void mergeRefusesAFileThatIsNoReport() throws IOException {
    Files.writeString(project.resolve("notes.json"), "{\"hello\": 1}");

    CliRun merge = CliRun.in(project, Map.of(), "merge", "notes.json");

    assertThat(merge.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(merge.err).contains("is not a Resemble Gate report");
  }

  @Test
  void reportJudgesARunAgainUnderAHigherThresholdWithoutTheApi() {
    shard(1, 1);
    long requests = SIM.counters().totalRequests();

    CliRun report = CliRun.in(project, Map.of(), "report", "shard-1/resemble-report.json",
        "--threshold", "0.99", "--reports-dir", "rejudged");

    assertThat(report.exitCode).as(report.toString()).isZero();
    assertThat(report.out).contains("Verdict: PASSED. 4 files checked: 4 likely genuine");
    assertThat(project.resolve("rejudged/resemble-report.html")).exists();
    assertThat(SIM.counters().totalRequests()).isEqualTo(requests);
  }

  @Test
  void reportWithoutOptionsKeepsTheRunsVerdict() {
    shard(1, 1);

    CliRun report = CliRun.in(project, Map.of(), "report", "shard-1", "--formats", "md");

    assertThat(report.exitCode).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(report.out).contains("Verdict: FAILED. 1 of 4 files is likely synthetic:"
        + " media/fake-voice.wav scored 0.97, at or above the threshold 0.50.");
    assertThat(project.resolve("resemble-reports/resemble-summary.md")).exists();
    assertThat(project.resolve("resemble-reports/resemble-report.json")).doesNotExist();
  }

  @Test
  void reportOfAMissingFileSaysWhereOneWasExpected() {
    CliRun report = CliRun.in(project, Map.of(), "report", "nowhere.json");

    assertThat(report.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(report.err).contains("There is no report at");
  }
}
