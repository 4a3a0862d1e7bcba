package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CodeQualityWriterTest {

  private static List<JsonNode> issues(GateResult result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CodeQualityWriter().write(result, out);
    JsonNode array = JsonSchemas.MAPPER.readTree(out.toByteArray());
    assertThat(array.isArray()).isTrue();
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static JsonNode issueFor(List<JsonNode> issues, String path) {
    return issues.stream().filter(i -> i.at("/location/path").asText().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no issue for " + path));
  }

  @Test
  void oneIssuePerFindingWithEveryFieldGitLabReads() throws IOException {
    List<JsonNode> issues = issues(Fixtures.everyOutcome());

    assertThat(issues).extracting(i -> i.at("/location/path").asText())
        .containsExactly("img/fake.png", "media/fake-intro.wav", "video/trailer.mp4");
    assertThat(issues).allSatisfy(issue -> {
      assertThat(issue.fieldNames()).toIterable().containsExactlyInAnyOrder("description",
          "check_name", "fingerprint", "severity", "location");
      assertThat(issue.at("/location/lines/begin").asInt()).isEqualTo(1);
      assertThat(issue.get("fingerprint").asText()).matches("[0-9a-f]{64}");
    });
    JsonNode flagged = issueFor(issues, "media/fake-intro.wav");
    assertThat(flagged.get("description").asText()).isEqualTo("media/fake-intro.wav is likely"
        + " synthetic: it scored 0.97, at or above the threshold 0.40.");
    assertThat(flagged.get("check_name").asText()).isEqualTo("resemble/flagged");
    assertThat(flagged.get("severity").asText()).isEqualTo("critical");
    JsonNode warned = issueFor(issues, "video/trailer.mp4");
    assertThat(warned.get("check_name").asText()).isEqualTo("resemble/warned");
    assertThat(warned.get("severity").asText()).isEqualTo("minor");
  }

  @Test
  void noSpeechIsAnIssueOnlyWhenThePolicyCountsIt() throws IOException {
    Policy p = Fixtures.policy();
    Policy failOnSilence = new Policy(p.threshold(), p.thresholds(), p.warnThreshold(),
        p.onFlagged(), p.onError(), Reaction.FAIL, p.onEmpty(), p.videoScoring(), p.waivers());

    assertThat(issues(Fixtures.everyOutcome())).noneMatch(i -> i.at("/location/path").asText()
        .equals("media/silence.wav"));
    JsonNode silence = issueFor(issues(Fixtures.result(Fixtures.everyOutcomeFiles(),
        failOnSilence, Verdict.FAILED, FailureKind.FINDINGS, "m")), "media/silence.wav");
    assertThat(silence.get("check_name").asText()).isEqualTo("resemble/no-speech");
    assertThat(silence.get("severity").asText()).isEqualTo("major");
  }

  @Test
  void fingerprintsFollowTheContentAndKeepCopiesApart() throws IOException {
    String sha = Fixtures.sha("same bytes");
    List<FileResult> copies = List.of(
        Fixtures.file("a/copy-1.wav").sha256(sha).outcome(Outcome.FLAGGED).score(0.9).build(),
        Fixtures.file("b/copy-2.wav").sha256(sha).outcome(Outcome.FLAGGED).score(0.9).build());
    List<FileResult> renamed = List.of(
        Fixtures.file("z/renamed.wav").sha256(sha).outcome(Outcome.FLAGGED).score(0.9).build());

    List<JsonNode> two = issues(Fixtures.result(copies, Verdict.FAILED, FailureKind.FINDINGS,
        "m"));
    List<JsonNode> one = issues(Fixtures.result(renamed, Verdict.FAILED, FailureKind.FINDINGS,
        "m"));

    assertThat(two).extracting(i -> i.get("fingerprint").asText()).doesNotHaveDuplicates();
    assertThat(one.get(0).get("fingerprint")).isEqualTo(two.get(0).get("fingerprint"));
  }

  @Test
  void aCleanRunAndErrorsMakeNoIssues() throws IOException {
    List<FileResult> files = List.of(Fixtures.file("a.wav").build(),
        Fixtures.file("b.wav").outcome(Outcome.ERROR).score(null).reason("timed out").build());

    assertThat(issues(Fixtures.result(files, Verdict.FAILED, FailureKind.ERRORS, "m"))).isEmpty();
  }

  @Test
  void isChosenByItsNameInFormatsAndIsPartOfAll() {
    assertThat(ReportFormat.parse("codequality")).containsExactly(ReportFormat.CODEQUALITY);
    assertThat(ReportFormat.parse("junit, gitlab")).containsExactly(ReportFormat.JUNIT,
        ReportFormat.CODEQUALITY);
    assertThat(ReportFormat.parse("all")).contains(ReportFormat.CODEQUALITY);
    assertThat(ReportFormat.CODEQUALITY.fileName()).isEqualTo("gl-code-quality-report.json");
  }
}
