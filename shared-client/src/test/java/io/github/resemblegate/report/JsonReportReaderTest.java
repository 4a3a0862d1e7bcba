package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.policy.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportReaderTest {

  @TempDir
  Path dir;

  private static GateResult roundTrip(GateResult verdict) throws IOException {
    return JsonReportReader.read(new ByteArrayInputStream(
        JsonReportWriterTest.json(verdict).getBytes(StandardCharsets.UTF_8)), "test report");
  }

  @Test
  void readsBackTheVerdictItWasWrittenFrom() throws IOException {
    GateResult verdict = Fixtures.everyOutcome();

    assertThat(roundTrip(verdict)).isEqualTo(verdict);
  }

  @Test
  void readsASchema12ReportWhoseFilesDoNotSayWhatTheyBilled() throws IOException {
    String json = JsonReportWriterTest.json(Fixtures.everyOutcome())
        .replace("\"schemaVersion\" : \"1.3\"", "\"schemaVersion\" : \"1.2\"")
        .replaceAll(",\\s*\"(billableBytes|playingSeconds|filesOfUnknownLength)\" : [0-9.]+", "");
    assertThat(json).contains("\"1.2\"").doesNotContain("billableBytes");

    GateResult read = JsonReportReader.read(new ByteArrayInputStream(
        json.getBytes(StandardCharsets.UTF_8)), "a 1.2 report");

    assertThat(read.files()).hasSize(10).allSatisfy(f -> {
      assertThat(f.billableBytes()).isNull();
      assertThat(f.playingSeconds()).isNull();
    });
    assertThat(read.files().get(0).score()).isEqualTo(0.97);
  }

  @Test
  void readsBackTheShardAndTheConfigurationASharedRunRanWith() throws IOException {
    GateResult whole = Fixtures.everyOutcome();
    RunInfo r = whole.run();
    GateResult shard = new GateResult(new RunInfo(r.toolVersion(), r.startedAt(),
        r.finishedAt(), r.apiUrl(), r.baseDirectory(), r.dryRun(), r.options(), r.batchIds(),
        new RunInfo.Sharding(new Shard(2, 4), 31), Map.of("threshold", "0.5", "shards", "4")),
        whole.policy(), whole.files(), whole.totals(), whole.decision(), whole.notices());

    GateResult read = roundTrip(shard);

    assertThat(read).isEqualTo(shard);
    assertThat(read.run().sharding().shard().id()).isEqualTo("2/4");
    assertThat(read.run().sharding().matchedFiles()).isEqualTo(31);
    assertThat(JsonReportWriterTest.json(shard)).contains("\"shard\" : {");
  }

  @Test
  void aRunOfEveryFileHasANullShard() throws IOException {
    String json = JsonReportWriterTest.json(Fixtures.everyOutcome());

    assertThat(json).contains("\"shard\" : null");
    assertThat(roundTrip(Fixtures.everyOutcome()).run().sharding()).isNull();
  }

  @Test
  void readsBackHostileNamesAndAThousandFiles() throws IOException {
    assertThat(roundTrip(Fixtures.hostile())).isEqualTo(Fixtures.hostile());
    assertThat(roundTrip(Fixtures.thousandFiles())).isEqualTo(Fixtures.thousandFiles());
  }

  @Test
  void readsTheFileReportsWrote() throws IOException {
    Reports.write(Fixtures.everyOutcome(), EnumSet.of(ReportFormat.JSON), dir);

    GateResult read = JsonReportReader.read(dir.resolve("resemble-report.json"));

    assertThat(read.filesWith(Outcome.FLAGGED)).extracting(f -> f.path())
        .containsExactly("media/fake-intro.wav", "img/fake.png");
    assertThat(read.files().get(0).chunkScores()).containsSubsequence(0.08, null, 0.62);
  }

  @Test
  void acceptsALaterMinorVersionWithKeysItDoesNotKnow() throws IOException {
    String json = JsonReportWriterTest.json(Fixtures.everyOutcome())
        .replace("\"schemaVersion\" : \"1.3\"", "\"schemaVersion\" : \"1.4\", \"extra\" : {\"x\": 1}");

    GateResult read = JsonReportReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "newer report");

    assertThat(read).isEqualTo(Fixtures.everyOutcome());
  }

  @Test
  void refusesAnotherMajorVersionWithAClearSentence() throws IOException {
    Path file = dir.resolve("resemble-report.json");
    Files.writeString(file, JsonReportWriterTest.json(Fixtures.everyOutcome())
        .replace("\"schemaVersion\" : \"1.3\"", "\"schemaVersion\" : \"2.0\""));

    assertThatThrownBy(() -> JsonReportReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema 2.0")
        .hasMessageContaining("reads only 1.x");
  }

  @Test
  void explainsAFileThatIsNotJson() throws IOException {
    Path file = dir.resolve("resemble-report.json");
    Files.writeString(file, "<html>not json</html>");

    assertThatThrownBy(() -> JsonReportReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + " is not valid JSON");
  }

  @Test
  void aCutShortReportIsSaidInWordsWithoutTheParsersInnards() throws IOException {
    Path file = dir.resolve("resemble-report.json");
    Files.writeString(file, "{\"schemaVersion\": \"1.0\", \"files\": [\n");

    assertThatThrownBy(() -> JsonReportReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " is not valid JSON (Unexpected end-of-input: expected close marker"
            + " for Array at line 2); write it again with the gate.");
  }

  @Test
  void explainsAJsonFileThatIsNotAReport() throws IOException {
    Path file = dir.resolve("package.json");
    Files.writeString(file, "{\"name\": \"something else\"}");

    assertThatThrownBy(() -> JsonReportReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " is not a Resemble Gate report (it has no schemaVersion).");
  }

  @Test
  void namesTheEntryWithAnUnknownOutcome() throws IOException {
    String json = JsonReportWriterTest.json(Fixtures.everyOutcome())
        .replaceFirst("\"outcome\" : \"FLAGGED\"", "\"outcome\" : \"MAYBE\"");

    assertThatThrownBy(() -> JsonReportReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "edited.json"))
        .hasMessageContaining("edited.json is not a usable Resemble Gate report")
        .hasMessageContaining("files[0].outcome is 'MAYBE'");
  }

  @Test
  void saysWhereTheReportWasExpectedWhenItIsMissing() {
    Path missing = dir.resolve("nowhere/resemble-report.json");

    assertThatThrownBy(() -> JsonReportReader.read(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("There is no report at " + missing);
  }
}
