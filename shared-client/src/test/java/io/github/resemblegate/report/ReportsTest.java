package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

  @TempDir
  Path dir;

  private List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFormatIntoANewDirectoryAndReturnsThePaths() throws IOException {
    Path target = dir.resolve("target/resemble");

    List<Path> written = Reports.write(Fixtures.everyOutcome(),
        EnumSet.allOf(ReportFormat.class), target);

    assertThat(written).containsExactly(
        target.resolve("resemble-report.json"),
        target.resolve("resemble-junit.xml"),
        target.resolve("resemble.sarif"),
        target.resolve("resemble-report.html"),
        target.resolve("resemble-report.css"),
        target.resolve("resemble-report.js"),
        target.resolve("resemble-summary.md"),
        target.resolve("gl-code-quality-report.json"));
    assertThat(listing(target)).containsExactly("gl-code-quality-report.json",
        "resemble-junit.xml", "resemble-report.css", "resemble-report.html", "resemble-report.js",
        "resemble-report.json", "resemble-summary.md", "resemble.sarif");
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(ReportFormat.allFileNames());
    assertThat(Files.readString(target.resolve("resemble-junit.xml"))).contains("<testsuites");
    assertThat(Files.readString(target.resolve("resemble.sarif"))).contains("\"version\" : \"2.1.0\"");
    assertThat(Files.readString(target.resolve("resemble-report.html"))).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(target.resolve("resemble-summary.md")))
        .startsWith("### ❌ Resemble Gate: FAILED");
  }

  @Test
  void writesOnlyTheChosenFormats() throws IOException {
    List<Path> written = Reports.write(Fixtures.everyOutcome(),
        ReportFormat.parse("md, junit"), dir);

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("resemble-junit.xml", "resemble-summary.md");
    assertThat(listing(dir)).containsExactly("resemble-junit.xml", "resemble-summary.md");
  }

  @Test
  void replacesAnOlderReportAndLeavesNoTemporaryFiles() throws IOException {
    Files.writeString(dir.resolve("resemble-report.json"), "old");

    Reports.write(Fixtures.everyOutcome(), EnumSet.of(ReportFormat.JSON), dir);

    assertThat(Files.readString(dir.resolve("resemble-report.json")))
        .contains("\"schemaVersion\" : \"" + JsonReportWriter.SCHEMA_VERSION + "\"");
    assertThat(listing(dir)).containsExactly("resemble-report.json");
  }

  @Test
  void reportsAreReadableLikeAnyOtherFileTheBuildWrites() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

    Reports.write(Fixtures.everyOutcome(), EnumSet.of(ReportFormat.HTML), dir);

    assertThat(Files.getPosixFilePermissions(dir.resolve("resemble-report.html")))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void noReportShowsATokenEvenIfAFrontEndLetOneSlipIntoTheRunInfo() throws IOException {
    String secret = "test-token-" + UUID.randomUUID();
    GateResult v = Fixtures.everyOutcome();
    Map<String, String> options = new LinkedHashMap<>(v.run().options());
    options.put("token", secret);
    options.put("apiKey", secret);
    options.put("tokenEnvironmentVariable", "RESEMBLE_API_KEY");
    GateResult leaky = new GateResult(new RunInfo(v.run().toolVersion(), v.run().startedAt(),
        v.run().finishedAt(), "https://user:" + secret + "@app.resemble.ai/api/v2?key=" + secret,
        v.run().baseDirectory(), false, options, v.run().batchIds()), v.policy(), v.files(),
        v.totals(), v.decision(), v.notices());

    for (Path report : Reports.write(leaky, EnumSet.allOf(ReportFormat.class), dir)) {
      assertThat(Files.readString(report)).as(report.getFileName().toString())
          .doesNotContain(secret);
    }
    String json = Files.readString(dir.resolve("resemble-report.json"));
    assertThat(json).contains("\"token\" : \"****\"", "\"apiKey\" : \"****\"",
        "\"tokenEnvironmentVariable\" : \"RESEMBLE_API_KEY\"",
        "\"apiUrl\" : \"https://app.resemble.ai/api/v2\"");
    assertThat(Redaction.isSecret("maxFilesPerBatch")).isFalse();
    assertThat(Redaction.isSecret("serverId")).isFalse();
  }

  @Test
  void theHtmlReportBringsItsStyleSheetAndScriptAlong() throws IOException {
    List<Path> written = Reports.write(Fixtures.everyOutcome(), EnumSet.of(ReportFormat.HTML), dir);

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("resemble-report.html", "resemble-report.css", "resemble-report.js");
    assertThat(Files.readString(dir.resolve("resemble-report.css"))).contains(".badge.o-flagged");
    assertThat(Files.readString(dir.resolve("resemble-report.js")))
        .contains("document.getElementById('files')");
  }

  @Test
  void aReportAnEarlierRunWroteInAFormatNotChosenNowIsDeleted() throws IOException {
    Reports.write(Fixtures.everyOutcome(), EnumSet.allOf(ReportFormat.class), dir);
    Path own = Files.writeString(dir.resolve("notes.txt"), "the team's own file");

    Reports.write(Fixtures.everyOutcome(), ReportFormat.parse("json"), dir);

    assertThat(listing(dir)).containsExactly("notes.txt", "resemble-report.json");
    assertThat(own).hasContent("the team's own file");
  }

  @Test
  void writesNothingForNoFormats() throws IOException {
    assertThat(Reports.write(Fixtures.everyOutcome(), EnumSet.noneOf(ReportFormat.class), dir))
        .isEmpty();
    assertThat(listing(dir)).isEmpty();
  }

  /** Keeps one sample of each format under target/ for people reviewing the reports. */
  @Test
  void writesReviewSamples() throws IOException {
    Path samples = Path.of(System.getProperty("basedir", ".")).resolve("target/report-samples");

    List<Path> written = Reports.write(Fixtures.showcase(), EnumSet.allOf(ReportFormat.class),
        samples);

    assertThat(written).hasSize(ReportFormat.allFileNames().size()).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
  }
}
