package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run the JVM stops under (Ctrl-C, a cancelled job) leaves a fresh report saying so; a run that
 * ended is never reported as interrupted. The shutdown hook's work is called directly here: a
 * test cannot stop its own JVM.
 */
class InterruptedRunReportTest {

  @TempDir
  Path dir;

  private final List<String> warnings = new ArrayList<>();

  private GateConfig.Reports reports() throws IOException {
    Reports.write(Fixtures.everyOutcome(), EnumSet.allOf(ReportFormat.class), dir);
    return new GateConfig.Reports(dir, EnumSet.of(ReportFormat.JSON, ReportFormat.HTML));
  }

  @Test
  void aRunStoppedUnderItLeavesAFreshReportSayingItDidNotComplete() throws IOException {
    InterruptedRunReport guard = InterruptedRunReport.arm(reports(), warnings::add);
    try {
      guard.runStopped();
    } finally {
      guard.close();
    }

    String json = Files.readString(dir.resolve("resemble-report.json"));
    assertThat(json).contains("\"finishedAt\" : null", "The run did not complete",
        "stopped before it finished").doesNotContain("fake-intro.wav");
    assertThat(Files.readString(dir.resolve("resemble-report.html")))
        .contains("DID NOT COMPLETE");
    // Formats this run does not write are not left behind from the last one.
    assertThat(dir.resolve("resemble.sarif")).doesNotExist();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRunThatEndedIsNeverReportedAsInterrupted() throws IOException {
    InterruptedRunReport guard = InterruptedRunReport.arm(reports(), warnings::add);
    String before = Files.readString(dir.resolve("resemble-report.json"));

    guard.close();
    guard.runStopped();

    assertThat(Files.readString(dir.resolve("resemble-report.json"))).isEqualTo(before);
    assertThat(dir.resolve("resemble.sarif")).exists();
  }

  @Test
  void aReportThatCannotBeWrittenIsAWarningNotACrash() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    InterruptedRunReport guard = InterruptedRunReport.arm(new GateConfig.Reports(file,
        EnumSet.of(ReportFormat.JSON)), warnings::add);

    guard.runStopped();
    guard.close();

    assertThat(warnings).singleElement().asString()
        .startsWith("Could not write the reports of the stopped run to " + file);
  }
}
