package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless Chromium: it loads without errors, sorts, filters, shows
 * chunk times on hover, and hostile file names neither create elements nor run script. Served the
 * way Jenkins serves archived files (its sandboxing Content-Security-Policy), it is styled,
 * complete and breaks no policy; served where scripts may run, it sorts. Screenshots land in
 * {@code target/report-screenshots/} for people to look at.
 *
 * <p>Skipped when no Chromium is installed, unless {@code RESEMBLE_REQUIRE_BROWSER=1} (CI), where
 * a missing browser fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {

  private static final Path OUT = Path.of(System.getProperty("basedir", "."))
      .resolve("target/report-screenshots");

  private HeadlessChromium browser;
  private ReportServer server;
  private String skipReason;
  private String showcaseUrl;
  private String thousandUrl;
  private String longNamesUrl;

  @BeforeAll
  void startBrowser(@TempDir Path profile) throws IOException {
    Optional<Path> binary = HeadlessChromium.find();
    if (binary.isEmpty()) {
      String why = System.getenv("CHROME_BIN") != null
          ? "CHROME_BIN is " + System.getenv("CHROME_BIN") + ", which is not an executable browser"
          : "No Chromium found (looked for chromium, chromium-browser, google-chrome on the PATH); "
              + "install it with: apt-get install -y chromium";
      if ("1".equals(System.getenv("RESEMBLE_REQUIRE_BROWSER"))) {
        Assertions.fail(why + ". RESEMBLE_REQUIRE_BROWSER=1 makes this a failure.");
      }
      // Skipped test by test (not the class), so every skip shows up with its reason.
      skipReason = why + ". Skipping the browser tests.";
      System.err.println(skipReason);
      return;
    }
    showcaseUrl = write(Fixtures.showcase(), "showcase");
    thousandUrl = write(Fixtures.thousandFiles(), "thousand-files");
    longNamesUrl = write(Fixtures.result(List.of(
        Fixtures.file("podcasts/season-two/episode-twelve/raw-takes/interview.m4a")
            .outcome(Outcome.FLAGGED).score(0.93).build(),
        Fixtures.file("marketing/campaigns/2026-spring/voice-over/narration-final-v3.wav").build(),
        Fixtures.file("game/audio/dialogue/characters/blacksmith/greeting-variant-07.ogg")
            .build()), Verdict.FAILED, FailureKind.FINDINGS,
        "1 of 3 files is likely synthetic."), "long-names");
    server = ReportServer.of(OUT);
    browser = HeadlessChromium.start(binary.get(), profile);
    browser.send("Page.enable");
    browser.send("Runtime.enable");
    browser.send("Log.enable");
    browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1440, "height", 900,
        "deviceScaleFactor", 1, "mobile", false));
  }

  @AfterAll
  void stopBrowser() {
    if (server != null) {
      server.close();
    }
    if (browser != null) {
      List<ProcessHandle> processes = browser.processes();
      browser.close();
      assertThat(processes).as("Chromium and its helper processes after close()")
          .hasSizeGreaterThan(1).noneMatch(HeadlessChromium::running);
    }
  }

  @BeforeEach
  void forgetEarlierEvents() {
    Assumptions.assumeTrue(browser != null, skipReason);
    browser.clearEvents();
  }

  private static String write(GateResult verdict, String name) throws IOException {
    Path dir = OUT.resolve(name);
    Reports.write(verdict, EnumSet.of(ReportFormat.HTML), dir);
    return dir.resolve(ReportFormat.HTML.fileName()).toUri().toString();
  }

  /** Console errors, uncaught exceptions, browser log errors (CSP refusals too) and dialogs. */
  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (JsonNode e : browser.events()) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      switch (method) {
        case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          if (p.path("type").asText().matches("error|assert")) {
            problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          if (p.path("entry").path("level").asText().equals("error")) {
            problems.add("log: " + p.path("entry").path("text").asText());
          }
        }
        case "Page.javascriptDialogOpening" -> problems.add("dialog: " + p.path("message"));
        default -> { }
      }
    }
    return problems;
  }

  private List<String> visiblePaths() throws IOException {
    List<String> paths = new ArrayList<>();
    browser.evaluate("Array.from(document.querySelectorAll('#files tbody tr'))"
        + ".filter(r => !r.hidden).map(r => r.querySelector('.file').textContent)")
        .forEach(n -> paths.add(n.asText()));
    return paths;
  }

  private void click(String selector) throws IOException {
    browser.evaluate("document.querySelector(" + js(selector) + ").click()");
  }

  private void filter(String text, String outcome) throws IOException {
    browser.evaluate("(() => { const i = document.getElementById('filter'); i.value = " + js(text)
        + "; i.dispatchEvent(new Event('input'));"
        + " const s = document.getElementById('outcome-filter'); s.value = " + js(outcome)
        + "; s.dispatchEvent(new Event('change')); })()");
  }

  private static String js(String s) {
    return JsonSchemas.MAPPER.valueToTree(s).toString();
  }

  /** The computed value of a CSS property of the first element {@code selector} matches. */
  private String style(String selector, String property) throws IOException {
    return browser.evaluate("getComputedStyle(document.querySelector(" + js(selector)
        + ")).getPropertyValue(" + js(property) + ")").asText();
  }

  private void screenshot(String name, boolean fullPage) throws IOException {
    Map<String, Object> params = new java.util.HashMap<>(Map.of("format", "png"));
    if (fullPage) {
      JsonNode size = browser.send("Page.getLayoutMetrics").path("cssContentSize");
      params.put("captureBeyondViewport", true);
      params.put("clip", Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
          "height", Math.min(6000, size.path("height").asDouble()), "scale", 1));
    }
    byte[] png = Base64.getDecoder().decode(
        browser.send("Page.captureScreenshot", params).path("data").asText());
    Files.createDirectories(OUT);
    Files.write(OUT.resolve(name), png);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void loadsWithoutErrorsAndShowsEveryFileFailingFirst() throws IOException {
    browser.navigate(showcaseUrl);

    assertThat(problems()).isEmpty();
    List<String> paths = visiblePaths();
    assertThat(paths).hasSize(16);
    assertThat(paths.subList(0, 5)).containsExactlyInAnyOrder("media/fake-intro.wav",
        "img/fake.png", Fixtures.XSS_IMG, Fixtures.QUOTES, Fixtures.PIPES);
    assertThat(browser.evaluate("document.getElementById('shown').textContent").asText())
        .isEqualTo("16 files");
    screenshot("resemble-report.png", true);
  }

  @Test
  void hostileNamesCreateNoElementsAndRunNoScript() throws IOException {
    browser.navigate(showcaseUrl);

    assertThat(browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length")
        .asInt()).isZero();
    assertThat(browser.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
    assertThat(browser.evaluate("document.querySelectorAll('script').length").asInt())
        .as("only the report's own script file").isEqualTo(1);
    assertThat(browser.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length")
        .asInt()).isZero();
    assertThat(visiblePaths()).contains(Fixtures.XSS_IMG, Fixtures.XSS_FLAG, Fixtures.XSS_SCRIPT,
        Fixtures.QUOTES, Fixtures.PIPES, Fixtures.NON_ASCII);
    assertThat(browser.evaluate("document.querySelector('.message').textContent").asText())
        .isEqualTo("5 of 16 files are likely synthetic, at or above their thresholds; the highest"
            + " is media/<img src=x onerror=alert(1)>.wav at 0.99.");
    assertThat(problems()).isEmpty();
  }

  @Test
  void clickingAHeaderSortsAndClickingAgainReverses() throws IOException {
    browser.navigate(showcaseUrl);
    // Sorted by the raw path; the page shows control characters as \\uXXXX escapes.
    List<String> byPath = Fixtures.showcase().files().stream().map(FileResult::path)
        .sorted().map(XmlText::clean).toList();

    click("th[data-key=path] button");
    assertThat(visiblePaths()).containsExactlyElementsOf(byPath);
    assertThat(browser.evaluate("document.querySelector('th[data-key=path]')"
        + ".getAttribute('aria-sort')").asText()).isEqualTo("ascending");

    click("th[data-key=path] button");
    List<String> reversed = new ArrayList<>(byPath);
    java.util.Collections.reverse(reversed);
    assertThat(visiblePaths()).containsExactlyElementsOf(reversed);

    click("th[data-key=score] button");
    List<String> byScore = Fixtures.showcase().files().stream()
        .filter(f -> f.score() != null)
        .sorted(Comparator.comparing(FileResult::score).reversed()).map(FileResult::path)
        .map(XmlText::clean).toList();
    assertThat(visiblePaths().subList(0, byScore.size())).containsExactlyElementsOf(byScore);
    assertThat(browser.evaluate("document.querySelector('th[data-key=path]')"
        + ".hasAttribute('aria-sort')").asBoolean()).isFalse();
    assertThat(problems()).isEmpty();
  }

  @Test
  void filtersByTextAndByOutcome() throws IOException {
    browser.navigate(showcaseUrl);
    GateResult v = Fixtures.showcase();

    filter("FAKE", "");
    // The filter also looks in what the API said beside the score (a video's verdict word).
    long withFake = v.files().stream().filter(f -> (f.path() + " " + f.label() + " "
        + f.findings().conclusion()).toLowerCase(Locale.ROOT).contains("fake")).count();
    assertThat(visiblePaths()).hasSize((int) withFake).contains("img/fake.png", Fixtures.XSS_IMG);
    assertThat(browser.evaluate("document.getElementById('shown').textContent").asText())
        .isEqualTo("Showing " + withFake + " of 16 files");

    filter("", "ERROR");
    assertThat(visiblePaths()).containsExactlyInAnyOrder("media/broken.mp3", Fixtures.XSS_SCRIPT);

    filter("", "ATTENTION");
    assertThat(visiblePaths()).hasSize(v.filesWith(Outcome.FLAGGED).size()
        + v.filesWith(Outcome.ERROR).size() + v.filesWith(Outcome.WARNED).size());

    filter("no such file", "");
    assertThat(visiblePaths()).isEmpty();
    assertThat(browser.evaluate("document.getElementById('empty').hidden").asBoolean()).isFalse();

    click(".count.o-waived button");
    filter("", browser.evaluate("document.getElementById('outcome-filter').value").asText());
    assertThat(visiblePaths()).containsExactly("media/narrator.wav");
    assertThat(problems()).isEmpty();
  }

  @Test
  void hoveringTheStripNamesTheTimeAndScore() throws IOException {
    browser.navigate(showcaseUrl);
    JsonNode box = browser.evaluate("(() => { const s = Array.from(document.querySelectorAll("
        + "'#files tbody tr')).find(r => r.querySelector('.file').textContent === "
        + "'media/fake-intro.wav').querySelector('.strip svg'); s.scrollIntoView({block: 'center'});"
        + " const b = s.getBoundingClientRect(); return {x: b.left, y: b.top, w: b.width, h: b.height}; })()");
    // The fifth of nine columns: 8–10 s, score 0.97.
    double x = box.get("x").asDouble() + box.get("w").asDouble() * 4.5 / 9;
    double y = box.get("y").asDouble() + box.get("h").asDouble() / 2;

    browser.send("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));

    assertThat(browser.evaluate("document.querySelector('.tip').hidden").asBoolean()).isFalse();
    assertThat(browser.evaluate("document.querySelector('.tip').textContent").asText())
        .isEqualTo("8–10 s: 0.97");
    assertThat(problems()).isEmpty();
  }

  @Test
  void aThousandFileReportStaysUsable() throws IOException {
    browser.navigate(thousandUrl);
    screenshot("resemble-report-1000-files.png", false);

    assertThat(problems()).isEmpty();
    assertThat(visiblePaths()).hasSize(1000);
    assertThat(visiblePaths().get(0)).isEqualTo(Fixtures.thousandFiles()
        .filesWith(Outcome.FLAGGED).stream().max(Comparator.comparing(FileResult::score))
        .orElseThrow().path());
    filter("pack-12/", "FLAGGED");
    assertThat(visiblePaths()).containsExactly("assets/pack-12/clip-0097.wav");
    filter("", "");
    click("th[data-key=path] button");
    assertThat(visiblePaths().get(0)).isEqualTo("assets/pack-0/clip-0000.wav");
    click("th[data-key=outcome] button");
    assertThat(browser.evaluate("document.querySelector('#files tbody tr .badge').textContent")
        .asText()).isEqualTo("Likely synthetic");
    click("th[data-key=outcome] button");
    assertThat(browser.evaluate("document.querySelector('#files tbody tr .badge').textContent")
        .asText()).isEqualTo("Likely genuine");
    assertThat(problems()).isEmpty();
  }

  @Test
  void servedAsJenkinsServesArchivedFilesThePageIsStyledCompleteAndBreaksNoPolicy()
      throws IOException {
    browser.navigate(server.jenkins("showcase/resemble-report.html"));

    assertThat(problems()).noneMatch(p -> p.contains("Content Security Policy"))
        .as("the one line Chromium logs when a sandbox stops a page's script")
        .allMatch(p -> p.contains("because the document's frame is sandboxed and the"
            + " 'allow-scripts' permission is not set"));
    // The style sheet beside the page applies: the verdict's coloured bar and the badges.
    assertThat(style("header.verdict", "border-top-width")).isEqualTo("6px");
    assertThat(style("header.verdict", "border-top-color")).isEqualTo("rgb(207, 34, 46)");
    assertThat(style(".badge.o-flagged", "background-color")).isEqualTo("rgb(255, 235, 233)");
    // No script ran, yet every file is there in report order, and the controls that need the
    // script are not offered.
    assertThat(browser.evaluate("document.documentElement.classList.contains('js')").asBoolean())
        .isFalse();
    List<String> reportOrder = visiblePaths();
    assertThat(reportOrder).hasSize(16);
    assertThat(reportOrder.get(0)).isEqualTo(Fixtures.XSS_IMG);
    assertThat(style(".toolbar", "display")).isEqualTo("none");
    click("th[data-key=path] button");
    assertThat(visiblePaths()).containsExactlyElementsOf(reportOrder);
    assertThat(problems()).noneMatch(p -> p.contains("Content Security Policy"));
    screenshot("resemble-report-in-jenkins.png", true);
  }

  @Test
  void servedWhereScriptsMayRunTheTableSortsAndBreaksNoPolicy() throws IOException {
    browser.navigate(server.open("showcase/resemble-report.html"));

    assertThat(browser.evaluate("document.documentElement.classList.contains('js')").asBoolean())
        .isTrue();
    assertThat(style(".toolbar", "display")).isEqualTo("flex");
    assertThat(style("header.verdict", "border-top-width")).isEqualTo("6px");
    click("th[data-key=path] button");
    assertThat(visiblePaths()).containsExactlyElementsOf(Fixtures.showcase().files().stream()
        .map(FileResult::path).sorted().map(XmlText::clean).toList());
    assertThat(problems()).isEmpty();
  }

  @Test
  void fileNamesWrapBetweenFoldersNeverInsideAName() throws IOException {
    browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 480, "height", 900,
        "deviceScaleFactor", 1, "mobile", false));
    try {
      browser.navigate(longNamesUrl);
      screenshot("resemble-report-narrow.png", false);

      // Each folder name and each file name is laid out on one line: breaks fall between them.
      JsonNode pieces = browser.evaluate("Array.from(document.querySelectorAll('.file > span'))"
          + ".flatMap(span => Array.from(span.childNodes)).filter(n => n.nodeType === 3)"
          + ".flatMap(text => { const out = []; let from = 0;"
          + " for (const part of text.textContent.split('/')) { if (part) {"
          + " const r = document.createRange(); r.setStart(text, from);"
          + " r.setEnd(text, from + part.length); out.push([part, r.getClientRects().length]); }"
          + " from += part.length + 1; } return out; })");
      assertThat(pieces).hasSizeGreaterThan(10);
      pieces.forEach(p -> assertThat(p.get(1).asInt()).as(p.get(0).asText()).isEqualTo(1));
      // And the long paths did wrap: the first one spans several lines.
      assertThat(browser.evaluate("document.querySelector('.file').getClientRects()[0].height"
          + " > 2 * parseFloat(getComputedStyle(document.querySelector('.file')).lineHeight)")
          .asBoolean()).isTrue();
      assertThat(problems()).isEmpty();
    } finally {
      browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1440, "height", 900,
          "deviceScaleFactor", 1, "mobile", false));
    }
  }

  @Test
  void aRunThatDidNotCompleteReadsSoInJenkinsWithoutScoreColumns() throws IOException {
    Path dir = OUT.resolve("incomplete");
    Reports.writeIncomplete(dir, EnumSet.of(ReportFormat.HTML), "The API token is missing. Set"
        + " the RESEMBLE_API_KEY environment variable.", List.of("media/intro.wav",
        "media/outro.wav"));

    browser.navigate(server.jenkins("incomplete/resemble-report.html"));

    assertThat(problems()).noneMatch(p -> p.contains("Content Security Policy"));
    assertThat(browser.evaluate("document.querySelector('.status').textContent").asText())
        .isEqualTo("DID NOT COMPLETE");
    assertThat(style("th[data-key=score]", "display")).isEqualTo("none");
    assertThat(style("td.threshold", "display")).isEqualTo("none");
    assertThat(visiblePaths()).containsExactlyInAnyOrder("media/intro.wav", "media/outro.wav");
    screenshot("resemble-report-incomplete.png", true);
  }
}
