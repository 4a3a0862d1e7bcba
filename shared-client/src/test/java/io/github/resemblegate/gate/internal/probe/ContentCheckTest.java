package io.github.resemblegate.gate.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The content check as a filter stage: it never narrows the scan, it sets files aside. */
class ContentCheckTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "loading Tika early: {0}")
  @ValueSource(booleans = {true, false})
  void keepsTheWholeScanAndSetsAsideWhatIsNotTheMediaItsNameClaims(boolean loadEarly)
      throws IOException {
    Path wav = Files.write(dir.resolve("ramp.wav"), MediaProbeTest.wav(8000, 4000));
    Path text = Files.writeString(dir.resolve("notes.wav"), "Read slowly.\n",
        StandardCharsets.UTF_8);
    List<ScannedFile> scan = List.of(ScannedFile.candidate("notes.wav", Files.size(text), 0),
        ScannedFile.candidate("ramp.wav", Files.size(wav), 0),
        ScannedFile.skipped("empty.wav", 0, "empty"));
    ContentCheck check = new ContentCheck(loadEarly);
    check.candidateFound();

    assertThat(check.select(scan)).isEqualTo(scan);
    assertThat(check.skipReason(wav, scan.get(1))).isNull();
    assertThat(check.skipReason(text, scan.get(0))).isEqualTo(
        "not media: its bytes look like text (text/plain), not the audio a .wav file holds");
  }

  @Test
  void aScanWithoutMediaLeavesTikaUnloaded() {
    List<ScannedFile> scan = List.of(ScannedFile.skipped("empty.wav", 0, "empty"));
    assertThat(new ContentCheck(true).select(scan)).isEqualTo(scan);
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .doesNotContain("resemble-gate-tika");
  }
}
