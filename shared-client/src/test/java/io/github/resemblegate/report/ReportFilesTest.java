package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the shards' JSON reports among the files and folders a front end is given. */
class ReportFilesTest {

  @TempDir Path dir;

  private Path report(String folder) throws IOException {
    Path p = dir.resolve(folder).resolve("resemble-report.json");
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "{}");
  }

  @Test
  void aFolderIsSearchedBelowInPathOrderAndAFileIsTakenAsNamed() throws IOException {
    Path two = report("artifacts/shard-2");
    Path one = report("artifacts/shard-1");
    Path named = Files.writeString(dir.resolve("other.json"), "{}");

    assertThat(ReportFiles.find(List.of(named, dir.resolve("artifacts")), dir.resolve("out")))
        .containsExactly(named, one, two);
  }

  @Test
  void theCallersOwnReportIsLeftOutOfTheSearch() throws IOException {
    Path shard = report("shards/1");
    report("shards/merged");

    assertThat(ReportFiles.find(List.of(dir.resolve("shards")), dir.resolve("shards/merged")))
        .containsExactly(shard);
  }

  @Test
  void aFolderWithoutAReportIsSaidInOneSentence() throws IOException {
    Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> ReportFiles.find(List.of(dir.resolve("empty")), dir))
        .isInstanceOf(GateException.class)
        .hasMessage("There is no resemble-report.json under " + dir.resolve("empty")
            + "; give the shards' reports or the folders that hold them.");
  }
}
