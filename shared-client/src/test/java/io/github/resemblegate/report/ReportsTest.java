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
        target.resolve("resemble-summary.md"));
    assertThat(listing(target)).containsExactly("resemble-junit.xml", "resemble-report.html",
        "resemble-report.json", "resemble-summary.md", "resemble.sarif");
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
        .contains("\"schemaVersion\" : \"1.1\"");
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

    assertThat(written).hasSize(5).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
  }
}
