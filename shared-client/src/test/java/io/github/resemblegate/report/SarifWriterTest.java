package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

  @TempDir
  Path dir;

  private static JsonNode sarif(GateResult verdict) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifWriter().write(verdict, out);
    return JsonSchemas.MAPPER.readTree(out.toByteArray());
  }

  private static List<JsonNode> results(JsonNode log) {
    return StreamSupport.stream(log.at("/runs/0/results").spliterator(), false).toList();
  }

  private static JsonNode resultFor(JsonNode log, String uri) {
    return results(log).stream()
        .filter(r -> r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(uri))
        .findFirst().orElseThrow(() -> new AssertionError("no result for " + uri));
  }

  private static GateResult withBase(List<FileResult> files, String baseDirectory) {
    GateResult v = Fixtures.result(files, Verdict.FAILED, FailureKind.FINDINGS, "m");
    return new GateResult(new io.github.resemblegate.gate.GateResult.RunInfo(v.run().toolVersion(),
        v.run().startedAt(), v.run().finishedAt(), v.run().apiUrl(), baseDirectory, false,
        Map.of(), List.of()), v.policy(), v.files(), v.totals(), v.decision(),
        v.notices());
  }

  @Test
  void validatesAgainstTheSarif210Schema() throws IOException {
    for (GateResult verdict : List.of(Fixtures.everyOutcome(), Fixtures.showcase(),
        Fixtures.thousandFiles())) {
      assertThat(JsonSchemas.validate(JsonSchemas.sarif(), sarif(verdict))).isEmpty();
    }
  }

  @Test
  void schemaCatchesAnInvalidLog() throws IOException {
    JsonNode log = sarif(Fixtures.everyOutcome());
    ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0"))
        .put("level", "critical");

    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), log)).isNotEmpty();
  }

  @Test
  void schemaCatchesAnUnencodedUri() throws IOException {
    JsonNode log = sarif(Fixtures.everyOutcome());
    ((com.fasterxml.jackson.databind.node.ObjectNode) log.at(
        "/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
        .put("uri", "media/a b<c>.wav");

    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), log))
        .anySatisfy(m -> assertThat(m.getMessage()).contains("uri"));
  }

  @Test
  void flaggedFilesAreErrorsAndWarnedFilesWarnings() throws IOException {
    JsonNode log = sarif(Fixtures.everyOutcome());

    assertThat(results(log)).extracting(r -> r.get("ruleId").asText() + " " + r.get("level").asText())
        .containsExactlyInAnyOrder("resemble/flagged error", "resemble/flagged error",
            "resemble/warned warning");
    JsonNode flagged = resultFor(log, "media/fake-intro.wav");
    assertThat(flagged.at("/message/text").asText()).isEqualTo(
        "media/fake-intro.wav is likely synthetic: it scored 0.97, at or above the threshold "
            + "0.40.");
    assertThat(flagged.at("/properties/scoreField").asText()).isEqualTo("metrics.aggregated_score");
    assertThat(flagged.at("/properties/label").asText()).isEqualTo("fake");
    assertThat(flagged.at("/properties/score").asDouble()).isEqualTo(0.97);
    assertThat(flagged.at("/properties/threshold").asDouble()).isEqualTo(0.4);
    assertThat(flagged.get("hostedViewerUri").asText())
        .isEqualTo("https://app.resemble.ai/hub/detect/det-0001");
  }

  @Test
  void passedSkippedWaivedAndIgnoredNoSpeechFilesAreNotAlerts() throws IOException {
    JsonNode log = sarif(Fixtures.everyOutcome());

    assertThat(results(log)).extracting(r -> r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .doesNotContain("media/narrator.wav", "media/silence.wav", "docs/empty.wav",
            "media/clean.wav");
  }

  @Test
  void errorsAreToolNotificationsWithTheFileLocation() throws IOException {
    JsonNode log = sarif(Fixtures.everyOutcome());

    JsonNode invocation = log.at("/runs/0/invocations/0");
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    JsonNode notification = invocation.at("/toolExecutionNotifications/0");
    assertThat(notification.get("level").asText()).isEqualTo("error");
    assertThat(notification.at("/descriptor/id").asText()).isEqualTo("resemble/error");
    assertThat(notification.at("/message/text").asText())
        .isEqualTo("media/broken.mp3 could not be judged: the detection failed: unsupported"
            + " codec.");
    assertThat(notification.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("media/broken.mp3");
  }

  @Test
  void everyResultHasWhatGitHubRequires() throws IOException {
    JsonNode log = sarif(Fixtures.showcase());

    assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode rules = log.at("/runs/0/tool/driver/rules");
    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.get("id").asText()).isNotBlank();
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
      assertThat(rule.at("/help/text").asText()).isNotBlank();
      assertThat(rule.get("name").asText()).hasSizeLessThanOrEqualTo(255);
    });
    assertThat(results(log)).isNotEmpty().allSatisfy(result -> {
      int index = result.get("ruleIndex").asInt();
      assertThat(rules.get(index).get("id").asText()).isEqualTo(result.get("ruleId").asText());
      assertThat(result.at("/message/text").asText()).isNotBlank();
      assertThat(result.get("locations")).hasSize(1);
      JsonNode physical = result.at("/locations/0/physicalLocation");
      assertThat(physical.at("/artifactLocation/uri").asText()).isNotBlank();
      assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(physical.at("/region/startLine").asInt()).isEqualTo(1);
      assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(1);
      assertThat(physical.at("/region/endLine").asInt()).isEqualTo(1);
      assertThat(physical.at("/region/endColumn").asInt()).isEqualTo(1);
      assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText()).isNotBlank();
    });
    // Binary files too: the tool's notifications about a file carry the same region.
    assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications")).isNotEmpty()
        .allSatisfy(n -> assertThat(n.at("/locations/0/physicalLocation/region/startLine").asInt())
            .isEqualTo(1));
  }

  @Test
  void everyRuleHasASecuritySeverityGitHubReads() throws IOException {
    JsonNode rules = sarif(Fixtures.showcase()).at("/runs/0/tool/driver/rules");

    assertThat(rules).extracting(r -> r.get("id").asText() + " "
        + r.at("/properties/security-severity").asText()).containsExactly(
            "resemble/flagged 8.0", "resemble/warned 5.0", "resemble/no-speech 2.0");
    // GitHub reads security-severity only on rules tagged security; it is a number in a string.
    assertThat(rules).allSatisfy(rule -> {
      List<String> tags = new ArrayList<>();
      rule.at("/properties/tags").forEach(t -> tags.add(t.asText()));
      assertThat(tags).contains("security");
      assertThat(rule.at("/properties/security-severity").isTextual()).isTrue();
      assertThat(Double.parseDouble(rule.at("/properties/security-severity").asText()))
          .isBetween(0.1, 10.0);
    });
  }

  @Test
  void eachShardIsACategoryOfItsOwnAndAnUnshardedRunIsOne() throws IOException {
    assertThat(sarif(Fixtures.everyOutcome()).at("/runs/0/automationDetails/id").asText())
        .isEqualTo("resemble-gate/");
    GateResult v = Fixtures.everyOutcome();
    GateResult shard = new GateResult(new RunInfo(v.run().toolVersion(), v.run().startedAt(),
        v.run().finishedAt(), v.run().apiUrl(), v.run().baseDirectory(), false, v.run().options(),
        v.run().batchIds(), new RunInfo.Sharding(new GateConfig.Shard(2, 4), 40), Map.of()),
        v.policy(), v.files(), v.totals(), v.decision(), v.notices());

    JsonNode log = sarif(shard);
    assertThat(log.at("/runs/0/automationDetails/id").asText())
        .isEqualTo("resemble-gate/shard-2-of-4/");
    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), log)).isEmpty();
  }

  @Test
  void fingerprintsFollowTheContentAndKeepDuplicatesApart() throws IOException {
    String sha = Fixtures.sha("same bytes");
    List<FileResult> files = List.of(
        Fixtures.file("a/copy-1.wav").sha256(sha).outcome(Outcome.FLAGGED).score(0.9).build(),
        Fixtures.file("b/copy-2.wav").sha256(sha).outcome(Outcome.FLAGGED).score(0.9).build(),
        Fixtures.file("renamed/original.wav").sha256(Fixtures.sha("other")).outcome(Outcome.FLAGGED)
            .score(0.8).build());

    JsonNode log = sarif(Fixtures.result(files, Verdict.FAILED, FailureKind.FINDINGS, "m"));

    assertThat(resultFor(log, "a/copy-1.wav").at("/partialFingerprints/primaryLocationLineHash")
        .asText()).isEqualTo(sha + ":1");
    assertThat(resultFor(log, "b/copy-2.wav").at("/partialFingerprints/primaryLocationLineHash")
        .asText()).isEqualTo(sha + ":2");
    assertThat(resultFor(log, "b/copy-2.wav").at("/partialFingerprints/contentSha256~1v1")
        .asText()).isEqualTo(sha);
    // The same content under a new name gets the same fingerprint, so the alert follows it.
    List<FileResult> renamed = List.of(Fixtures.file("moved/here.wav").sha256(Fixtures.sha("other"))
        .outcome(Outcome.FLAGGED).score(0.8).build());
    assertThat(resultFor(sarif(Fixtures.result(renamed, Verdict.FAILED,
        FailureKind.FINDINGS, "m")), "moved/here.wav").at("/partialFingerprints/primaryLocationLineHash")
        .asText()).isEqualTo(resultFor(log, "renamed/original.wav")
        .at("/partialFingerprints/primaryLocationLineHash").asText());
  }

  @Test
  void urisAreRelativeAndPercentEncoded() throws IOException {
    JsonNode log = sarif(Fixtures.showcase());

    JsonNode xss = resultFor(log, "media/%3Cimg%20src=x%20onerror=alert(1)%3E.wav");
    assertThat(URI.create("file:///repo/").resolve(
        xss.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).getPath())
        .isEqualTo("/repo/" + Fixtures.XSS_IMG);
    assertThat(xss.has("hostedViewerUri")).as("javascript: is no viewer URI").isFalse();
    assertThat(SarifWriter.SourceRoot.encodeSegment("canción ñ 😀.wav"))
        .isEqualTo("canci%C3%B3n%20%C3%B1%20%F0%9F%98%80.wav");
    assertThat(SarifWriter.SourceRoot.encodeSegment("c:evil.wav")).isEqualTo("c%3Aevil.wav");
  }

  @Test
  void locationsAreRelativeToTheRepositoryRootAboveTheBaseDirectory() throws IOException {
    Path repo = dir.resolve("repo");
    Path module = repo.resolve("modules/site");
    Files.createDirectories(module);
    Files.createDirectories(repo.resolve(".git"));
    List<FileResult> files = List.of(Fixtures.file("media/fake.wav").outcome(Outcome.FLAGGED)
        .score(0.9).build());

    JsonNode log = sarif(withBase(files, module.toString()));

    assertThat(results(log).get(0).at("/locations/0/physicalLocation/artifactLocation/uri")
        .asText()).isEqualTo("modules/site/media/fake.wav");
    assertThat(log.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(repo.toUri().toString());
  }

  @Test
  void withoutARepositoryTheBaseDirectoryIsTheRoot() throws IOException {
    List<FileResult> files = List.of(Fixtures.file("media/fake.wav").outcome(Outcome.FLAGGED)
        .score(0.9).build());

    JsonNode log = sarif(withBase(files, dir.toString()));

    assertThat(results(log).get(0).at("/locations/0/physicalLocation/artifactLocation/uri")
        .asText()).isEqualTo("media/fake.wav");
    assertThat(log.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(dir.toUri().toString());
  }

  @Test
  void leavesOutResultsBeyondGitHubsLimitAndSaysSo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifWriter(1).write(Fixtures.everyOutcome(), out);
    JsonNode log = JsonSchemas.MAPPER.readTree(out.toByteArray());

    assertThat(results(log)).hasSize(1);
    assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications").findValuesAsText("text"))
        .contains("2 more results were left out: GitHub code scanning accepts at most 1 results "
            + "per run. resemble-report.json lists every file.");
    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), log)).isEmpty();
  }

  @Test
  void aCleanRunHasNoResultsAndSucceeded() throws IOException {
    List<FileResult> files = new ArrayList<>();
    files.add(Fixtures.file("a.wav").build());
    JsonNode log = sarif(Fixtures.result(files, Verdict.PASSED, FailureKind.NONE, "ok"));

    assertThat(log.at("/runs/0/results")).isEmpty();
    assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), log)).isEmpty();
  }
}
