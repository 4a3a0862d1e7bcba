package io.github.resemblegate.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.ApiToken;
import io.github.resemblegate.gate.Gate;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.report.JsonReportReader;
import io.github.resemblegate.report.Reports;
import io.github.resemblegate.simulator.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names an attacker or an unlucky export could produce: dots, quotes, markup, spaces,
 * non-ASCII letters, control characters and bytes that are not UTF-8 at all. Each file must be
 * reported under its name with the right outcome, and every report must stay well-formed: the
 * JSON parses and names them, the HTML shows markup as text, the XML formats parse.
 */
class HostileFileNamesTest {

  @RegisterExtension
  static final SimulatorExtension SIM = new SimulatorExtension();

  /** Names the file system takes as Java strings; "fake" in a name makes the simulator flag it. */
  static final List<String> NAMES = List.of(
      "..leading-dots.wav",
      "a..b.wav",
      "..folder/inside.wav",
      "double \"quoted\" take.wav",
      "it's single-quoted.mp3",
      "<img src=x onerror=alert(1)> fake.png",
      "<i onclick=steal()>italic & co.jpg",
      "spaces   and\ttab.wav",
      "pipe | and `backtick` fake.wav",
      "voix-été-日本語-🎙.wav",
      "-starts-with-dash.wav",
      "line\nbreak.wav",
      "100% {curly} [square] #hash?.flac");

  @TempDir
  Path root;

  private Path base;

