package io.github.resemblegate.gate.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackerTest {

  private static final ArchiveLimits SMALL = new ArchiveLimits(10, 1_000_000, 1_500_000, 100);

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private Path zip(Map<String, byte[]> entries) throws IOException {
    return TestZips.write(dir.resolve("project/bundle.zip"), entries);
  }

  /** The zip's lines after both archive stages of a run: listed, then unpacked. */
  private List<ScannedFile> unpack(Path zip) throws IOException {
    Unpacker u = Unpacker.inCache(dir.resolve("cache"), SMALL, warnings::add);
    ArchiveFilter archives = new ArchiveFilter(zip.getParent(), SMALL, u);
    return archives.unpacking().select(archives.select(List.of(ScannedFile.skipped(
        zip.getFileName().toString(), Files.size(zip), ScannedFile.UNOPENED_ARCHIVE))));
  }

  /** Every file under the unpack folder, by name. */
  private List<String> unpacked() throws IOException {
    Path folder = dir.resolve("cache/unpacked");
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void aBombIsSkippedWithWhyAndNothingOfItIsWritten() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bomb.wav", new byte[900_000]); // zeros deflate about 1000:1
    entries.put("vo/intro.wav", ZipArchiveTest.media(20_000, 5));

    List<ScannedFile> out = unpack(zip(entries));

    assertThat(out).extracting(ScannedFile::path)
        .containsExactly("bundle.zip!/bomb.wav", "bundle.zip!/vo/intro.wav");
    assertThat(out.get(0).skipReason()).matches("refused: it inflates \\d+ times its compressed"
        + " size, more than 100 \\(a guard against zip bombs\\)");
    assertThat(out.get(1).isCandidate()).isTrue();
    assertThat(out.get(1).bytes()).hasFileName("intro.wav").hasSize(20_000);
    assertThat(unpacked()).doesNotContain("bomb.wav").contains("intro.wav")
        .noneMatch(n -> n.endsWith(".part"));
  }

  @Test
  void anEntryThatInflatesBeyondWhatItDeclaresIsStoppedAndLeavesNoFile() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("liar.wav", ZipArchiveTest.media(50_000, 11));
    Path zip = zip(entries);
    ZipArchiveTest.declareSize(zip, 1_000);

    List<ScannedFile> out = unpack(zip);

    assertThat(out).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("bundle.zip!/liar.wav");
      assertThat(f.skipReason()).startsWith("refused: bundle.zip!/liar.wav inflates beyond 1000"
          + " bytes");
    });
    assertThat(unpacked()).isEmpty();
  }

  @Test
  void entriesWhoseNamesLeaveTheArchiveAreSkippedAndNeverWritten() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("../evil.wav", ZipArchiveTest.media(2_000, 1));
    entries.put("/abs.wav", ZipArchiveTest.media(2_000, 2));

    List<ScannedFile> out = unpack(zip(entries));

    assertThat(out).extracting(ScannedFile::skipReason).allSatisfy(r -> assertThat(r)
        .startsWith("refused: its name "));
    assertThat(unpacked()).isEmpty();
    assertThat(dir.resolve("project/evil.wav")).doesNotExist();
    assertThat(dir.resolve("evil.wav")).doesNotExist();
  }

  private static final java.time.Instant NOW = java.time.Instant.now();

  private static void age(Path p, java.time.Duration by) throws IOException {
    Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(NOW.minus(by)));
  }

  /** A zip of one entry whose bytes depend on {@code seed}, old enough to be listed. */
  private Path listedZip(int seed) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("vo/intro.wav", ZipArchiveTest.media(3_000, seed));
    Path zip = zip(entries);
    age(zip, java.time.Duration.ofHours(seed)); // each build of it has its own time
    return zip;
  }

  private int clean() {
    return UnpackedCleanup.clean(dir.resolve("cache/unpacked"), ArchiveList.FOLDER, NOW,
        warnings::add);
  }

  @Test
  void anEntryNoArchiveNamesAnyMoreIsDeletedOnceItIsADayOld() throws IOException {
    Path before = unpack(listedZip(1)).get(0).bytes().getParent();
    Path now = unpack(listedZip(2)).get(0).bytes().getParent(); // the zip was rebuilt
    assertThat(clean()).isZero(); // unnamed, but a parallel build may be about to list it
    age(before, java.time.Duration.ofDays(2));
    age(now, java.time.Duration.ofDays(2));

    assertThat(clean()).isEqualTo(1);
    assertThat(before).doesNotExist();
    assertThat(now.resolve("intro.wav")).exists();
    assertThat(warnings).isEmpty();
  }

  @Test
  void anArchiveNotSeenForAMonthIsForgottenWithItsEntries() throws IOException {
    Path entry = unpack(listedZip(3)).get(0).bytes().getParent();
    Path list;
    try (Stream<Path> lists = Files.list(dir.resolve("cache/unpacked/archives"))) {
      list = lists.findFirst().orElseThrow();
    }
    age(list, java.time.Duration.ofDays(31));
    age(entry, java.time.Duration.ofDays(31));

    assertThat(clean()).isEqualTo(1);
    assertThat(list).doesNotExist();
    assertThat(entry).doesNotExist();
  }

  @Test
  void anArchiveStillCheckedKeepsItsEntriesHoweverOldTheyAre() throws IOException {
    Path zip = listedZip(4);
    Path entry = unpack(zip).get(0).bytes().getParent();
    try (Stream<Path> lists = Files.list(dir.resolve("cache/unpacked/archives"))) {
      age(lists.findFirst().orElseThrow(), java.time.Duration.ofDays(31));
    }
    age(entry, java.time.Duration.ofDays(31));
    unpack(zip); // checked again today: not unpacked again, and its list is in use

    assertThat(clean()).isZero();
    assertThat(entry.resolve("intro.wav")).exists();
  }

  @Test
  void aPartAKilledRunLeftIsDeletedOnceItIsADayOld() throws IOException {
    unpack(listedZip(5));
    Path part = Files.createFile(dir.resolve("cache/unpacked/entry-123.part"));
    assertThat(clean()).isZero();
    age(part, java.time.Duration.ofDays(2));

    assertThat(clean()).isEqualTo(1);
    assertThat(part).doesNotExist();
  }
}
