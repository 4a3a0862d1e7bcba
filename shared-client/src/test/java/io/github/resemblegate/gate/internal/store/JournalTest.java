package io.github.resemblegate.gate.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resemblegate.client.BatchOptions;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.internal.ledger.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  private static final ResultKey KEY = ResultKey.of("http://127.0.0.1:1/api/v2",
      BatchOptions.DEFAULTS);

  @TempDir Path root;
  private final List<String> warnings = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private Path reports() {
    return root.resolve("reports");
  }

  private JournalFolder folder() {
    return folder(reports());
  }

  /** The folder beside the cache, as a run writing its reports to {@code reports} sees it. */
  private JournalFolder folder(Path reports) {
    return JournalFolder.of(root.resolve("cache"), reports, KEY);
  }

  private Journal open(String... contents) {
    return open(folder(), contents);
  }

  private Journal open(JournalFolder folder, String... contents) {
    Set<String> shas = new java.util.HashSet<>();
    for (String c : contents) {
      shas.add(Sha256.ofText(c));
    }
    return Journal.open(folder, shas, clock, warnings::add);
  }

  private static List<Journal.Part> parts(String... names) {
    List<Journal.Part> list = new ArrayList<>();
    for (String n : names) {
      list.add(new Journal.Part(n, Sha256.ofText(n), "media/" + n, 10));
    }
    return list;
  }

  @Test
  void remembersIntentsAndTheirIdsAcrossRuns() {
    String first;
    try (Journal j = open()) {
      first = j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav", "b.wav")).id();
      j.accepted(first, "batch-1", List.of("d1", "d2"));
      j.intend(Journal.SINGLE, KEY.canonical(), parts("c.wav"));
    }
    try (Journal j = open("a.wav", "c.wav")) {
      assertThat(j.intents()).hasSize(2);
      Journal.Intent accepted = j.intents().get(0);
      assertThat(accepted.id()).isEqualTo(first);
      assertThat(accepted.batchId()).isEqualTo("batch-1");
      assertThat(accepted.detectIds()).containsExactly("d1", "d2");
      assertThat(accepted.parts()).extracting(Journal.Part::path)
          .containsExactly("media/a.wav", "media/b.wav");
      assertThat(accepted.at()).isEqualTo(clock.instant());
      assertThat(j.intents().get(1).unresolved()).isTrue();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void keepsTheJournalBesideTheCacheSoCleaningTheReportsFolderLosesNothing() throws IOException {
    Path file;
    try (Journal j = open()) {
      j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      file = j.file();
    }
    assertThat(file).startsWith(root.resolve("cache").resolve("journal")).exists();
    try (var inReports = Files.list(reports())) {
      assertThat(inReports.map(p -> p.getFileName().toString()))
          .containsExactly(Journal.LOCK_NAME);
    }
    try (Journal j = open(folder(root.resolve("another-workspace")), "a.wav")) {
      assertThat(j.intents()).singleElement()
          .satisfies(i -> assertThat(i.parts()).extracting(Journal.Part::name)
              .containsExactly("a.wav"));
    }
  }

  @Test
  void writesEachIntentAsOneJsonLineWithItsOptions() throws IOException {
    Path file;
    try (Journal j = open()) {
      j.intend(Journal.BATCH, "api=x", parts("a.wav"), "intake=FILES;visualize=null");
      file = j.file();
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).singleElement().asString()
        .startsWith("{\"type\":\"intent\",\"id\":\"")
        .contains("\"at\":\"2026-11-25T12:00:00Z\",\"key\":\"api=x\",\"kind\":\"batch\"")
        .contains("\"parts\":[{\"name\":\"a.wav\",\"sha256\":\"" + Sha256.ofText("a.wav")
            + "\",\"path\":\"media/a.wav\",\"size\":10}]")
        .endsWith("\"options\":\"intake=FILES;visualize=null\"}");
  }

  @Test
  void skipsATruncatedLastLineAndKeepsAppendingCleanly() throws IOException {
    Path file;
    try (Journal j = open()) {
      j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      file = j.file();
    }
    Files.writeString(file, "{\"type\":\"accepted\",\"id\":\"x\",\"detec", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (Journal j = open("a.wav")) {
      assertThat(j.intents()).hasSize(1);
      assertThat(warnings).singleElement().asString().contains("1 damaged line");
      j.accepted(j.intents().get(0).id(), "b", List.of("d"));
    }
    warnings.clear();
    assertThat(folder().peek(Set.of(Sha256.ofText("a.wav")), warnings::add)).singleElement()
        .satisfies(i -> assertThat(i.detectIds()).containsExactly("d"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void compactionKeepsOnlyWhatIsStillOpenAndRemovesAnEmptyJournal() throws IOException {
    Path file;
    try (Journal j = open()) {
      file = j.file();
      Journal.Intent done = j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      j.accepted(done.id(), "b1", List.of("d1"));
      Journal.Intent open = j.intend(Journal.BATCH, KEY.canonical(), parts("b.wav"));
      j.accepted(open.id(), "b2", List.of("d2"));
      Journal.Intent dropped = j.intend(Journal.BATCH, KEY.canonical(), parts("c.wav"));
      j.abandoned(dropped.id(), "402");
      j.compact(Set.of(open.id(), dropped.id()));
      assertThat(Journal.read(file, warnings::add).values()).extracting(Journal.Intent::batchId)
          .containsExactly("b2");
      j.compact(Set.of());
    }
    assertThat(file).doesNotExist();
    assertThat(JournalFolder.lockOf(file)).doesNotExist();
    assertThat(folder().exists()).isFalse();
  }

  @Test
  void leavesTheSubmissionsOfARunStillGoingToThatRun() {
    try (Journal going = open(folder(root.resolve("reports-1")))) {
      going.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      try (Journal other = open(folder(root.resolve("reports-2")), "a.wav")) {
        assertThat(other.intents()).isEmpty();
      }
    }
    try (Journal after = open(folder(root.resolve("reports-2")), "a.wav")) {
      assertThat(after.intents()).hasSize(1);
    }
  }

  @Test
  void takesOverOnlyTheSubmissionsOfItsOwnContents() {
    try (Journal j = open()) {
      j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      j.intend(Journal.BATCH, KEY.canonical(), parts("b.wav"));
    }
    try (Journal j = open("a.wav")) {
      assertThat(j.intents()).extracting(i -> i.parts().get(0).name()).containsExactly("a.wav");
    }
    assertThat(folder().peek(Set.of(Sha256.ofText("b.wav")), warnings::add)).hasSize(1);
    try (Journal j = open("b.wav")) {
      assertThat(j.intents()).extracting(i -> i.parts().get(0).name()).containsExactly("b.wav");
    }
  }

  @Test
  void takesOverTheJournalAnEarlierVersionLeftInTheReportsFolder() throws IOException {
    Files.createDirectories(reports());
    Journal.Intent ours = new Journal.Intent("i-ours", clock.instant(), KEY.canonical(),
        Journal.BATCH, parts("a.wav"), "batch-7", List.of("d7"), null);
    Journal.Intent otherKey = new Journal.Intent("i-other", clock.instant(), "api=elsewhere",
        Journal.BATCH, parts("a.wav"), "batch-8", List.of("d8"), null);
    JournalLines.rewrite(Journal.fileIn(reports()), List.of(ours, otherKey));
    assertThat(folder().exists()).isTrue();
    assertThat(folder().peek(Set.of(Sha256.ofText("a.wav")), warnings::add))
        .extracting(Journal.Intent::id).containsExactly("i-ours");
    try (Journal j = open("a.wav")) {
      assertThat(j.intents()).singleElement()
          .satisfies(i -> assertThat(i.batchId()).isEqualTo("batch-7"));
    }
    assertThat(Journal.read(Journal.fileIn(reports()), warnings::add)).containsOnlyKeys(
        "i-other");
  }

  @Test
  void findsASubmissionAnotherRunTookOverFromTheJournalANoteNamed() {
    Path noted;
    String id;
    try (Journal first = open()) {
      id = first.intend(Journal.BATCH, KEY.canonical(), parts("a.wav")).id();
      first.accepted(id, "b1", List.of("d1"));
      noted = first.file();
    }
    try (Journal second = open("a.wav")) {
      assertThat(noted).doesNotExist();
      assertThat(Journal.waitingFor(noted, Sha256.ofText("a.wav"), KEY.canonical(), 0))
          .isNotNull().satisfies(i -> assertThat(i.id()).isEqualTo(id));
    }
  }

  @Test
  void refusesASecondRunOnTheSameReportsDirectory() {
    try (Journal j = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(GateException.class)
          .hasMessageStartingWith("Another Resemble Gate run is using " + reports());
    }
    open().close();
  }
}