  @BeforeEach
  void createFiles() throws IOException {
    base = Files.createDirectories(root.resolve("media"));
    int i = 0;
    for (String name : NAMES) {
      Path p = base.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "content " + i++, StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyNameIsJudgedAndReportedWithoutBreakingAnyFormat() throws Exception {
    GateResult verdict = Gate.run(config(), new Transcript());
    Path reports = root.resolve("reports");
    Reports.write(verdict, EnumSet.allOf(ReportFormat.class), reports);

    Map<String, FileResult> byPath = verdict.files().stream()
        .collect(Collectors.toMap(FileResult::path, Function.identity()));
    assertThat(byPath.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
    for (String name : NAMES) {
      FileResult f = byPath.get(name);
      boolean fake = name.contains("fake");
      assertThat(f.outcome()).as("%s (%s)", name, f.reason())
          .isEqualTo(fake ? Outcome.FLAGGED : Outcome.PASSED);
      assertThat(f.score()).as(name).isEqualTo(fake ? 0.97 : 0.04);
    }

    // JSON: parses, by our reader and by a plain JSON parser, and names every file exactly.
    GateResult read = JsonReportReader.read(reports.resolve(ReportFormat.JSON.fileName()));
    assertThat(read.files()).extracting(FileResult::path)
        .containsExactlyInAnyOrderElementsOf(NAMES);
    JsonNode json = new ObjectMapper().readTree(reports.resolve(ReportFormat.JSON.fileName())
        .toFile());
    assertThat(json).isNotNull();
    new ObjectMapper().readTree(reports.resolve(ReportFormat.SARIF.fileName()).toFile());

    // XML: well-formed.
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    xml.newDocumentBuilder().parse(reports.resolve(ReportFormat.JUNIT.fileName()).toFile());

    // HTML: markup from a name is text, never markup.
    String html = Files.readString(reports.resolve(ReportFormat.HTML.fileName()));
    assertThat(html).doesNotContain("<img src=x").doesNotContain("<i onclick")
        .contains("&lt;img src=x onerror=alert(1)&gt; fake.png")
        .contains("&lt;i onclick=steal()&gt;italic &amp; co.jpg");
    // Markdown: a "<" from a name is backslash-escaped or inside a code span (both shown
    // literally), and a pipe in a name does not add a table column.
    String md = Files.readString(reports.resolve(ReportFormat.MD.fileName()));
    assertThat(md).contains("fake.png");
    // Code is shown literally: fenced blocks (the waiver entries) and code spans are left out.
    String outsideCode = md.replaceAll("(?s)\n *(`{3,})yaml\n.*?\n *\\1\n", "\n")
        .replaceAll("(`+).+?\\1", "");
    assertThat(java.util.regex.Pattern.compile("(?<!\\\\)<(img|i )").matcher(outsideCode).find())
        .as(outsideCode).isFalse();
    List<String> rows = md.lines().filter(l -> l.startsWith("| ") && l.contains("backtick"))
        .toList();
    assertThat(rows).singleElement().satisfies(row ->
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
            .as(row).isEqualTo(md.lines().filter(l -> l.startsWith("| File |")).findFirst()
                .orElseThrow().chars().filter(c -> c == '|').count()));
  }

  @Test
  void aNameThatIsNotUtf8IsReportedWithAReasonOrJudged() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux")
        && "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "needs Linux, whose file names are raw bytes, and a UTF-8 file name encoding");
    // Java cannot name such a file, so the shell makes it: "bad-", bytes FF FE, "-take.wav".
    Process sh = new ProcessBuilder("sh", "-c",
        "printf 'not utf-8' > \"$(printf 'bad-\\377\\376-take.wav')\"").directory(base.toFile())
        .redirectErrorStream(true).start();
    assertThat(sh.waitFor()).isZero();

    GateResult verdict = Gate.run(config(), new Transcript());
    Path reports = root.resolve("reports");
    Reports.write(verdict, EnumSet.allOf(ReportFormat.class), reports);

    assertThat(verdict.files()).hasSize(NAMES.size() + 1);
    List<FileResult> odd = new ArrayList<>();
    for (FileResult f : verdict.files()) {
      if (!NAMES.contains(f.path())) {
        odd.add(f);
      }
    }
    assertThat(odd).singleElement().satisfies(f -> {
      assertThat(f.path()).startsWith("bad-").endsWith("-take.wav");
      // Java cannot name it to open it, and the reason says so and what to do.
      assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(f.reason()).isEqualTo("its name is not valid UTF-8, the file name encoding of"
          + " this JVM, so Java cannot open it by name; rename the file (for example with"
          + " convmv), or run the build under the locale its name was written in");
    });
    // The other files are not harmed by their odd neighbour.
    assertThat(verdict.files().stream().filter(f -> NAMES.contains(f.path()))
        .map(FileResult::outcome)).containsOnly(Outcome.PASSED, Outcome.FLAGGED);
    GateResult read = JsonReportReader.read(reports.resolve(ReportFormat.JSON.fileName()));
    assertThat(read.files()).extracting(FileResult::path).contains(odd.get(0).path());
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.newDocumentBuilder().parse(reports.resolve(ReportFormat.JUNIT.fileName()).toFile());
  }

  @Test
  void aBackslashInALinuxFileNameIsPartOfTheName() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"),
        "only Linux allows a backslash in a file name");
    Files.writeString(base.resolve("back\\slash.wav"), "backslash", StandardCharsets.UTF_8);

    GateResult verdict = Gate.run(config(), new Transcript());

    assertThat(verdict.files()).filteredOn(f -> f.path().contains("slash"))
        .singleElement().satisfies(f -> {
          assertThat(f.path()).isEqualTo("back\\slash.wav");
          assertThat(f.outcome()).as(f.reason()).isEqualTo(Outcome.PASSED);
        });
  }

  private GateConfig config() {
    return GateConfig.builder()
        // Stand-in media (text named .wav): the content check has its own tests.
        .contentCheck(false)
        .baseDirectory(base)
        .apiUrl(SIM.baseUrl())
        .token(ApiToken.of("hostile-names-token"))
        .cacheDirectory(root.resolve("cache"))
        .reportsDirectory(root.resolve("reports"))
        .pollInterval(Duration.ofMillis(5))
        .maxPollInterval(Duration.ofMillis(20))
        .timeout(Duration.ofSeconds(30))
        .build();
  }
}
