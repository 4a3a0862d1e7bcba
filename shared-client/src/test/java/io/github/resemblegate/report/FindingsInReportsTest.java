package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.Findings;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What the API said beside the score reaches the people who read the reports: the intelligence
 * summary, the likely voice generator, the pages a reverse image search found, the API's own
 * verdict and certainty, and "Resemble deleted its copy" — in JSON (schema 1.2), HTML, Markdown,
 * JUnit, SARIF and Code Quality, escaped like every other API string.
 */
class FindingsInReportsTest {

  static final String CLONED = "voice/cloned-ceo.wav";
  static final String POSTER = "img/poster.png";
  static final String AD = "video/ad.mp4";
  static final String CLEAN = "voice/clean.wav";

  static final Findings VOICE = new Findings(
      "Speaker: adult male; fraud.type: synthetic_media_fraud <script>window.__x=1</script>",
      "elevenlabs", List.of(), null, 0.9,
      new Retention(true, false, true, "2026-11-25T10:16:00Z"));
  static final Findings IMAGE = new Findings(null, null, List.of(
      new ReverseSearchSource("https://news.example/fake-poster", "Viral poster <b>debunked</b>",
          "matches a known fake", "known_fake", 0.9),
      new ReverseSearchSource("javascript:alert(1)", null, null, "similar", 0.5)),
      null, null, Retention.NONE);
  static final Findings VIDEO = new Findings(null, null, List.of(), "Fake", 0.904,
      Retention.NONE);

  static GateResult withFindings() {
    return Fixtures.result(List.of(
        Fixtures.file(CLONED).outcome(Outcome.FLAGGED).score(0.97).label("fake").threshold(0.4)
            .detect("det-1", "batch-1").findings(VOICE).build(),
        Fixtures.file(POSTER).outcome(Outcome.FLAGGED).score(0.91).label("fake").threshold(0.5)
            .field("image_metrics.score").detect("det-2", "batch-1").findings(IMAGE).build(),
        Fixtures.file(AD).outcome(Outcome.WARNED).score(0.44).label("real").threshold(0.6)
            .detect("det-3", "batch-1").findings(VIDEO).build(),
        Fixtures.file(CLEAN).outcome(Outcome.PASSED).score(0.03).label("real").threshold(0.4)
            .detect("det-4", "batch-1").build()),
        Verdict.FAILED, FailureKind.FINDINGS,
        "2 of 4 files are likely synthetic, at or above their thresholds; the highest is "
            + CLONED + " at 0.97.");
  }

