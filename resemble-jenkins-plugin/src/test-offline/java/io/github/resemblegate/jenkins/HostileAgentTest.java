package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compromised agent decides what its scan returns (a {@link ScanOutcome}). The controller copies reports into the build
 * only under the names the core's report formats write, into the folder it chose itself, and only
 * from real files inside the workspace: a name that climbs out, an absolute path, an unknown name
 * or a symbolic link is refused with a log line, and nothing is written outside that folder.
 */
class HostileAgentTest {

  @TempDir Path root;
  private Path workspace;
  private Path reports;
  private Path buildDir;
  private Path archive;
  private final TestBuilds.Console console = new TestBuilds.Console();

  @BeforeEach
  void lay() throws Exception {
    workspace = Files.createDirectories(root.resolve("workspace"));
    reports = Files.createDirectories(workspace.resolve("resemble-reports/a/b"));
    buildDir = Files.createDirectories(root.resolve("jobs/media/builds/7"));
    archive = buildDir.resolve("resemble");
    Files.writeString(workspace.resolve("resemble-reports/escaped.txt"), "agent bytes");
    Files.writeString(root.resolve("secret.key"), "controller secret");
  }

  private void archiveWhatTheAgentClaims(String reportsDir, String... names) throws Exception {
    ReportArchive.copy(new FilePath(workspace.toFile()), reportsDir, List.of(names),
        archive.toFile(), console.getLogger());
  }

  /** Every file under {@code root} that is outside the workspace and outside the archive. */
  private List<Path> writtenOutsideTheArchive() throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(workspace) && !p.startsWith(archive))
          .filter(p -> !p.equals(root.resolve("secret.key")))
          .toList();
    }
  }

  @Test
  void aNameThatClimbsOutOfTheBuildIsRefusedAndNothingIsWritten() throws Exception {
    archiveWhatTheAgentClaims("resemble-reports/a/b", "../../escaped.txt",
        "../../../../../../escaped.txt");

    assertThat(writtenOutsideTheArchive()).isEmpty();
    assertThat(archive).doesNotExist();
    assertThat(console.text()).contains("'../../escaped.txt'");
  }

  @Test
  void anAbsoluteNameIsRefused() throws Exception {
    Path target = root.resolve("jobs/media/config.xml");

    archiveWhatTheAgentClaims("resemble-reports", target.toString());

    assertThat(target).doesNotExist();
    assertThat(writtenOutsideTheArchive()).isEmpty();
    assertThat(console.text()).contains(target.toString());
  }

  @Test
  void aNameNoReportFormatWritesIsRefused() throws Exception {
    Files.writeString(workspace.resolve("resemble-reports/notes.txt"), "not a report");

    archiveWhatTheAgentClaims("resemble-reports", "notes.txt");

    assertThat(archive.resolve("notes.txt")).doesNotExist();
    assertThat(console.text()).contains("'notes.txt'");
  }

  @Test
  void aReportsFolderOutsideTheWorkspaceIsRefused() throws Exception {
    Files.writeString(root.resolve("resemble-report.json"), "{\"not\":\"yours\"}");

    archiveWhatTheAgentClaims("..", "resemble-report.json");

    assertThat(archive.resolve("resemble-report.json")).doesNotExist();
    assertThat(console.text()).contains("'..'");
  }

  @Test
  void aSymbolicLinkInTheReportsFolderIsNotFollowed() throws Exception {
    Path dir = workspace.resolve("resemble-reports");
    Files.createSymbolicLink(dir.resolve("resemble-report.json"), root.resolve("secret.key"));
    Files.writeString(dir.resolve("resemble-junit.xml"), "<testsuites/>");

    archiveWhatTheAgentClaims("resemble-reports", "resemble-report.json", "resemble-junit.xml");

    assertThat(archive.resolve("resemble-report.json")).doesNotExist();
    assertThat(archive.resolve("resemble-junit.xml")).hasContent("<testsuites/>");
    try (Stream<Path> archived = Files.walk(archive)) {
      assertThat(archived.filter(Files::isRegularFile).map(p -> read(p)))
          .noneMatch(text -> text.contains("controller secret"));
    }
    assertThat(console.text()).contains("'resemble-report.json'");
  }

  @Test
  void aReportsFolderThatIsALinkOutOfTheWorkspaceIsRefused() throws Exception {
    Path outside = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(outside.resolve("resemble-junit.xml"), "controller secret");
    Files.createSymbolicLink(workspace.resolve("linked"), outside);

    archiveWhatTheAgentClaims("linked", "resemble-junit.xml");

    assertThat(archive.resolve("resemble-junit.xml")).doesNotExist();
  }

  @Test
  void theReportsTheCoreWritesAreArchived() throws Exception {
    Path dir = workspace.resolve("resemble-reports");
    Files.writeString(dir.resolve("resemble-report.html"), "<html></html>");
    Files.writeString(dir.resolve("resemble.sarif"), "{}");

    archiveWhatTheAgentClaims("resemble-reports", "resemble-report.html", "resemble.sarif");

    assertThat(archive.resolve("resemble-report.html")).hasContent("<html></html>");
    assertThat(archive.resolve("resemble.sarif")).hasContent("{}");
    assertThat(console.text()).doesNotContain("Not archived");
  }

  @Test
  void aHostileScanOutcomeWritesNothingOutsideTheBuildsFolder() throws Exception {
    Path dir = workspace.resolve("resemble-reports/a/b");
    Files.writeString(dir.resolve("notes.txt"), "not a report");
    Files.createSymbolicLink(dir.resolve("resemble-junit.xml"), root.resolve("secret.key"));
    Files.writeString(dir.resolve("resemble-report.json"), "{\"agent\":\"chose this\"}");
    ScanOutcome hostile = new ScanOutcome(Results.json(Results.passed()), "resemble-reports/a/b",
        List.of("../../escaped.txt", root.resolve("jobs/media/config.xml").toString(),
            "notes.txt", "resemble-junit.xml", "resemble-report.json"));
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir.toFile());

    ResembleDetectAction action = DetectRun.keep(hostile, build,
        new FilePath(workspace.toFile()), console);

    assertThat(writtenOutsideTheArchive()).isEmpty();
    assertThat(root.resolve("jobs/media/config.xml")).doesNotExist();
    try (Stream<Path> archived = Files.list(archive)) {
      assertThat(archived.map(p -> p.getFileName().toString()))
          .containsExactly("resemble-report.json");
    }
    assertThat(read(archive.resolve("resemble-report.json"))).doesNotContain("chose this");
    assertThat(action.getReportFiles()).containsExactly("resemble-report.json");
    assertThat(action.getSentence()).isEqualTo(Results.passed().decision().sentence());
    assertThat(console.text()).contains("'../../escaped.txt'", "'notes.txt'",
        "'resemble-junit.xml' is a symbolic link");
  }

  @Test
  void aResultThatIsNotTheCoresReportStopsTheStepAndKeepsNothing() throws Exception {
    ScanOutcome garbage = new ScanOutcome("<html>not a result</html>".getBytes(
        StandardCharsets.UTF_8), "resemble-reports", List.of());
    TestBuilds.TestRun build = new TestBuilds.TestRun(buildDir.toFile());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DetectRun.keep(garbage, build,
        new FilePath(workspace.toFile()), console))
        .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("the agent's result");
    assertThat(build.getActions(ResembleDetectAction.class)).isEmpty();
    assertThat(archive).doesNotExist();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
