package io.github.resemblegate.client.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.resemblegate.client.BatchRequest;
import io.github.resemblegate.client.IntakeMode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local checks let through: the limits themselves (refusals are in LocalRefusalTest). */
class UploadRulesTest {
  @TempDir
  Path dir;

  /** A file of the given size that takes (almost) no disk space. */
  private Path sparse(String name, long size) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  private static BatchRequest batch(IntakeMode mode, Path... files) {
    return BatchRequest.of(List.of(files), null, mode);
  }

  @Test
  void acceptsExactlyFiveHundredMegabytesOfFiles() throws IOException {
    Path a = sparse("a.wav", 250_000_000);
    Path b = sparse("b.mp4", 250_000_000);

    assertThatCode(() -> UploadRules.checkBatch(batch(IntakeMode.FILES, a, b))).doesNotThrowAnyException();
  }

  @Test
  void acceptsAmrForADirectUploadThoughNotInABatch() throws IOException {
    Path amr = Files.writeString(dir.resolve("call.amr"), "#!AMR");

    assertThatCode(() -> UploadRules.checkDirectUpload(amr, "call.amr")).doesNotThrowAnyException();
  }
}
