package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte and media-minute budgets beside maxFiles: a plan over either uploads nothing and says
 * by how much. The API URL is a dead port: any request would fail the run another way.
 */
class GateBudgetTest {

  private static final String DEAD_API = "http://127.0.0.1:9/api/v2";

  @TempDir Path root;

  private GateConfig.Builder config() {
    return GateConfig.builder().baseDirectory(root.resolve("project")).noCache()
        .reportsDirectory(root.resolve("reports")).apiUrl(DEAD_API)
        .token(ApiToken.of("tok-budget"));
  }

  /** A PCM WAV of 1,000 bytes a second that plays {@code seconds}. */
  private void wav(String rel, int seconds) throws IOException {
    Path file = root.resolve("project").resolve(rel);
    Files.createDirectories(file.getParent());
    Files.write(file, GateFixture.wav(seconds, 0x40));
  }

  @Test
  void aPlanOverMaxBytesUploadsNothingAndSaysByHowMuch() throws IOException {
    wav("vo/a.wav", 2);
    wav("vo/b.wav", 3);

    GateResult v = Gate.run(config().maxBytes(3000).build(), new RecordingListener());

    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(v.decision().failureKind()).as(v.decision().sentence()).isEqualTo(FailureKind.BUDGET);
    assertThat(v.decision().sentence()).startsWith("This run would upload 2 files, ")
        .contains("more than maxBytes 3000 allows, so nothing was sent");
    assertThat(v.decision().sentence().length()).isLessThanOrEqualTo(200);
    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.SKIPPED);
    assertThat(v.totals().uploaded()).isZero();
  }

  @Test
  void aPlanOverMaxMediaMinutesUploadsNothingAndSaysByHowMuch() throws IOException {
    wav("vo/long.wav", 90);
    wav("vo/longer.wav", 60);

    GateResult v = Gate.run(config().maxMediaMinutes(2).build(), new RecordingListener());

    assertThat(v.decision().failureKind()).as(v.decision().sentence()).isEqualTo(FailureKind.BUDGET);
    assertThat(v.decision().sentence()).isEqualTo("This run would upload 2.5 minutes of audio"
        + " and video, 0.5 more than maxMediaMinutes 2 allows, so nothing was sent; raise it,"
        + " 0 means no limit, or narrow the includes.");
    assertThat(v.files()).extracting(FileResult::outcome).containsOnly(Outcome.SKIPPED);
  }

  @Test
  void aFileWhosePlayingTimeIsUnknownStopsARunWithAMinutesBudget() throws IOException {
    wav("vo/known.wav", 1);
    Path odd = root.resolve("project/vo/odd.wav");
    Files.write(odd, "RIFF but nothing after it".getBytes(StandardCharsets.US_ASCII));

    GateResult v = Gate.run(config().contentCheck(false).maxMediaMinutes(10).build(),
        new RecordingListener());

    assertThat(v.decision().failureKind()).as(v.decision().sentence()).isEqualTo(FailureKind.BUDGET);
    assertThat(v.decision().sentence()).contains("vo/odd.wav").contains("maxMediaMinutes");
  }

  @Test
  void budgetsThatHoldLetTheRunGoOn() throws IOException {
    wav("vo/a.wav", 2);

    GateResult v = Gate.run(config().maxBytes(1_000_000).maxMediaMinutes(1).dryRun(true)
        .build(), new RecordingListener());

    assertThat(v.decision().failureKind()).isNotEqualTo(FailureKind.BUDGET);
    assertThat(v.files()).singleElement().satisfies(f ->
        assertThat(f.reason()).startsWith("dry run: would be submitted"));
  }
}
