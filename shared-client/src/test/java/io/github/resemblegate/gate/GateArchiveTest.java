package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.internal.archive.TestZips;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media the build ships inside a zip archive never pass unseen. */
class GateArchiveTest {

  @TempDir Path root;

  private GateConfig.Builder config() {
    return GateConfig.builder().baseDirectory(root.resolve("project")).noCache()
        .reportsDirectory(root.resolve("reports")).dryRun(true);
  }

  private void zip(String rel, String... entries) throws IOException {
    Map<String, byte[]> named = new LinkedHashMap<>();
    for (String e : entries) {
      named.put(e, ("bytes of " + e).getBytes(StandardCharsets.UTF_8));
    }
    TestZips.write(root.resolve("project").resolve(rel), named);
  }

  @Test
  void aZipsMediaEntriesTakeItsPlaceAndAZipWithoutMediaIsLeftOut() throws IOException {
    zip("dist/bundle.zip", "vo/intro.wav", "vo/outro.mp3", "README.txt");
    zip("dist/docs.zip", "guide.txt");

    GateResult v = Gate.run(config().contentCheck(false).build(), new RecordingListener());

    assertThat(v.files()).extracting(FileResult::path).containsExactly(
        "dist/bundle.zip!/vo/intro.wav", "dist/bundle.zip!/vo/outro.mp3");
    assertThat(v.decision().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(v.decision().sentence()).startsWith("Would send 2 files");
  }

  @Test
  void withArchivesOffAZipHoldingMediaIsListedSkippedAndNamesTheSetting() throws IOException {
    zip("dist/bundle.zip", "vo/intro.wav", "vo/outro.mp3", "README.txt");
    zip("dist/docs.zip", "guide.txt");

    GateResult v = Gate.run(config().archives(false).build(), new RecordingListener());

    assertThat(v.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("dist/bundle.zip");
      assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(f.reason()).isEqualTo("a zip archive holding 2 media files, which the gate does"
          + " not open because archives is false; set archives to true to check them, or"
          + " exclude the archive");
    });
    // Nothing else could be checked: the includes matched media the gate did not judge.
    assertThat(v.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(root.resolve("reports")).doesNotExist();
  }

  @Test
  void aZipThatIsNotOneIsListedWithWhy() throws IOException {
    Path bad = root.resolve("project/dist/broken.zip");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "not a zip at all");

    GateResult v = Gate.run(config().build(), new RecordingListener());

    assertThat(v.files()).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(f.reason()).startsWith("a zip archive the gate could not look into: not opened");
    });
  }
}
