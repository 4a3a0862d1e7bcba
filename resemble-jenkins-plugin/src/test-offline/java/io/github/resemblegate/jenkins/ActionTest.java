package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.jenkins.stubs.StubPermissions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;

class ActionTest {

  @TempDir File buildDir;

  @AfterEach
  void artifactsPermissionOff() {
    System.clearProperty("hudson.security.ArtifactsPermission");
  }

  private static GateResult mixed() {
    return Results.result(Verdict.FAILED, FailureKind.FINDINGS,
        "1 of 4 files scored at or above the threshold 0.50: media/fake.wav (0.97).",
        Results.file("media/a-ok.wav", Outcome.PASSED, 0.02),
        Results.file("media/fake.wav", Outcome.FLAGGED, 0.97),
        Results.file("media/odd.png", Outcome.ERROR, null),
        Results.file("media/quiet.wav", Outcome.NO_SPEECH, -1.0));
  }

  private ResembleDetectAction attached(int index, List<String> reports, GateResult result)
      throws Exception {
    ResembleDetectAction action = new ResembleDetectAction(index, reports, result);
    new TestBuilds.TestRun(buildDir).addAction(action);
    return action;
  }

  @Test
  void countsAreWordedByTheCoreAndOneFileIsNotFiles() throws Exception {
    assertThat(attached(1, List.of(), mixed()).getCounts())
        .isEqualTo("4 files: 1 likely genuine, 1 likely synthetic, 1 without speech,"
            + " 1 could not be judged");
    assertThat(attached(1, List.of(), Results.passed()).getCounts())
        .isEqualTo("1 file: 1 likely genuine");
  }

  @Test
  void listsFilesNeedingAttentionFirst() throws Exception {
    ResembleDetectAction a = attached(1, List.of(), mixed());

    assertThat(a.getRows()).extracting(FileResult::path)
        .containsExactly("media/fake.wav", "media/odd.png", "media/a-ok.wav", "media/quiet.wav");
    assertThat(a.getAttentionRows()).extracting(FileResult::path)
        .containsExactly("media/fake.wav", "media/odd.png");
  }

  @Test
  void scoresAreThoseTheCorePrintsAndAReasonlessErrorSaysWhy() throws Exception {
    FileResult close = new FileResult("media/close.wav", "ab".repeat(32), 1, null,
        Outcome.PASSED, 0.4999, "metrics.aggregated_score", null, 0.5, List.of(), null, "d", "b",
        null, null, false, null);
    FileResult failed = new FileResult("media/lost.wav", null, 1, null, Outcome.ERROR, null,
        null, null, 0.5, List.of(), null, null, "b", null, null, false, null);
    ResembleDetectAction a = attached(1, List.of(), mixed());

    assertThat(a.score(close)).isEqualTo("0.4999");
    assertThat(a.threshold(close)).isEqualTo("0.50");
    assertThat(a.score(failed)).isEqualTo("-");
    assertThat(a.note(failed)).isEqualTo("the detection failed");
  }

  @Test
  void manyFilesAreCappedButEveryFlaggedOneIsKept() throws Exception {
    List<FileResult> files = new ArrayList<>();
    for (int i = 0; i < ResembleDetectAction.MAX_ROWS + 5; i++) {
      files.add(Results.file(String.format("media/f%05d.wav", i), Outcome.PASSED, 0.01));
    }
    files.add(Results.file("media/zz-fake.wav", Outcome.FLAGGED, 0.9));

    ResembleDetectAction a = attached(1, List.of(), Results.result(Verdict.FAILED,
        FailureKind.FINDINGS, "m", files.toArray(FileResult[]::new)));

    assertThat(a.getRows()).hasSize(ResembleDetectAction.MAX_ROWS);
    assertThat(a.getOmittedRows()).isEqualTo(6);
    assertThat(a.getRows().get(0).path()).isEqualTo("media/zz-fake.wav");
  }

  @Test
  void linksOnlyHttpsDashboardUrls() throws Exception {
    ResembleDetectAction a = attached(1, List.of(), mixed());
    FileResult https = Results.file("a.wav", Outcome.PASSED, 0.1);
    FileResult script = new FileResult("b.wav", null, 1, null, Outcome.PASSED, 0.1, null, null,
        0.5, List.of(), null, null, null, null, null, false, "javascript:alert(1)");

    assertThat(a.link(https)).isEqualTo("https://app.resemble.ai/detect/d-a.wav");
    assertThat(a.link(script)).isNull();
  }

  @Test
  void aBuildWhoseResultFileIsGoneStillShowsItsPageSayingSo() throws Exception {
    ResembleDetectAction gone = new ResembleDetectAction(1, List.of(), null);
    new TestBuilds.TestRun(buildDir).addAction(gone);

    assertThat(gone.isResultKept()).isFalse();
    assertThat(gone.getSentence())
        .isEqualTo("The result of this run is no longer in the build's folder.");
    assertThat(gone.getRows()).isEmpty();
    assertThat(gone.getAttentionRows()).isEmpty();
    assertThat(gone.getCounts()).isEmpty();
  }

  @Test
  void reportsAreServedFromTheBuildsFolder() throws Exception {
    ResembleDetectAction action = attached(2, List.of("resemble-report.html"), mixed());

    DirectoryBrowserSupport served = action.doReport();

    assertThat(action.isHtmlReportArchived()).isTrue();
    assertThat(served.baseForTest().getRemote()).isEqualTo(
        new File(buildDir, "resemble-2").getPath());
    assertThat(served.owner).isSameAs(action);
  }

  @Test
  void withArtifactsPermissionInForceTheReportsNeedIt() throws Exception {
    System.setProperty("hudson.security.ArtifactsPermission", "true");
    ResembleDetectAction action = attached(1, List.of("resemble-report.html"), mixed());

    assertThatThrownBy(action::doReport).isInstanceOf(AccessDeniedException.class);
    StubPermissions.grant(action.getRun(), Run.ARTIFACTS, true);
    assertThat(action.doReport().owner).isSameAs(action);
  }

  @Test
  void withoutHtmlThereIsNoReportLink() throws Exception {
    assertThat(attached(1, List.of("resemble-report.json"), mixed()).isHtmlReportArchived())
        .isFalse();
  }

  @Test
  void summaryMapHoldsOnlyPlainValuesForSandboxedScripts() throws Exception {
    ResembleDetectAction action = attached(2, List.of("resemble.sarif"), mixed());

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
