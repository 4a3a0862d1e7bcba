package io.github.resemblegate.gate.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import io.github.resemblegate.gate.scan.MediaScanner;
import io.github.resemblegate.gate.scan.ScanFilter;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HasherTest {

  @TempDir Path base;
  @TempDir Path cache;
  private final List<String> warnings = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  /** A file last modified an hour before the fixed clock, so the index may remember it. */
  private void file(String rel, String content) throws IOException {
    Path p = base.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-11-25T11:00:00Z")));
  }

  private List<Ledger.Line> hash() {
    return hash(List.of());
  }

  private List<Ledger.Line> hash(List<ScanFilter> checks) {
    GateConfig config = GateConfig.builder().baseDirectory(base).cacheDirectory(cache).build();
    List<ScannedFile> scanned = MediaScanner.forConfig(config, warnings::add).scan().files();
    index = new Hasher(Hasher.locate(cache, base), base, clock, checks, warnings::add);
    Ledger ledger = new Ledger();
    index.hash(new ArrayList<>(scanned), ledger, c -> { });
    return ledger.lines();
  }

  private static String sha(Ledger.Line line) {
    return line.content() == null ? null : line.content().sha256();
  }

  private Hasher index;

  @Test
  void hashesContentWithSha256() throws IOException {
    file("a.wav", "abc");
    assertThat(hash()).singleElement().extracting(HasherTest::sha)
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void doesNotReadUnchangedFilesAgain() throws IOException {
    file("a.wav", "abc");
    file("b/c.wav", "xyz");
    List<Ledger.Line> first = hash();
    assertThat(index.stats().hashed()).isEqualTo(2);
    // Same size and time but other bytes: only an index can answer with the old hash.
    Files.writeString(base.resolve("a.wav"), "abd");
    Files.setLastModifiedTime(base.resolve("a.wav"),
        FileTime.from(Instant.parse("2026-11-25T11:00:00Z")));
    List<Ledger.Line> second = hash();
    assertThat(index.stats().hashed()).isZero();
    assertThat(index.stats().reused()).isEqualTo(2);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void checksAFileBeforeItsFirstHashButNotAgainWhileItIsUnchanged() throws IOException {
    file("a.wav", "abc");
    file("b.wav", "xyz");
    List<String> checked = new ArrayList<>();
    ScanFilter contentCheck = new ScanFilter() {
      @Override
      public String skipReason(Path file, ScannedFile scanned) {
        checked.add(scanned.path());
        return null;
      }
    };
    hash(List.of(contentCheck));
    assertThat(checked).containsExactly("a.wav", "b.wav");
    checked.clear();
    file("b.wav", "xyzw");

    List<Ledger.Line> again = hash(List.of(contentCheck));

    // Only the changed file's bytes are checked again: the index remembers only files that
    // passed the checks, and an unchanged file's bytes are the ones that passed.
    assertThat(checked).containsExactly("b.wav");
    assertThat(again).hasSize(2).allSatisfy(l -> assertThat(l.content()).isNotNull());
  }

  @Test
  void hashesAFileAgainWhenItsTimeChanges() throws IOException {
    file("a.wav", "abc");
    hash();
    Files.writeString(base.resolve("a.wav"), "abd");
    Files.setLastModifiedTime(base.resolve("a.wav"),
        FileTime.from(Instant.parse("2026-11-25T11:30:00Z")));
    List<Ledger.Line> second = hash();
    assertThat(index.stats().hashed()).isEqualTo(1);
    assertThat(sha(second.get(0))).isEqualTo(Sha256.ofText("abd"));
  }

  @Test
  void doesNotTrustFilesModifiedJustBeforeTheIndexIsWritten() throws IOException {
    file("a.wav", "abc");
    Files.setLastModifiedTime(base.resolve("a.wav"),
        FileTime.from(Instant.parse("2026-11-25T11:59:59.500Z")));
    hash();
    hash();
    assertThat(index.stats().hashed()).isEqualTo(1);
  }

  @Test
  void rehashesWhenTheIndexIsDamaged() throws IOException {
    file("a.wav", "abc");
    hash();
    Files.writeString(Hasher.locate(cache, base), HashIndex.HEADER + "\nnot\ta line\n");
    List<Ledger.Line> again = hash();
    assertThat(sha(again.get(0))).isEqualTo(Sha256.ofText("abc"));
    assertThat(index.stats().hashed()).isEqualTo(1);
    assertThat(warnings).anyMatch(w -> w.contains("is damaged"));
  }

  @Test
  void reportsAFileThatVanishedBeforeHashingAsSkipped() throws IOException {
    file("a.wav", "abc");
    GateConfig config = GateConfig.builder().baseDirectory(base).cacheDirectory(cache).build();
    List<ScannedFile> scanned = MediaScanner.forConfig(config, warnings::add).scan().files();
    Files.delete(base.resolve("a.wav"));
    Ledger ledger = new Ledger();
    new Hasher(null, base, clock, List.of(), warnings::add)
        .hash(new ArrayList<>(scanned), ledger, c -> { });
    List<Ledger.Line> files = ledger.lines();
    assertThat(files.get(0).skipReason()).startsWith("could not be read");
    assertThat(sha(files.get(0))).isNull();
  }

  @Test
  void escapesTabsAndNewlinesInPaths() {
    String odd = "a\tb\\c\nd.wav";
    assertThat(HashIndex.unescape(HashIndex.escape(odd))).isEqualTo(odd);
    assertThat(HashIndex.escape(odd)).doesNotContain("\t", "\n");
  }
}
