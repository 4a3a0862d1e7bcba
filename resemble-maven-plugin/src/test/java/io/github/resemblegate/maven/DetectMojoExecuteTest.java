package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.github.resemblegate.maven.it.ItSupport;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole goal against the simulator: what the build sees for each kind of run. */
@MojoTest
class DetectMojoExecuteTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  private final RecordingLog log = new RecordingLog();
  private Path project;

  /** A mojo over a fresh project folder holding the given media, talking to the simulator. */
  private DetectMojo prepare(DetectMojo mojo, String... media) throws Exception {
    project = Files.createTempDirectory("detect-execute");
    for (String name : media) {
      Path file = project.resolve("src/main/media").resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, ItSupport.wav(name));
    }
    mojo.project = ScanScopeTest.project(project, "app");
    mojo.reportsDirectory = project.resolve("target/resemble").toFile();
    mojo.cacheDirectory = project.resolve("cache").toFile();
    mojo.apiUrl = SIM.baseUrl();
    mojo.apiKey = "simulator-key";
    mojo.pollInterval = "20ms";
    mojo.maxPollInterval = "50ms";
    mojo.environment = Map.<String, String>of()::get;
    mojo.setLog(log);
    return mojo;
  }

  private long requests() {
    return SIM.simulator().counters().totalRequests();
  }

  @Test
  @InjectMojo(goal = "detect")
  void skipChecksNothing(DetectMojo mojo) throws Exception {
    prepare(mojo, "fake-voice.wav").skip = true;

    mojo.execute();

    assertThat(log.at("info")).containsExactly("Resemble Gate is skipped (resemble.skip).");
    assertThat(requests()).isZero();
  }

  @Test
  @InjectMojo(goal = "detect")
  void cleanMediaPassPrintingTheSummaryAndEveryReport(DetectMojo mojo) throws Exception {
    prepare(mojo, "narration.wav", "outro.wav").execute();

    assertThat(log.at("info")).contains("Matched 2 media files (1.7 kB).",
        "Verdict: PASSED. 2 files checked: 2 likely genuine; threshold 0.50.");
    Path reports = project.resolve("target/resemble");
    for (String name : List.of("resemble-report.json", "resemble-junit.xml", "resemble.sarif",
        "resemble-report.html", "resemble-summary.md")) {
      assertThat(reports.resolve(name)).isRegularFile();
      assertThat(log.at("info")).contains("Report: " + reports.resolve(name));
    }
  }

  @Test
  @InjectMojo(goal = "detect")
  void aFlaggedFileIsAGateBreachNamingFileScoreAndThreshold(DetectMojo mojo) throws Exception {
    prepare(mojo, "fake-voice.wav", "narration.wav");

    assertThatThrownBy(mojo::execute)
        .isExactlyInstanceOf(MojoFailureException.class)
        .hasMessage("1 of 2 files is likely synthetic: src/main/media/fake-voice.wav scored"
            + " 0.97, at or above the threshold 0.50.");
    assertThat(log.at("error")).containsExactly("Verdict: FAILED. 1 of 2 files is likely"
        + " synthetic: src/main/media/fake-voice.wav scored 0.97, at or above the threshold 0.50.");
    assertThat(log.at("info")).contains("What to do next:");
    assertThat(project.resolve("target/resemble/resemble-report.html")).isRegularFile();
    assertThat(log.at("error")).singleElement().asString().startsWith("Verdict: FAILED. ");
    assertThat(log.at("info")).noneMatch(line -> line.startsWith("Verdict: "));
  }

  @Test
  @InjectMojo(goal = "detect")
  void aModuleWithoutMediaThatPassesSaysSoInOneLine(DetectMojo mojo) throws Exception {
    prepare(mojo).onEmpty = "IGNORE";
    // An earlier build, when the module still shipped media, left its reports.
    Path earlier = Files.createDirectories(project.resolve("target/resemble"));
    Files.writeString(earlier.resolve("resemble-report.json"), "{}");
    Files.writeString(earlier.resolve("resemble-junit.xml"), "<testsuite/>");
    Files.writeString(earlier.resolve("notes.txt"), "the user's own file");

    mojo.execute();

    assertThat(log.lines).extracting(RecordingLog.Line::level).doesNotContain("warn", "error");
    assertThat(log.at("info")).singleElement().asString().startsWith("No media files");
    // No reports of nothing (as JaCoCo writes none without execution data), and none left from
    // the earlier build that CI could archive as this one's; the user's own file stays.
    assertThat(earlier.resolve("resemble-report.json")).doesNotExist();
    assertThat(earlier.resolve("resemble-junit.xml")).doesNotExist();
    assertThat(earlier.resolve("notes.txt")).hasContent("the user's own file");
    assertThat(requests()).isZero();
  }

  @Test
  @InjectMojo(goal = "detect")
  void userPatternsThatMatchNothingStillSaySoInFull(DetectMojo mojo) throws Exception {
    prepare(mojo).onEmpty = "IGNORE";
    mojo.includes = List.of("media/**/*.wav");

    mojo.execute();

    assertThat(log.at("info")).anyMatch(line -> line.startsWith("Verdict: PASSED. No media files"
        + " matched in ")).anyMatch(line -> line.startsWith("Report: "));
  }

  @Test
  @InjectMojo(goal = "detect")
  void aDryRunNeedsNoTokenAndCallsNothing(DetectMojo mojo) throws Exception {
    prepare(mojo, "fake-voice.wav");
    mojo.apiKey = null;
    mojo.dryRun = "true";

    mojo.execute();

    assertThat(requests()).isZero();
    assertThat(log.at("info")).contains(
        "Dry run: would upload 1 distinct content (844 B, about 0.1 s of media) in 1 batch;"
            + " 0 answered by the cache.");
  }

  @Test
  @InjectMojo(goal = "detect")
  void offlineWithoutCachedResultsFailsWithoutARequestNamingTheFileAndWhy(DetectMojo mojo)
      throws Exception {
    prepare(mojo, "narration.wav");
    when(mojo.session.isOffline()).thenReturn(true);

    assertThatThrownBy(mojo::execute)
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("src/main/media/narration.wav")
        .hasMessageContaining("Maven is offline (-o)");
    assertThat(requests()).isZero();
    assertThat(project.resolve("target/resemble/resemble-report.json")).isRegularFile();
  }

  @Test
  @InjectMojo(goal = "detect")
  void offlineAfterAnOnlineRunJudgesFromTheCacheWithoutARequest(DetectMojo mojo) throws Exception {
    prepare(mojo, "narration.wav").execute();
    long online = requests();
    when(mojo.session.isOffline()).thenReturn(true);

    mojo.execute();

    assertThat(requests()).isEqualTo(online);
    assertThat(log.at("info")).contains(
        "Maven is offline (-o), but the cache answers every matched file: judging from the cache.");
  }

  @Test
  @InjectMojo(goal = "detect")
  void offlineWithNothingMatchedDoesNotClaimTheCacheAnsweredAnything(DetectMojo mojo)
      throws Exception {
    prepare(mojo);
    when(mojo.session.isOffline()).thenReturn(true);

    mojo.execute();

    assertThat(requests()).isZero();
    assertThat(log.at("info")).noneMatch(line -> line.contains("cache answers"));
    // The default includes found no media: that passes quietly, in one line, offline or not.
    assertThat(log.at("info")).anyMatch(line -> line.startsWith("No media files in "));
    assertThat(log.at("warn")).noneMatch(line -> line.contains("Verdict"));
  }

  @Test
  @InjectMojo(goal = "detect")
  void offlineWithASubmissionStillInTheJournalFailsInsteadOfPolling(DetectMojo mojo)
      throws Exception {
    SIM.simulator().processingTime(Duration.ofSeconds(30));
    prepare(mojo, "narration.wav").timeout = "300ms";
    assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("timed out after");
    long online = requests();
    when(mojo.session.isOffline()).thenReturn(true);

    assertThatThrownBy(mojo::execute)
        .isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("src/main/media/narration.wav")
        .hasMessageContaining("Maven is offline (-o)");
    assertThat(requests()).isEqualTo(online);
  }

  @Test
  @InjectMojo(goal = "detect")
  void offlineWithWarnPassesWarningWhyAndStillWritesTheReports(DetectMojo mojo) throws Exception {
    prepare(mojo, "narration.wav").onError = "WARN";
    when(mojo.session.isOffline()).thenReturn(true);

    mojo.execute();

    assertThat(requests()).isZero();
    assertThat(log.at("warn")).hasSize(2);
    assertThat(log.at("warn").get(0)).isEqualTo("Verdict: PASSED with warnings. 1 of 1 file could"
        + " not be judged: src/main/media/narration.wav; Maven is offline (-o) and it is not in"
        + " the cache, so it cannot be sent to Resemble.");
    assertThat(log.at("warn").get(1)).isEqualTo("The build passes with the warnings above. With"
        + " onError=FAIL (the default) this build would fail.");
    assertThat(log.all()).doesNotContain("UNSTABLE");
    assertThat(new File(mojo.reportsDirectory, "resemble-report.json")).isFile();
  }
  /** A green run's reports, then a second file the cache cannot answer: the next run needs the API. */
  private Path greenReportsThenANewFile(DetectMojo mojo) throws Exception {
    prepare(mojo, "narration.wav").execute();
    Path json = project.resolve("target/resemble/resemble-report.json");
    assertThat(Files.readString(json)).contains("\"status\" : \"PASSED\"");
    Files.write(project.resolve("src/main/media/outro.wav"), ItSupport.wav("outro.wav"));
    return json;
  }

  @Test
  @InjectMojo(goal = "detect")
  void aMissingTokenReplacesTheLastGreenReportWithOneSayingTheRunDidNotComplete(DetectMojo mojo)
      throws Exception {
    Path json = greenReportsThenANewFile(mojo);
    mojo.apiKey = null;

    assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("No Resemble API token was provided.");

    String report = Files.readString(json);
    assertThat(report).contains("\"finishedAt\" : null", "\"status\" : \"FAILED\"",
        "The run did not complete", "No Resemble API token was provided.")
        .doesNotContain("\"status\" : \"PASSED\"");
    assertThat(Files.readString(json.resolveSibling("resemble-report.html")))
        .contains("DID NOT COMPLETE").doesNotContain("likely genuine");
    // The run stopped after its scan: every matched file is listed, not judged.
    assertThat(report).contains("\"path\" : \"src/main/media/narration.wav\"",
        "\"path\" : \"src/main/media/outro.wav\"", "not judged: the run did not complete");
  }

  @Test
  @InjectMojo(goal = "detect")
  void aWrongSettingLeavesAFreshReportSayingTheRunDidNotComplete(DetectMojo mojo)
      throws Exception {
    Path json = greenReportsThenANewFile(mojo);
    mojo.threshold = "1.5";

    assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("threshold");

    assertThat(Files.readString(json)).contains("\"finishedAt\" : null", "The run did not complete")
        .doesNotContain("\"status\" : \"PASSED\"");
    assertThat(Files.readString(json.resolveSibling("resemble-summary.md")))
        .contains("did not complete");
  }
}