  private static JsonNode file(JsonNode root, String path) {
    return StreamSupport.stream(root.get("files").spliterator(), false)
        .filter(f -> f.get("path").asText().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void theJsonReportCarriesTheFindingsUnderAnAddedKeyInSchema12() throws IOException {
    JsonNode root = JsonReportWriterTest.tree(withFindings());

    assertThat(root.get("schemaVersion").asText()).startsWith("1.");
    JsonNode voice = file(root, CLONED).get("findings");
    assertThat(voice.get("intelligence").asText()).startsWith("Speaker: adult male;");
    assertThat(voice.get("sourceTracing").asText()).isEqualTo("elevenlabs");
    assertThat(voice.get("certainty").asDouble()).isEqualTo(0.9);
    assertThat(voice.get("zeroRetention").asBoolean()).isTrue();
    assertThat(voice.get("mediaDeleted").asBoolean()).isTrue();
    assertThat(voice.get("fileDeletedAt").asText()).isEqualTo("2026-11-25T10:16:00Z");
    assertThat(voice.get("imageSources")).isEmpty();
    JsonNode source = file(root, POSTER).get("findings").get("imageSources").get(0);
    assertThat(source.get("verdict").asText()).isEqualTo("known_fake");
    assertThat(source.get("similarity").asDouble()).isEqualTo(0.9);
    assertThat(file(root, AD).get("findings").get("conclusion").asText()).isEqualTo("Fake");
    // Nothing said beside the score: the key is there, null, as every unknown value is.
    assertThat(file(root, CLEAN).has("findings")).isTrue();
    assertThat(file(root, CLEAN).get("findings").isNull()).isTrue();
    assertThat(JsonSchemas.validate(JsonSchemas.report(), root)).isEmpty();
  }

  @Test
  void theFindingsAreReadBackAsTheyWereWritten() throws IOException {
    GateResult written = withFindings();

    GateResult read = JsonReportReader.read(new ByteArrayInputStream(
        JsonReportWriterTest.json(written).getBytes(StandardCharsets.UTF_8)), "test report");

    assertThat(read).isEqualTo(written);
  }

  @Test
  void aReportThePreviousVersionWroteIsStillReadAndStillValid() throws IOException {
    byte[] previous;
    try (InputStream in = getClass().getResourceAsStream("resemble-report-1.1.json")) {
      assertThat(in).as("the 1.1 report test resource").isNotNull();
      previous = in.readAllBytes();
    }
    JsonNode root = JsonSchemas.MAPPER.readTree(previous);
    assertThat(root.get("schemaVersion").asText()).isEqualTo("1.1");

    GateResult read = JsonReportReader.read(new ByteArrayInputStream(previous), "1.1 report");

    assertThat(JsonSchemas.validate(JsonSchemas.report(), root)).isEmpty();
    assertThat(read.files()).hasSize(root.get("files").size())
        .allSatisfy(f -> assertThat(f.findings()).isEqualTo(Findings.NONE));
    assertThat(read.files()).extracting(f -> f.outcome()).contains(Outcome.FLAGGED);
  }

  @Test
  void theHtmlReportSaysItInPlainWordsEscapedWithOnlyWebLinks() {
    String page = new HtmlReportWriter().page(withFindings());

    assertThat(page)
        .contains("Likely voice generator: elevenlabs.")
        .contains("What the API found: Speaker: adult male; fraud.type: synthetic_media_fraud "
            + "&lt;script&gt;window.__x=1&lt;/script&gt;")
        .contains("The API is 90% certain of its label.")
        .contains("Resemble deleted its copy of the media at 2026-11-25T10:16:00Z.")
        .contains("The API&#39;s own verdict: Fake, 90% certain.")
        .contains("Found online on 2 pages:")
        .contains("<a href=\"https://news.example/fake-poster\" target=\"_blank\" "
            + "rel=\"noopener noreferrer\">Viral poster &lt;b&gt;debunked&lt;/b&gt;</a> "
            + "<span class=\"muted\">(known fake, 90% similar)</span>")
        .doesNotContain("<script>window.__x", "<b>debunked", "href=\"javascript:");
    // The page that is no web address is named, not linked.
    assertThat(page).contains("<li>javascript:alert(1) <span class=\"muted\">(similar, 50% similar)"
        + "</span></li>");
  }

  @Test
  void theHtmlFilterFindsAFileByItsLikelyVoiceGenerator() {
    String page = new HtmlReportWriter().page(withFindings());

    String row = page.substring(page.indexOf("data-path=\"" + CLONED + "\""));
    row = row.substring(0, row.indexOf('>'));
    assertThat(row).contains("elevenlabs");
  }

  @Test
  void theMarkdownSummarySaysItInTheWhyColumn() {
    String md = MarkdownSummaryWriter.summary(withFindings());

    String row = md.lines().filter(l -> l.startsWith("| `" + CLONED + "`")).findFirst()
        .orElseThrow();
    assertThat(row).contains("What the API found: Speaker: adult male; fraud.type: "
        + "synthetic\\_media\\_fraud \\<script\\>window.\\_\\_x=1\\</script\\>")
        .contains("Likely voice generator: elevenlabs.")
        .contains("The API is 90% certain of its label.")
        .contains("Resemble deleted its copy of the media at 2026-11-25T10:16:00Z.");
    String poster = md.lines().filter(l -> l.startsWith("| `" + POSTER + "`")).findFirst()
        .orElseThrow();
    assertThat(poster).contains("Found online on 2 pages: Viral poster \\<b\\>debunked\\</b\\> "
        + "\\(known fake, 90% similar\\); javascript:alert\\(1\\) \\(similar, 50% similar\\).");
  }

  @Test
  void aLongIntelligenceTextIsCutInTheMarkdownTableOnly() throws IOException {
    String longText = "word ".repeat(100).strip();
    GateResult r = Fixtures.result(List.of(Fixtures.file(CLONED).outcome(Outcome.FLAGGED)
            .score(0.97).threshold(0.4).findings(new Findings(longText, null, List.of(), null,
                null, Retention.NONE)).build()),
        Verdict.FAILED, FailureKind.FINDINGS, "m");

    String md = MarkdownSummaryWriter.summary(r);
    String row = md.lines().filter(l -> l.startsWith("| `" + CLONED + "`")).findFirst()
        .orElseThrow();

    assertThat(row).contains("What the API found: word word").contains("…")
        .doesNotContain(longText);
    assertThat(new HtmlReportWriter().page(r)).contains(longText);
    assertThat(JsonReportWriterTest.json(r)).contains(longText);
  }

  @Test
  void junitNamesTheLikelyGeneratorInTheFailureAndEveryFindingBelowIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JunitXmlWriter().write(withFindings(), out);
    String xml = out.toString(StandardCharsets.UTF_8);

    assertThat(xml).contains("message=\"likely synthetic: scored 0.97, at or above the threshold"
        + " 0.40; likely voice generator: elevenlabs; the API is 90% certain of its label\"");
    assertThat(xml).contains("voice/cloned-ceo.wav is likely synthetic: it scored 0.97, at or "
        + "above the threshold 0.40.\nWhat the API found: Speaker: adult male; fraud.type: "
        + "synthetic_media_fraud &lt;script&gt;window.__x=1&lt;/script&gt;\nLikely voice "
        + "generator: elevenlabs.\nThe API is 90% certain of its label.\nResemble deleted its "
        + "copy of the media at 2026-11-25T10:16:00Z.\nMedia type: audio");
  }

  @Test
  void sarifAndCodeQualityMessagesNameTheGeneratorAndTheApisOwnVerdict() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifWriter().write(withFindings(), out);
    JsonNode log = JsonSchemas.MAPPER.readTree(out.toByteArray());

    JsonNode voice = result(log, CLONED);
    assertThat(voice.at("/message/text").asText()).isEqualTo(CLONED + " is likely synthetic: it"
        + " scored 0.97, at or above the threshold 0.40. Likely voice generator: elevenlabs."
        + " The API is 90% certain of its label.");
    assertThat(voice.at("/properties/sourceTracing").asText()).isEqualTo("elevenlabs");
    assertThat(voice.at("/properties/intelligence").asText()).startsWith("Speaker: adult male");
    assertThat(voice.at("/properties/mediaDeleted").asBoolean()).isTrue();
    assertThat(result(log, POSTER).at("/message/text").asText()).endsWith(
        "Found online on 2 pages.");
    assertThat(result(log, AD).at("/message/text").asText()).endsWith(
        "The API's own verdict: Fake, 90% certain.");
    assertThat(JsonSchemas.validate(JsonSchemas.sarif(), log)).isEmpty();

    ByteArrayOutputStream quality = new ByteArrayOutputStream();
    new CodeQualityWriter().write(withFindings(), quality);
    JsonNode issues = JsonSchemas.MAPPER.readTree(quality.toByteArray());
    assertThat(StreamSupport.stream(issues.spliterator(), false)
        .map(i -> i.get("description").asText()))
        .contains(voice.at("/message/text").asText());
  }

