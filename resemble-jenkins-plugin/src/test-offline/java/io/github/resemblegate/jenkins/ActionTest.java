package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.DirectoryBrowserSupport;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionTest {

  @TempDir File buildDir;
  @TempDir File workspace;

  private static ScanOutcome mixed(List<String> reports) {
    return new ScanOutcome(Results.result(Verdict.FAILED, FailureKind.FINDINGS,
        "1 of 4 files scored at or above the threshold 0.50: media/fake.wav (0.97).",
        Results.file("media/a-ok.wav", Outcome.PASSED, 0.02),
        Results.file("media/fake.wav", Outcome.FLAGGED, 0.97),
        Results.file("media/odd.png", Outcome.ERROR, null),
        Results.file("media/quiet.wav", Outcome.NO_SPEECH, -1.0)), "resemble-reports", reports);
  }

  @Test
  void keepsCountsAndListsFilesNeedingAttentionFirst() {
    ScanOutcome o = mixed(List.of());

    assertThat(o.getFiles()).isEqualTo(4);
    assertThat(o.getPassed()).isEqualTo(1);
    assertThat(o.getFlagged()).isEqualTo(1);
    assertThat(o.getErrors()).isEqualTo(1);
    assertThat(o.getNoSpeech()).isEqualTo(1);
    assertThat(o.getRows()).extracting(FileRow::getPath)
        .containsExactly("media/fake.wav", "media/odd.png", "media/a-ok.wav", "media/quiet.wav");
    assertThat(o.getAttentionRows()).extracting(FileRow::getPath, FileRow::getScoreText)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("media/fake.wav", "0.97"),
            org.assertj.core.groups.Tuple.tuple("media/odd.png", "\u2013"));
  }

  @Test
  void manyFilesAreCappedButEveryFlaggedOneIsKept() {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < ScanOutcome.MAX_ROWS + 5; i++) {
      files.add(Results.file(String.format("media/f%05d.wav", i), Outcome.PASSED, 0.01));
    }
    files.add(Results.file("media/zz-fake.wav", Outcome.FLAGGED, 0.9));

    ScanOutcome o = new ScanOutcome(Results.result(Verdict.FAILED, FailureKind.FINDINGS,
        "m", files.toArray(FileResult[]::new)), "r", List.of());

    assertThat(o.getRows()).hasSize(ScanOutcome.MAX_ROWS);
    assertThat(o.getOmittedRows()).isEqualTo(6);
    assertThat(o.getRows().get(0).getPath()).isEqualTo("media/zz-fake.wav");
  }

  @Test
  void linksOnlyHttpsDashboardUrls() {
    FileRow https = new FileRow("a.wav", "audio", "PASSED", 0.1, 0.5, null, false,
        "https://app.resemble.ai/x");
    FileRow script = new FileRow("b.wav", "audio", "PASSED", 0.1, 0.5, null, false,
        "javascript:alert(1)");

    assertThat(https.getSafeDashboardUrl()).isEqualTo("https://app.resemble.ai/x");
    assertThat(script.getSafeDashboardUrl()).isNull();
  }

  @Test
  void reportsAreCopiedIntoTheBuildAndServedFromThere() throws Exception {
    File reports = new File(workspace, "resemble-reports");
    Files.createDirectories(reports.toPath());
    Files.writeString(new File(reports, "resemble-report.html").toPath(), "<html>report</html>");
    Files.writeString(new File(reports, "resemble-report.json").toPath(), "{}");
    ScanOutcome outcome = mixed(List.of("resemble-report.html", "resemble-report.json"));
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir);
    List<String> archived = DetectFlow.archiveReports(outcome, new FilePath(workspace),
        new File(buildDir, ResembleDetectAction.archiveDirName(1)), new TestBuilds.Console());
    ResembleDetectAction action = new ResembleDetectAction(1, outcome, archived);
    build.addAction(action);

    assertThat(new File(buildDir, "resemble/resemble-report.html")).hasContent(
        "<html>report</html>");
    assertThat(new File(buildDir, "resemble/resemble-report.json")).hasContent("{}");
    assertThat(action.isHtmlReportArchived()).isTrue();
    DirectoryBrowserSupport served = action.doReport();
    assertThat(served.baseForTest().getRemote()).isEqualTo(
        new File(buildDir, "resemble").getPath());
    assertThat(served.owner).isSameAs(action);
  }

  @Test
  void withoutHtmlThereIsNoReportLink() {
    assertThat(new ResembleDetectAction(1, mixed(List.of()), List.of("resemble-report.json"))
        .isHtmlReportArchived()).isFalse();
  }

  @Test
  void summaryMapHoldsOnlyPlainValuesForSandboxedScripts() throws Exception {
    ResembleDetectAction action = new ResembleDetectAction(2, mixed(List.of()),
        List.of("resemble.sarif"));
    new TestBuilds.TestRun(buildDir).addAction(action);

    Map<String, Object> m = action.toSummaryMap();

    assertThat(m).containsEntry("status", "FAILED").containsEntry("failureKind", "FINDINGS")
        .containsEntry("files", 4).containsEntry("flagged", 1).containsEntry("errors", 1)
        .containsEntry("url", "job/test/1/resemble-2/")
        .containsEntry("reportFiles", List.of("resemble.sarif"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attention = (List<Map<String, Object>>) m.get("attention");
    assertThat(attention).hasSize(2);
    assertThat(attention.get(0)).containsEntry("path", "media/fake.wav")
        .containsEntry("score", 0.97).containsEntry("outcome", "FLAGGED");
    assertThat(PlainValues.allPlain(m)).isTrue();
  }

  /** The types a sandboxed script may read without approval. */
  static final class PlainValues {
    static boolean allPlain(Object o) {
      if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
        return true;
      }
      if (o instanceof Map<?, ?> map) {
        return map.keySet().stream().allMatch(k -> k instanceof String)
            && map.values().stream().allMatch(PlainValues::allPlain);
      }
      if (o instanceof List<?> list) {
        return list.stream().allMatch(PlainValues::allPlain);
      }
      return false;
    }
  }
}
