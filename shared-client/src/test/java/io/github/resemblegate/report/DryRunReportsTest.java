package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run sends and judges nothing: its reports say DRY RUN and never PASSED. */
class DryRunReportsTest {

  @TempDir
  Path dir;

  @Test
  void everyReportSaysDryRunAndNoneSaysPassed() throws IOException {
    GateResult dryRun = Fixtures.dryRun();
    assertThat(dryRun.decision().verdict()).as("the stored verdict").isEqualTo(Verdict.PASSED);

    Reports.write(dryRun, EnumSet.allOf(ReportFormat.class), dir);

    String html = Files.readString(dir.resolve("resemble-report.html"));
    assertThat(html).contains("<span class=\"status\">DRY RUN</span>",
        "<header class=\"verdict v-dry-run\">", "<title>Resemble Gate: DRY RUN (3 files)</title>");
    // What a reader sees: the text outside the tags.
    assertThat(html.replaceAll("(?s)<[^>]*>", " ")).doesNotContain("PASSED", "Passed");
    String md = Files.readString(dir.resolve("resemble-summary.md"));
    assertThat(md).startsWith("### ℹ️ Resemble Gate: DRY RUN\n").doesNotContain("PASSED");
    String junit = Files.readString(dir.resolve("resemble-junit.xml"));
    assertThat(junit).contains("<property name=\"resemble.status\" value=\"DRY_RUN\"/>",
        "<property name=\"resemble.verdict\" value=\"DRY RUN\"/>").doesNotContain("PASSED");
    String sarif = Files.readString(dir.resolve("resemble.sarif"));
    assertThat(sarif).contains("\"status\" : \"DRY_RUN\"").doesNotContain("PASSED");
    assertThat(Files.readString(dir.resolve("gl-code-quality-report.json")).strip())
        .isEqualTo("[ ]");
    assertThat(ConsoleSummary.lines(dryRun)).last().isEqualTo("Verdict: DRY RUN. Would send 2"
        + " files, 96.4 kB, in 1 batch and 0 single requests; this dry run sent and judged"
        + " nothing.");
    assertThat(String.join("\n", ConsoleSummary.lines(dryRun))).doesNotContain("PASSED");
    // The JSON keeps its stored values: the verdict, and the flag that says it was a dry run.
    String json = Files.readString(dir.resolve("resemble-report.json"));
    assertThat(json).contains("\"dryRun\" : true", "\"status\" : \"PASSED\"");
  }

  @Test
  void aDryRunSuggestsNoWaiverOrRetry() {
    assertThat(ConsoleSummary.lines(Fixtures.dryRun())).noneMatch(l -> l.contains("What to do"));
  }
}