  @Test
  void hostileFindingsAreTextInEveryFormat() throws Exception {
    GateResult hostile = Fixtures.hostile();

    String page = new HtmlReportWriter().page(hostile);
    assertThat(page).doesNotContain("<img src=x onerror=window.__xss=5", "<script>window.__xss=6",
        "href=\"javascript:", "<b>Fake", "<i>now")
        .contains("&lt;img src=x onerror=window.__xss=8&gt;")
        // An address that is no valid URI is shown, not linked.
        .contains("<li>https://ok.example/p?a=&quot;1&quot;&amp;b=&lt;2&gt;</li>")
        .doesNotContain("href=\"https://ok.example");
    String md = MarkdownSummaryWriter.summary(hostile);
    assertThat(md).contains("\\<img src=x onerror=window.\\_\\_xss=5\\> \\| \\`tick\\` "
        + "\\*\\*bold\\*\\*");
    ByteArrayOutputStream junit = new ByteArrayOutputStream();
    new JunitXmlWriter().write(hostile, junit);
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(junit.toByteArray()));
    ByteArrayOutputStream sarif = new ByteArrayOutputStream();
    new SarifWriter().write(hostile, sarif);
    assertThat(JsonSchemas.validate(JsonSchemas.sarif(),
        JsonSchemas.MAPPER.readTree(sarif.toByteArray()))).isEmpty();
    assertThat(JsonSchemas.validate(JsonSchemas.report(), JsonReportWriterTest.tree(hostile)))
        .isEmpty();
  }

  @Test
  void aFileTheApiSaidNothingMoreAboutReadsAsBefore() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifWriter().write(Fixtures.everyOutcome(), out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .doesNotContain("voice generator", "sourceTracing", "certain");
    assertThat(MarkdownSummaryWriter.summary(Fixtures.everyOutcome()))
        .doesNotContain("What the API found", "voice generator");
  }

  private static JsonNode result(JsonNode log, String uri) {
    return StreamSupport.stream(log.at("/runs/0/results").spliterator(), false)
        .filter(r -> r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()
            .endsWith(uri))
        .findFirst().orElseThrow(() -> new AssertionError("no result for " + uri));
  }
}
