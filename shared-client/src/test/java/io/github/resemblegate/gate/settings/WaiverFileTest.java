package io.github.resemblegate.gate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.policy.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {

  @TempDir Path dir;
  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsYamlWaiversByShaAndByPath() throws IOException {
    Path f = write("waivers.yaml", """
        waivers:
          - sha256: %s
            reason: Licensed synthetic voice
            until: 2026-12-31
          - path: media/demo/**
            reason: Demo content
        """.formatted(SHA.toUpperCase()));
    assertThat(WaiverFile.load(f)).containsExactly(
        new Waiver(SHA, null, "Licensed synthetic voice", LocalDate.of(2026, 12, 31)),
        new Waiver(null, "media/demo/**", "Demo content", null));
  }

  @Test
  void readsAJsonList() throws IOException {
    Path f = write("waivers.json", "[{\"path\": \"a.wav\", \"reason\": \"ok\"}]");
    assertThat(WaiverFile.load(f)).containsExactly(new Waiver(null, "a.wav", "ok", null));
  }

  @Test
  void anEmptyFileHoldsNoWaivers() throws IOException {
    assertThat(WaiverFile.load(write("w.yaml", ""))).isEmpty();
  }

  @Test
  void namesTheLineOfAWaiverWithoutReason() throws IOException {
    Path f = write("w.yaml", """
        waivers:
          - path: a.wav
            reason: fine
          - path: b.wav
        """);
    assertThatThrownBy(() -> WaiverFile.load(f)).isInstanceOf(GateException.class)
        .hasMessage("Waiver 2 in " + f + " (line 4) has no reason; say why the file is accepted.");
  }

  @Test
  void namesAnUnknownField() throws IOException {
    Path f = write("w.yaml", "- sha: abc\n  reason: x\n");
    assertThatThrownBy(() -> WaiverFile.load(f)).isInstanceOf(GateException.class)
        .hasMessage("Waiver 1 in " + f + " (line 1) has an unknown field 'sha'; use sha256,"
            + " path, reason and until.");
  }

  @Test
  void refusesABadDateAndABadHash() throws IOException {
    Path date = write("d.yaml", "- path: a.wav\n  reason: x\n  until: 2026-13-01\n");
    assertThatThrownBy(() -> WaiverFile.load(date))
        .hasMessageEndingWith("until '2026-13-01' is not a date like 2026-12-31.");
    Path hash = write("h.yaml", "- sha256: abc\n  reason: x\n");
    assertThatThrownBy(() -> WaiverFile.load(hash))
        .hasMessageEndingWith("sha256 'abc' is not 64 hexadecimal characters (sha256sum prints it).");
  }

  @Test
  void reportsSyntaxErrorsWithTheirLine() throws IOException {
    Path f = write("w.yaml", "waivers:\n  - path: [unclosed\n");
    assertThatThrownBy(() -> WaiverFile.load(f)).isInstanceOf(GateException.class)
        .hasMessageStartingWith("The waiver file " + f + " is not valid YAML at line ");
  }

  @Test
  void aCutShortJsonFileIsSaidWithoutTheParsersInnards() throws IOException {
    Path f = write("w.json", "{\"waivers\": [\n");
    assertThatThrownBy(() -> WaiverFile.load(f)).isInstanceOf(GateException.class)
        .hasMessage("The waiver file " + f + " is not valid JSON at line 2, column 1: Unexpected"
            + " end-of-input: expected close marker for Array.");
  }

  @Test
  void aMissingFileIsOneSentence() {
    Path f = dir.resolve("none.yaml");
    assertThatThrownBy(() -> WaiverFile.load(f))
        .hasMessage("The waiver file " + f + " does not exist; check the path or remove the"
            + " setting.");
  }
}
