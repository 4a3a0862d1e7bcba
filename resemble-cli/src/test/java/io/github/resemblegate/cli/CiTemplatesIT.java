package io.github.resemblegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI templates in the repository, run as their CI would run them (the shell lines they hold,
 * with the built jar) against the simulator: the GitHub Action ({@code action.yml}) and the
 * GitLab template ({@code ci/gitlab/resemble-gate.gitlab-ci.yml}), alone and sharded with a
 * merge. A template that stops working fails here.
 */
class CiTemplatesIT {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  static final String TOKEN = "ci-template-token-81d2";

  @TempDir Path workspace;
  @TempDir Path cache;
  private final StringBuilder log = new StringBuilder();

  @BeforeEach
  void media() throws IOException {
    Media.wav(workspace.resolve("media/narration.wav"), 8000);
    Media.wav(workspace.resolve("media/intro.wav"), 8100);
  }

  private void fake() throws IOException {
    Media.wav(workspace.resolve("media/fake-voice.wav"), 8200);
  }

  /** Options every run needs here: the simulator's fast polling and a private cache. */
  private String testOptions(String cacheName) {
    return "--cache-directory " + cache.resolve(cacheName) + " --poll-interval 10ms"
        + " --max-poll-interval 40ms";
  }

  private CiJob.ActionRun action(Map<String, String> inputs) throws Exception {
    Map<String, String> all = new HashMap<>(Map.of("jar", CiJob.jar().toString(),
        "api-key", TOKEN, "api-url", SIM.baseUrl(), "paths", "media"));
    all.putAll(inputs);
    return CiJob.action(CiJob.read(CiJob.repository().resolve("action.yml")), workspace, all);
  }

  @Test
  void theActionPassesCleanMediaWritesTheSummaryAndHandsTheSarifToCodeScanning()
      throws Exception {
    CiJob.ActionRun run = action(Map.of("args", testOptions("a")));

    assertThat(run.exitCode()).as(run.log()).isZero();
    assertThat(run.outputs().get("gate")).containsEntry("exit-code", "0")
        .containsEntry("category", "resemble-gate")
        .containsEntry("sarif", "resemble-reports/resemble.sarif");
    assertThat(run.summary()).as("the job summary is the run's Markdown summary").isEqualTo(
        Files.readString(workspace.resolve("resemble-reports/resemble-summary.md")));
    JsonNode upload = run.skippedUsesSteps().stream()
        .filter(s -> s.get("uses").asText().startsWith("github/codeql-action/upload-sarif"))
        .findFirst().orElseThrow();
    String sarif = CiJob.expand(upload.path("with").path("sarif_file").asText(), Map.of(),
        run.outputs());
    assertThat(workspace.resolve(sarif)).isRegularFile();
    assertThat(CiJob.expand(upload.path("with").path("category").asText(), Map.of(),
        run.outputs())).isEqualTo("resemble-gate");
    assertThat(run.log()).doesNotContain(TOKEN);
    assertThat(run.log()).as("a library's logging setup is no line for the user")
        .doesNotContain("SLF4J");
  }

