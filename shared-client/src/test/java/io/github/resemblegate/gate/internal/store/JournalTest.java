package io.github.resemblegate.gate.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @TempDir Path reports;
  private final List<String> warnings = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

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
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
      first = j.intend(Journal.BATCH, "key", parts("a.wav", "b.wav")).id();
      j.accepted(first, "batch-1", List.of("d1", "d2"));
      j.intend(Journal.SINGLE, "key", parts("c.wav"));
    }
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
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
  void writesEachIntentAsOneJsonLineWithItsOptions() throws IOException {
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
      j.intend(Journal.BATCH, "api=x", parts("a.wav"), "intake=FILES;visualize=null");
    }
    List<String> lines = Files.readAllLines(Journal.fileIn(reports));
    assertThat(lines).singleElement().asString()
        .startsWith("{\"type\":\"intent\",\"id\":\"")
        .contains("\"at\":\"2026-11-25T12:00:00Z\",\"key\":\"api=x\",\"kind\":\"batch\"")
        .contains("\"parts\":[{\"name\":\"a.wav\",\"sha256\":\"" + Sha256.ofText("a.wav")
            + "\",\"path\":\"media/a.wav\",\"size\":10}]")
        .endsWith("\"options\":\"intake=FILES;visualize=null\"}");
  }

  @Test
  void skipsATruncatedLastLineAndKeepsAppendingCleanly() throws IOException {
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
      j.intend(Journal.BATCH, "key", parts("a.wav"));
    }
    Path file = Journal.fileIn(reports);
    Files.writeString(file, "{\"type\":\"accepted\",\"id\":\"x\",\"detec", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
      assertThat(j.submissions()).hasSize(1);
      assertThat(warnings).singleElement().asString().contains("1 damaged line");
      j.accepted(j.submissions().get(0).id(), "b", List.of("d"));
    }
    warnings.clear();
    assertThat(Journal.peek(reports, warnings::add)).singleElement()
        .satisfies(i -> assertThat(i.detectIds()).containsExactly("d"));
    assertThat(warnings).hasSize(1);
  }

  @Test
  void compactionKeepsOnlyWhatIsStillOpenAndRemovesAnEmptyJournal() throws IOException {
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
      Submission done = j.intend(Journal.BATCH, "key", parts("a.wav"));
      j.accepted(done.id(), "b1", List.of("d1"));
      Submission open = j.intend(Journal.BATCH, "key", parts("b.wav"));
      j.accepted(open.id(), "b2", List.of("d2"));
      Submission dropped = j.intend(Journal.BATCH, "key", parts("c.wav"));
      j.abandoned(dropped.id(), "402");
      j.compact(Set.of(open.id(), dropped.id()));
      assertThat(Journal.peek(reports, warnings::add)).extracting(Submission::batchId)
          .containsExactly("b2");
      j.compact(Set.of());
    }
    assertThat(Journal.fileIn(reports)).doesNotExist();
  }

  @Test
  void refusesASecondRunOnTheSameReportsDirectory() {
    try (Journal j = Journal.open(reports, clock, warnings::add)) {
      assertThatThrownBy(() -> Journal.open(reports, clock, warnings::add))
          .isInstanceOf(GateException.class)
          .hasMessageStartingWith("Another Resemble Gate run is using " + reports);
    }
    Journal.open(reports, clock, warnings::add).close();
  }
}
