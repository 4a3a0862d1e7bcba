package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.DecisionRules;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.report.Reports;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resemble:merge: the shards' reports as one run's verdict, or one sentence why not. */
class MergeMojoTest {

  @TempDir Path project;

  private static FileResult file(String path, double score) {
    return new FileResult(path, Integer.toHexString(path.hashCode()) + "0".repeat(56), 100,
        MediaType.AUDIO, score >= 0.5 ? Outcome.FLAGGED : Outcome.PASSED, score,
        "metrics.aggregated_score", null, 0.5, List.of(), null, null, null, null, null, false,
        null);
  }

  /** Shard i/n's JSON report in shards/i, as an agent leaves it. */
  private void shard(int i, int n, FileResult... files) throws Exception {
    List<FileResult> list = List.of(files);
    RunInfo run = new RunInfo("0.1.0", Instant.EPOCH, Instant.EPOCH, "http://127.0.0.1:1",
        "/agent-" + i, false, Map.of(), List.of(), new RunInfo.Sharding(new Shard(i, n), 3),
        Map.of("threshold", "0.5"));
    Reports.write(new GateResult(run, Policy.DEFAULT, list,
        Totals.countOutcomes(list, list.size(), 0, 0, 0, 0),
        DecisionRules.decide(Policy.DEFAULT, list), List.of()),
        EnumSet.of(ReportFormat.JSON), project.resolve("shards/" + i));
  }

  private MergeMojo mojo(RecordingLog log) {
    MergeMojo mojo = new MergeMojo();
    mojo.shardReports = List.of(project.resolve("shards").toFile());
    mojo.reportsDirectory = project.resolve("target/resemble").toFile();
    mojo.formats = "json,md";
    mojo.session = mock(MavenSession.class);
    when(mojo.session.getExecutionRootDirectory()).thenReturn(project.toString());
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void failsTheBuildAsOneRunOverEveryFileWould() throws Exception {
    shard(1, 2, file("a.wav", 0.1), file("fake.wav", 0.97));
    shard(2, 2, file("b.wav", 0.2));
    RecordingLog log = new RecordingLog();

    assertThatThrownBy(() -> mojo(log).execute()).isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage("1 of 3 files is likely synthetic: fake.wav scored 0.97, at or above the"
            + " threshold 0.50.");
    assertThat(project.resolve("target/resemble/resemble-summary.md")).exists();
    assertThat(log.at("info")).anyMatch(l -> l.endsWith("shards" + File.separator + "2"
        + File.separator + "resemble-report.json"));
  }

  @Test
  void passesWhenTheMergedRunPasses() throws Exception {
    shard(1, 2, file("a.wav", 0.1), file("c.wav", 0.3));
    shard(2, 2, file("b.wav", 0.2));

    mojo(new RecordingLog()).execute();

    assertThat(project.resolve("target/resemble/resemble-report.json")).exists();
  }

  @Test
  void refusesAnIncompleteSetWithOneSentence() throws Exception {
    shard(1, 2, file("a.wav", 0.1));

    assertThatThrownBy(() -> mojo(new RecordingLog()).execute())
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessage("Shard 2 of 2 is missing; merge needs the report of every shard.");
  }
}
