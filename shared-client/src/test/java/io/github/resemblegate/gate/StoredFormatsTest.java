package io.github.resemblegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.internal.hash.Hasher;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import io.github.resemblegate.gate.internal.store.Journal;
import io.github.resemblegate.gate.internal.store.Submission;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.scan.MediaScanner;
import io.github.resemblegate.report.JsonReportReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache, a hash index, a journal and a report that release 0.1.0 wrote (test resources
 * {@code stored-formats/0.1.0}, see its README) are still read: users have them on disk.
 */
class StoredFormatsTest {

  /** The API the files were written against: part of every cache and journal key. */
  private static final String API = "http://127.0.0.1:18089/api/v2";
  private static final Instant WRITTEN = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path root;

  private static Path fixtures() throws URISyntaxException {
    return Path.of(StoredFormatsTest.class.getResource("/stored-formats/0.1.0").toURI());
  }

  /** Copies a fixture folder; the media get back the modification time they had when hashed. */
  private Path copy(String folder) throws Exception {
    Path from = fixtures().resolve(folder);
    Path to = root.resolve(folder);
    List<Path> all;
    try (Stream<Path> walk = Files.walk(from)) {
      all = walk.toList();
    }
    for (Path p : all) {
      Path target = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(target);
      } else {
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.from(WRITTEN));
      }
    }
    return to;
  }

  private static FileResult file(GateResult r, String path) {
    return r.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aCacheWrittenByTheLastReleaseAnswersEveryFileWithoutARequest() throws Exception {
    Path media = copy("media");
    Path cache = copy("cache");
    // Nothing listens on the API's port: a single request would make a file ERROR.
    GateResult r = Gate.run(GateConfig.builder().contentCheck(false).baseDirectory(media).apiUrl(API)
        .cacheDirectory(cache).reportsDirectory(root.resolve("reports")).build(), null);

    assertThat(r.files()).extracting(FileResult::path).containsExactly("art/empty.png",
        "art/logo.png", "backup/narration.wav", "voice/fake-promo.wav", "voice/memo.amr",
        "voice/narration.wav", "voice/silent-room.wav");
    assertThat(r.files()).filteredOn(f -> f.outcome() != Outcome.SKIPPED)
        .allSatisfy(f -> assertThat(f.cached()).isTrue());
    FileResult fake = file(r, "voice/fake-promo.wav");
    assertThat(fake.outcome()).isEqualTo(Outcome.FLAGGED);
    assertThat(fake.score()).isEqualTo(0.97);
    assertThat(fake.detectId()).isEqualTo("389b3441-c600-46f9-8232-e84658110a4e");
    assertThat(fake.chunkScores()).containsExactly(0.956);
    assertThat(file(r, "voice/silent-room.wav").outcome()).isEqualTo(Outcome.NO_SPEECH);
    assertThat(file(r, "voice/memo.amr").batchId()).isNull();
    assertThat(r.totals().uploaded()).isZero();
    // The old release decided this run the same way; its sentence is worded anew since.
    GateResult old = JsonReportReader.read(fixtures().resolve("report/resemble-report.json"));
    assertThat(r.decision().verdict()).isEqualTo(old.decision().verdict());
    assertThat(r.decision().failureKind()).isEqualTo(old.decision().failureKind());
  }

  @Test
  void aHashIndexWrittenByTheLastReleaseSparesReadingUnchangedFiles() throws Exception {
    Path media = copy("media");
    Path cache = root.resolve("cache");
    Path index = Hasher.locate(cache, media);
    Files.createDirectories(index.getParent());
    // The index is named after the base folder it was written for; its lines are relative.
    Files.copy(fixtures().resolve("cache/index/fd46257a9a84a648324f99882e4a154b.idx"), index);
    GateConfig config = GateConfig.builder().contentCheck(false).baseDirectory(media).cacheDirectory(cache).build();
    List<String> warnings = new ArrayList<>();
    Hasher hashes = new Hasher(index, media,
        Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC), List.of(),
        warnings::add);
    Ledger ledger = new Ledger();

    hashes.hash(new ArrayList<>(MediaScanner.forConfig(config, warnings::add).scan().files()),
        ledger, c -> { });

    assertThat(hashes.stats().reused()).isEqualTo(6);
    assertThat(hashes.stats().hashed()).isZero();
    assertThat(ledger.content("a3c74d184cadd1594de60d289d5de5c783d23aea367e5b46e6942551ab36af0e")
        .path()).isEqualTo("voice/fake-promo.wav");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aJournalWrittenByTheLastReleaseIsReadAsItWasLeftAndAsATidiedOne() throws Exception {
    for (String name : List.of("resemble-journal.jsonl", "resemble-journal-live.jsonl")) {
      List<String> warnings = new ArrayList<>();
      Map<String, Submission> intents = Journal.read(fixtures().resolve("journal/" + name),
          warnings::add);
      assertThat(intents.values()).as(name).hasSize(2);
      Submission single = intents.get("54b4b96e-f9ae-45c2-ba44-0529f748ac4e");
      assertThat(single.kind()).isEqualTo(Journal.SINGLE);
      assertThat(single.unresolved()).isTrue();
      assertThat(single.parts()).extracting(Submission.Part::path).containsExactly("voice/memo.amr");
      Submission batch = intents.get("ea2c285e-643a-4c4e-9bfe-7ca9a8327cbd");
      assertThat(batch.accepted()).isTrue();
      assertThat(batch.batchId()).isEqualTo("dd377f0b-78b1-4f54-9cc3-c775064517db");
      assertThat(batch.detectIds()).hasSize(4);
      assertThat(batch.parts()).extracting(Submission.Part::name).containsExactly("logo.png",
          "narration.wav", "fake-promo.wav", "silent-room.wav");
      assertThat(warnings).as(name).isEmpty();
    }
  }

  @Test
  void aRunResumesWhatTheLastReleasesJournalKeepsInsteadOfUploadingIt() throws Exception {
    Path media = copy("media");
    Path reports = copy("journal");
    GateResult r = Gate.run(GateConfig.builder().contentCheck(false).baseDirectory(media).apiUrl(API).noCache()
        .reportsDirectory(reports).dryRun(true).build(), null);

    assertThat(file(r, "voice/fake-promo.wav").reason()).isEqualTo("dry run: an earlier run"
        + " submitted it in batch dd377f0b-78b1-4f54-9cc3-c775064517db; a real run resumes it");
    assertThat(file(r, "voice/narration.wav").reason()).isEqualTo(
        file(r, "backup/narration.wav").reason());
    assertThat(file(r, "voice/memo.amr").reason()).isEqualTo("dry run: an earlier run"
        + " submitted it; a real run resumes it");
  }

  @Test
  void aReportWrittenByTheLastReleaseIsRead() throws IOException, URISyntaxException {
    GateResult old = JsonReportReader.read(fixtures().resolve("report/resemble-report.json"));
    assertThat(old.decision().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(old.decision().failureKind()).isEqualTo(FailureKind.FINDINGS);
    assertThat(old.decision().sentence()).isEqualTo("1 of 7 files scored at or above the"
        + " threshold 0.50: voice/fake-promo.wav (0.97).");
    assertThat(old.files()).hasSize(7);
    assertThat(old.totals().count(Outcome.PASSED)).isEqualTo(4);
    assertThat(file(old, "art/empty.png").reason()).isEqualTo("empty file");
    assertThat(old.run().sharding()).as("a 1.0 report is no shard").isNull();
    assertThat(old.run().configuration()).isEmpty();
  }
}
