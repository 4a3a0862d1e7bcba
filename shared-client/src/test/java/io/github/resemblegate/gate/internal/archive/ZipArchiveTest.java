package io.github.resemblegate.gate.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipArchiveTest {

  private static final ArchiveLimits SMALL = new ArchiveLimits(10, 1_000_000, 1_500_000, 100);

  @TempDir Path dir;

  /** Random bytes: media barely compresses, and neither do these. */
  static byte[] media(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private Path zip(Map<String, byte[]> entries) throws IOException {
    return TestZips.write(dir.resolve("bundle.zip"), entries);
  }

  @Test
  void listsTheMediaEntriesByTheirPathInsideTheArchiveAndStreamsThem() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("vo/", null);
    entries.put("vo/intro.wav", media(5_000, 1));
    entries.put("art/logo.png", media(300, 2));
    entries.put("README.txt", "read me".getBytes(StandardCharsets.UTF_8));
    try (ZipArchive a = ZipArchive.open(zip(entries), "dist/bundle.zip", SMALL)) {
      ZipArchive.Listing l = a.list();
      assertThat(l.media()).extracting(ArchiveEntry::path)
          .containsExactly("dist/bundle.zip!/vo/intro.wav", "dist/bundle.zip!/art/logo.png");
      assertThat(l.media().get(0).size()).isEqualTo(5_000);
      assertThat(l.refused()).isEmpty();
      assertThat(l.ignored()).isEqualTo(1);
      try (InputStream in = a.read(l.media().get(0))) {
        assertThat(in.readAllBytes()).isEqualTo(media(5_000, 1));
      }
    }
  }

  @Test
  void refusesEntriesWhoseNamesLeaveTheArchive() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("../../etc/evil.wav", media(10, 3));
    entries.put("/abs/evil.wav", media(10, 4));
    entries.put("C:\\evil.wav", media(10, 5));
    entries.put("vo/../../evil.mp3", media(10, 6));
    entries.put("vo/ok.wav", media(10, 7));
    try (ZipArchive a = ZipArchive.open(zip(entries), "bundle.zip", SMALL)) {
      ZipArchive.Listing l = a.list();
      assertThat(l.media()).extracting(ArchiveEntry::name).containsExactly("vo/ok.wav");
      assertThat(l.refused()).extracting(ZipArchive.Refused::reason).containsExactly(
          "refused: its name climbs out with ../, so it is not read (a guard against archives"
              + " that write outside themselves)",
          "refused: its name is absolute, so it is not read (a guard against archives that write"
              + " outside themselves)",
          "refused: its name starts with a drive letter, so it is not read (a guard against"
              + " archives that write outside themselves)",
          "refused: its name climbs out with ../, so it is not read (a guard against archives"
              + " that write outside themselves)");
      assertThat(l.refused().get(0).path()).isEqualTo("bundle.zip!/../../etc/evil.wav");
    }
  }

  @Test
  void listsAZipInsideTheArchiveAsNotCheckedSoItsMediaNeverPassUnseen() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("extras/more.zip", media(1_000, 3));
    entries.put("notes.txt", media(100, 4));
    try (ZipArchive a = ZipArchive.open(zip(entries), "bundle.zip", SMALL)) {
      ZipArchive.Listing l = a.list();
      assertThat(l.refused()).singleElement().satisfies(r -> {
        assertThat(r.path()).isEqualTo("bundle.zip!/extras/more.zip");
        assertThat(r.reason()).startsWith("not checked: a zip archive inside an archive");
      });
      assertThat(l.media()).isEmpty();
      assertThat(l.ignored()).isEqualTo(1);
    }
  }

  @Test
  void refusesAnEntryThatInflatesFarBeyondItsCompressedSize() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bomb.wav", new byte[900_000]); // zeros deflate about 1000:1
    try (ZipArchive a = ZipArchive.open(zip(entries), "bundle.zip", SMALL)) {
      assertThat(a.list().refused()).singleElement().satisfies(r -> assertThat(r.reason())
          .matches("refused: it inflates \\d+ times its compressed size, more than 100 \\(a"
              + " guard against zip bombs\\)"));
      assertThat(a.list().media()).isEmpty();
    }
  }

  @Test
  void refusesEntriesOverTheSizeLimitsAndMediaBeyondTheTotal() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("huge.mp4", media(1_000_001, 8));
    entries.put("a.wav", media(800_000, 9));
    entries.put("b.wav", media(800_000, 10));
    try (ZipArchive a = ZipArchive.open(zip(entries), "bundle.zip", SMALL)) {
      ZipArchive.Listing l = a.list();
      assertThat(l.media()).extracting(ArchiveEntry::name).containsExactly("a.wav");
      assertThat(l.refused()).extracting(ZipArchive.Refused::reason).containsExactly(
          "refused: it declares 1000001 bytes, more than 1000000 (a guard against zip bombs)",
          "refused: the archive's media exceed 1500000 bytes in all (a guard against zip bombs)");
    }
  }

  @Test
  void doesNotOpenAnArchiveWithTooManyEntries() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      entries.put("f" + i + ".wav", media(10, i));
    }
    Path file = zip(entries);
    assertThatThrownBy(() -> ZipArchive.open(file, "bundle.zip", SMALL))
        .isInstanceOf(ArchiveRefusedException.class)
        .hasMessage("not opened: it has 11 entries, more than 10 (a guard against zip bombs)");
  }

  @Test
  void doesNotOpenWhatIsNoZip() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.zip"), "not a zip");
    assertThatThrownBy(() -> ZipArchive.open(file, "notes.zip", SMALL))
        .isInstanceOf(ArchiveRefusedException.class)
        .hasMessageStartingWith("not opened: it is not a readable zip archive (");
  }

  @Test
  void stopsReadingAnEntryThatInflatesBeyondWhatItDeclares() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("liar.wav", media(50_000, 11));
    Path file = zip(entries);
    declareSize(file, 1_000);
    try (ZipArchive a = ZipArchive.open(file, "bundle.zip", SMALL)) {
      ArchiveEntry liar = a.list().media().get(0);
      assertThat(liar.size()).isEqualTo(1_000);
      assertThatThrownBy(() -> {
        try (InputStream in = a.read(liar)) {
          in.readAllBytes();
        }
      }).isInstanceOf(IOException.class);
    }
  }

  /** Rewrites the uncompressed size the central directory declares for its only entry. */
  static void declareSize(Path zip, int size) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = bytes.length - 22; at >= 0; at--) {
      if (b.getInt(at) == 0x02014b50) { // central directory file header
        b.putInt(at + 24, size);
        Files.write(zip, bytes);
        return;
      }
    }
    throw new AssertionError("no central directory");
  }
}