  @Test
  void theActionFailsTheJobOnAFlaggedFileAfterWritingTheSummary() throws Exception {
    fake();

    CiJob.ActionRun run = action(Map.of("args", testOptions("a")));

    assertThat(run.exitCode()).as(run.log()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(run.failedStep()).isEqualTo("Verdict");
    assertThat(run.summary()).contains("media/fake-voice.wav");
  }

  @Test
  void theActionShardsAMatrixAndItsMergeJobFailsAsOneRunWould() throws Exception {
    fake();
    for (int i = 1; i <= 2; i++) {
      CiJob.ActionRun shard = action(Map.of("shard", i + "/2", "reports-dir", "shard-" + i,
          "upload-sarif", "false", "args", testOptions("agent-" + i)));
      assertThat(shard.outputs().get("gate")).as(shard.log())
          .containsEntry("category", "resemble-gate-shard-" + i + "-of-2");
    }

    CiJob.ActionRun merge = action(Map.of("command", "merge", "paths", "shard-1 shard-2",
        "reports-dir", "merged"));

    assertThat(merge.exitCode()).as(merge.log()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(merge.log()).contains("Verdict: FAILED. 1 of 3 files is likely synthetic:"
        + " media/fake-voice.wav scored 0.97, at or above the threshold 0.50.");
    assertThat(merge.outputs().get("gate")).containsEntry("sarif", "merged/resemble.sarif");
    assertThat(SIM.counters().detectsCreated()).isEqualTo(3);
  }

  private JsonNode gitlab(String job) throws IOException {
    return CiJob.read(CiJob.repository().resolve("ci/gitlab/resemble-gate.gitlab-ci.yml"))
        .get(job);
  }

  private Map<String, String> gitlabVariables(String cacheName) {
    Map<String, String> v = new HashMap<>();
    v.put("RESEMBLE_API_KEY", TOKEN);
    v.put("RESEMBLE_GATE_JAR", CiJob.jar().toString());
    v.put("RESEMBLE_GATE_PATHS", "media");
    v.put("RESEMBLE_GATE_ARGS", "--api-url " + SIM.baseUrl() + " " + testOptions(cacheName));
    return v;
  }

  @Test
  void theGitlabJobFailsOnAFlaggedFileAndLeavesTheJunitReportItPublishes() throws Exception {
    fake();

    int code = CiJob.gitlab(gitlab(".resemble-gate"), workspace, gitlabVariables("a"), log);

    assertThat(code).as(log.toString()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(published(gitlab(".resemble-gate"), "junit")).as(log.toString()).isNotEmpty();
    assertThat(log.toString()).contains("Verdict: FAILED.").doesNotContain(TOKEN);
  }

  @Test
  void theGitlabParallelJobsAndTheMergeJobGiveOneVerdict() throws Exception {
    fake();
    for (int i = 1; i <= 2; i++) {
      Map<String, String> v = gitlabVariables("agent-" + i);
      v.put("CI_NODE_INDEX", Integer.toString(i));
      v.put("CI_NODE_TOTAL", "2");
      CiJob.gitlab(gitlab(".resemble-gate"), workspace, v, log);
    }
    assertThat(published(gitlab(".resemble-gate"), "junit")).as(log.toString()).hasSize(2);

    int code = CiJob.gitlab(gitlab(".resemble-gate-merge"), workspace,
        Map.of("RESEMBLE_GATE_JAR", CiJob.jar().toString()), log);

    assertThat(code).as(log.toString()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(log.toString()).contains("Merging 2 shard reports.");
    assertThat(published(gitlab(".resemble-gate-merge"), "junit")).hasSize(1);
  }

  @Test
  void theCodeQualityReportTheGitlabJobPublishesIsWritten() throws Exception {
    int code = CiJob.gitlab(gitlab(".resemble-gate"), workspace, gitlabVariables("a"), log);

    assertThat(code).as(log.toString()).isZero();
    assertThat(published(gitlab(".resemble-gate"), "codequality")).isNotEmpty();
  }

  @Test
  void theExamplePipelinesUseOnlyWhatTheTemplatesDefine() throws IOException {
    Path examples = CiJob.repository().resolve("examples");
    JsonNode action = CiJob.read(CiJob.repository().resolve("action.yml"));
    JsonNode workflow = CiJob.read(examples.resolve("github-workflow-shards.yml"));
    assertThat(workflow.at("/jobs/shard/strategy/matrix/shard")).hasSize(4);
    List<String> given = new ArrayList<>();
    workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
      if (step.path("uses").asText().startsWith("OWNER/REPO@")) {
        step.path("with").fieldNames().forEachRemaining(given::add);
      }
    }));
    assertThat(given).isNotEmpty().allSatisfy(input ->
        assertThat(action.path("inputs").has(input)).as("action input " + input).isTrue());

    JsonNode gitlab = CiJob.read(examples.resolve("gitlab-ci-shards.yml"));
    JsonNode template = CiJob.read(CiJob.repository()
        .resolve("ci/gitlab/resemble-gate.gitlab-ci.yml"));
    assertThat(gitlab.at("/media-gate/parallel").asInt()).isEqualTo(4);
    for (String job : List.of("media-gate", "media-gate-merge")) {
      assertThat(template.has(gitlab.path(job).path("extends").asText())).as(job).isTrue();
    }
    String jenkinsfile = Files.readString(examples.resolve("Jenkinsfile.shards"));
    assertThat(jenkinsfile).contains("parallel branches").contains("shard: \"${shard}/${shards}\"")
        .contains("resembleMerge reports: 'shards/'");
  }

  /** The files a GitLab job's artifacts:reports entry matches in the workspace. */
  private List<Path> published(JsonNode job, String report) throws IOException {
    JsonNode entry = job.path("artifacts").path("reports").path(report);
    List<String> patterns = new ArrayList<>();
    if (entry.isArray()) {
      entry.forEach(p -> patterns.add(p.asText()));
    } else {
      patterns.add(entry.asText());
    }
    List<Path> found = new ArrayList<>();
    for (String pattern : patterns) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      try (Stream<Path> walk = Files.walk(workspace)) {
        walk.filter(p -> m.matches(workspace.relativize(p))).forEach(found::add);
      }
    }
    return found;
  }
}
