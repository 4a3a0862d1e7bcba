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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
    return Journal.open(folder, ours(contents), clock, warnings::add);
  }

  /** The run's files: here, parts whose content is one of {@code contents}. */
  private static Predicate<Submission.Part> ours(String... contents) {
    Set<String> shas = new HashSet<>();
    for (String c : contents) {
      shas.add(Sha256.ofText(c));
    }
    return p -> shas.contains(p.sha256());
  }

  private static List<Submission.Part> parts(String... names) {
    List<Submission.Part> list = new ArrayList<>();
    for (String n : names) {
      list.add(new Submission.Part(n, Sha256.ofText(n), "media/" + n, 10));
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
      assertThat(j.submissions()).hasSize(2);
      Submission accepted = j.submissions().get(0);
      assertThat(accepted.id()).isEqualTo(first);
      assertThat(accepted.batchId()).isEqualTo("batch-1");
      assertThat(accepted.detectIds()).containsExactly("d1", "d2");
      assertThat(accepted.parts()).extracting(Submission.Part::path)
          .containsExactly("media/a.wav", "media/b.wav");
      assertThat(accepted.at()).isEqualTo(clock.instant());
      assertThat(j.submissions().get(1).unresolved()).isTrue();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void anAnswerThatArrivesAfterTheRunClosedItsJournalWritesNothingOutsideTheLock()
      throws IOException {
    // An upload still running when the run ended (past its grace) learns its ids late; by then
    // another run may hold the journal. The next run finds the submission by its intent.
    Journal j = open();
    String id = j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav")).id();
    Path file = j.file();
    j.close();
    List<String> before = Files.readAllLines(file);
    j.accepted(id, "batch-late", List.of("d-late"));
    // Nothing new is sent once the journal cannot record it first.
    assertThatThrownBy(() -> j.intend(Journal.BATCH, KEY.canonical(), parts("b.wav")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Files.readAllLines(file)).isEqualTo(before);
    try (Journal next = open("a.wav")) {
      assertThat(next.submissions()).singleElement()
          .satisfies(s -> assertThat(s.batchId()).isNull());
    }
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
      assertThat(j.submissions()).singleElement()
          .satisfies(i -> assertThat(i.parts()).extracting(Submission.Part::name)
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
      assertThat(j.submissions()).hasSize(1);
      assertThat(warnings).singleElement().asString().contains("1 damaged line");
      j.accepted(j.submissions().get(0).id(), "b", List.of("d"));
    }
    warnings.clear();
    assertThat(folder().peek(ours("a.wav"), warnings::add)).singleElement()
        .satisfies(i -> assertThat(i.detectIds()).containsExactly("d"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void compactionKeepsOnlyWhatIsStillOpenAndRemovesAnEmptyJournal() throws IOException {
    Path file;
    try (Journal j = open()) {
      file = j.file();
      Submission done = j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      j.accepted(done.id(), "b1", List.of("d1"));
      Submission open = j.intend(Journal.BATCH, KEY.canonical(), parts("b.wav"));
      j.accepted(open.id(), "b2", List.of("d2"));
      Submission dropped = j.intend(Journal.BATCH, KEY.canonical(), parts("c.wav"));
      j.abandoned(dropped.id(), "402");
      j.compact(Set.of(open.id(), dropped.id()));
      assertThat(Journal.read(file, warnings::add).values()).extracting(Submission::batchId)
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
        assertThat(other.submissions()).isEmpty();
      }
    }
    try (Journal after = open(folder(root.resolve("reports-2")), "a.wav")) {
      assertThat(after.submissions()).hasSize(1);
    }
  }

  @Test
  void takesOverOnlyTheSubmissionsOfItsOwnContents() {
    try (Journal j = open()) {
      j.intend(Journal.BATCH, KEY.canonical(), parts("a.wav"));
      j.intend(Journal.BATCH, KEY.canonical(), parts("b.wav"));
    }
    try (Journal j = open("a.wav")) {
      assertThat(j.submissions()).extracting(i -> i.parts().get(0).name()).containsExactly("a.wav");
    }
    assertThat(folder().peek(ours("b.wav"), warnings::add)).hasSize(1);
    try (Journal j = open("b.wav")) {
      assertThat(j.submissions()).extracting(i -> i.parts().get(0).name()).containsExactly("b.wav");
    }
  }

  @Test
  void twoRunsStartingTogetherNeverBothTakeOverTheSameSubmission() throws Exception {
    try (Journal stopped = open()) {
      for (int i = 0; i < 20; i++) {
        stopped.intend(Journal.BATCH, KEY.canonical(), parts("f" + i + ".wav"));
      }
    }
    String[] all = new String[20];
    for (int i = 0; i < 20; i++) {
      all[i] = "f" + i + ".wav";
    }
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    // Both runs live until both have opened: a run that ended first left its submissions to the
    // other to take over, as it should (a stopped run's submissions are resumed), which is not
    // the race this test looks for.
    java.util.concurrent.CyclicBarrier bothOpen = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        JournalFolder own = folder(root.resolve("reports-" + r));
        runs.add(pool.submit(() -> {
          start.await();
          try (Journal j = open(own, all)) {
            List<String> taken = j.submissions().stream().map(Submission::id).toList();
            bothOpen.await(30, java.util.concurrent.TimeUnit.SECONDS);
            return taken;
          }
        }));
      }
      List<String> first = runs.get(0).get();
      List<String> second = runs.get(1).get();
      Set<String> both = new HashSet<>(first);
      both.retainAll(second);
      assertThat(both).as("taken over by both runs").isEmpty();
      assertThat(first.size() + second.size()).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunThatListedTheFolderBeforeAnotherTookItOverTakesNothingLater() throws IOException {
    try (Journal stopped = open()) {
      for (int i = 0; i < 5; i++) {
        stopped.intend(Journal.BATCH, KEY.canonical(), parts("f" + i + ".wav"));
      }
    }
    String[] all = {"f0.wav", "f1.wav", "f2.wav", "f3.wav", "f4.wav"};
    JournalFolder shared = folder(root.resolve("reports-late"));
    // The late run read the folder while only the stopped run's journal was there...
    List<Path> listedEarly = shared.journals();
    try (Journal first = open(folder(root.resolve("reports-first")), all);
        Journal late = open(shared)) {
      assertThat(first.submissions()).hasSize(5);
      // ...and claims only now, with the first run still going: from the journal it listed
      // (taken over and gone) and from the first run's (locked), it takes nothing.
      shared.takeOver(late, ours(all), warnings::add, listedEarly);
      shared.takeOver(late, ours(all), warnings::add, shared.journals());
      assertThat(late.submissions()).isEmpty();
      assertThat(listedEarly).allSatisfy(p -> assertThat(p).doesNotExist());
    }
  }

  @Test
  void takesOverTheJournalAnEarlierVersionLeftInTheReportsFolder() throws IOException {
    Files.createDirectories(reports());
    Submission ours = new Submission("i-ours", clock.instant(), KEY.canonical(),
        Journal.BATCH, parts("a.wav"), "batch-7", List.of("d7"), null);
    Submission otherKey = new Submission("i-other", clock.instant(), "api=elsewhere",
        Journal.BATCH, parts("a.wav"), "batch-8", List.of("d8"), null);
    JournalLines.rewrite(Journal.fileIn(reports()), List.of(ours, otherKey));
    assertThat(folder().exists()).isTrue();
    assertThat(folder().peek(ours("a.wav"), warnings::add))
        .extracting(Submission::id).containsExactly("i-ours");
    try (Journal j = open("a.wav")) {
      assertThat(j.submissions()).singleElement()
          .satisfies(i -> assertThat(i.batchId()).isEqualTo("batch-7"));
    }
    assertThat(Journal.read(Journal.fileIn(reports()), warnings::add)).containsOnlyKeys(
        "i-other");
  }

  @Test
  @SuppressWarnings("try") // the second run's open journal is the point: it took the first over
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
  @SuppressWarnings("try") // the open journal is the point: a second run must be refused meanwhile
  void refusesASecondRunOnTheSameReportsDirectory() {
    try (Journal j = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(GateException.class)
          .hasMessageStartingWith("Another Resemble Gate run is using " + reports());
    }
    open().close();
  }
}
