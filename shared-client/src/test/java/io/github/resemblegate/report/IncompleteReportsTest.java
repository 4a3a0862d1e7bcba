package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that stops before its verdict replaces the last run's reports with reports that say it
 * did not complete and why, listing the matched files when known.
 */
class IncompleteReportsTest {

  private static final String WHY = "The API token is missing. Set the RESEMBLE_API_KEY"
      + " environment variable, or the token of the settings.xml server resemble.";
  private static final String SENTENCE = "The run did not complete: the API token is missing.";

  @TempDir
  Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheLastRunsReportsWithOnesThatSayTheRunDidNotCompleteAndWhy() throws IOException {
    Reports.write(Fixtures.everyOutcome(), EnumSet.allOf(ReportFormat.class), dir);

    List<Path> written = Reports.writeIncomplete(dir, EnumSet.allOf(ReportFormat.class), WHY,
        List.of("media/a.wav", "img/b.png"));

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(ReportFormat.allFileNames());
    for (Path report : written) {
      assertThat(Files.readString(report)).as(report.getFileName().toString())
          .doesNotContain("fake-intro.wav", "PASSED with warnings");
    }
    String html = Files.readString(dir.resolve("resemble-report.html"));
    assertThat(html).contains("<span class=\"status\">DID NOT COMPLETE</span>",
        "<p class=\"message\">" + SENTENCE + "</p>",
        "<li>Why the run stopped: The API token is missing. Set the RESEMBLE_API_KEY",
        "<table id=\"files\" class=\"unscored\"", "data-path=\"media/a.wav\"",
        "data-path=\"img/b.png\"", Incomplete.NOT_JUDGED)
        .doesNotContain("threshold 0.50", "class=\"next\"");
    assertThat(Files.readString(dir.resolve("resemble-summary.md")))
        .startsWith("### ❌ Resemble Gate: DID NOT COMPLETE\n\n" + SENTENCE + "\n");
    String junit = Files.readString(dir.resolve("resemble-junit.xml"));
    assertThat(junit).contains("tests=\"3\" failures=\"0\" errors=\"1\" skipped=\"2\"",
        "<testcase classname=\"resemble-gate\" name=\"run\" time=\"0\">",
        "<error message=\"" + SENTENCE + "\" type=\"resemble.incomplete\">",
        "<property name=\"resemble.status\" value=\"INCOMPLETE\"/>");
    JsonNode sarif = JsonSchemas.MAPPER.readTree(dir.resolve("resemble.sarif").toFile());
    assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
    assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text")
        .asText()).startsWith(SENTENCE + " Why the run stopped: The API token is missing.");
    assertThat(sarif.at("/runs/0/results")).isEmpty();
    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), sarif)).isEmpty();
    assertThat(Files.readString(dir.resolve("gl-code-quality-report.json")).strip())
        .isEqualTo("[ ]");
  }

  @Test
  void theJsonReportKeepsItsSchemaAndReadsBackAsAFailedRunThatNeverFinished() throws IOException {
    Reports.writeIncomplete(dir, EnumSet.of(ReportFormat.JSON), WHY, List.of("media/a.wav"));

    Path json = dir.resolve("resemble-report.json");
    assertThat(JsonSchemas.validate(JsonSchemas.report(),
        JsonSchemas.MAPPER.readTree(json.toFile()))).isEmpty();
    GateResult read = JsonReportReader.read(json);
    assertThat(read.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(read.decision().failureKind()).isEqualTo(FailureKind.ERRORS);
    assertThat(read.decision().sentence()).isEqualTo(SENTENCE);
    assertThat(read.run().finishedAt()).isNull();
    assertThat(read.notices()).singleElement().asString().startsWith("Why the run stopped: ");
    assertThat(read.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("media/a.wav");
      assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(f.reason()).isEqualTo("not judged: the run did not complete");
    });
  }

  @Test
  void deletesReportsOfFormatsNotChosenAndSaysWhenTheFilesAreNotKnown() throws IOException {
    Reports.write(Fixtures.everyOutcome(), EnumSet.allOf(ReportFormat.class), dir);

    Reports.writeIncomplete(dir, ReportFormat.parse("json,html"), WHY, null);

    assertThat(listing()).containsExactly("resemble-report.css", "resemble-report.html",
        "resemble-report.js", "resemble-report.json");
    assertThat(Files.readString(dir.resolve("resemble-report.html")))
        .contains("No file is listed: the run stopped before it knew which files match.");
  }

  @Test
  void withNoFormatsChosenItLeavesNoEarlierReportBehind() throws IOException {
    Reports.write(Fixtures.everyOutcome(), EnumSet.allOf(ReportFormat.class), dir);
    Files.writeString(dir.resolve("notes.txt"), "kept");

    assertThat(Reports.writeIncomplete(dir, EnumSet.noneOf(ReportFormat.class), WHY, List.of()))
        .isEmpty();
    assertThat(listing()).containsExactly("notes.txt");
  }
}
