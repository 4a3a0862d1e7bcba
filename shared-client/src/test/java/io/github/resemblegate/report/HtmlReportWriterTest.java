package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  static String html(GateResult verdict) {
    return new HtmlReportWriter().page(verdict);
  }

  private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[^\\s=>/]+"
      + "(?:=\"[^\"]*\")?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=>/]+)(?:=\"([^\"]*)\")?");

  /** Every attribute of every tag as {@code tag name=value}, read the way a browser reads them. */
  private static List<String> attributes(String page) {
    List<String> all = new java.util.ArrayList<>();
    Matcher tag = TAG.matcher(page);
    while (tag.find()) {
      Matcher a = ATTRIBUTE.matcher(tag.group(2));
      while (a.find()) {
        all.add(tag.group(1).toLowerCase(java.util.Locale.ROOT) + " "
            + a.group(1).toLowerCase(java.util.Locale.ROOT) + "=" + a.group(2));
      }
    }
    return all;
  }

  @Test
  void escapesHostileFileNamesInTextAndAttributes() {
    String page = html(Fixtures.hostile());

    assertThat(page)
        .doesNotContain("<img", "onerror=alert(1)>", "<b>.wav", "<i>odd", "<b>flagged")
        .contains("&lt;img src=x onerror=alert(1)&gt;.wav")
        .contains("say &quot;hi&quot; &amp; &#39;bye&#39; &lt;b&gt;.wav")
        .contains("API label <b>&quot;fake&quot; &amp; &lt;i&gt;odd&lt;/i&gt;</b>")
        .contains("server said &lt;/script&gt;&lt;script&gt;window.__xss=4&lt;/script&gt;")
        .contains("Three files &lt;b&gt;flagged&lt;/b&gt; &amp; one &lt;/script&gt; error.");
    // In attributes: a URL that is no valid URI is shown, not linked; quotes stay escaped.
    assertThat(page).contains(
        "<code>https://app.resemble.ai/hub/detect/x?a=1&amp;b=&quot;2&quot;</code>");
  }

  @Test
  void controlCharactersAreShownNotEmitted() {
    String page = html(Fixtures.hostile());

    assertThat(page).doesNotContain("\u0007", "\u0000", "\u0001")
        .contains("bell\\u0007and\\u0000nul.wav");
  }

  @Test
  void nothingIsInlineThatJenkinsContentSecurityPolicyRefuses() {
    String page = html(Fixtures.showcase());

    assertThat(page).doesNotContainPattern("(?i)<style");
    assertThat(Pattern.compile("(?i)<script").matcher(page).results().count()).isEqualTo(1);
    assertThat(page).contains("<script src=\"resemble-report.js\" defer></script>")
        .contains("<link rel=\"stylesheet\" href=\"resemble-report.css\">");
    List<String> attributes = attributes(page);
    assertThat(attributes).as("no style attribute, no event handler")
        .noneMatch(a -> a.split("[ =]")[1].equals("style"))
        .noneMatch(a -> a.split("[ =]")[1].startsWith("on"));
    // The hostile names are in attribute values (data-path) and text, never attributes of their own.
    assertThat(attributes).contains("tr data-path=media/&lt;img src=x onerror=alert(1)&gt;.wav");
  }

  @Test
  void onlyWebUrlsBecomeLinks() {
    String page = html(Fixtures.showcase());

    assertThat(page).doesNotContain("href=\"javascript:")
        .contains("<code>javascript:alert(1)</code>")
        .contains("<a class=\"dashboard\" href=\"https://app.resemble.ai/hub/detect/det-0001\" "
            + "target=\"_blank\" rel=\"noopener noreferrer\">");
    assertThat(Html.isWebUrl("HTTPS://example.com/x")).isTrue();
    assertThat(Html.isWebUrl("javascript:alert(1)")).isFalse();
    assertThat(Html.isWebUrl("data:text/html,hi")).isFalse();
    assertThat(Html.isWebUrl("//evil.example/x")).isFalse();
    assertThat(Html.isWebUrl("https:///nohost")).isFalse();
  }

  @Test
  void pageFetchesNothingFromTheNetwork() {
    String page = html(Fixtures.showcase());

    assertThat(page).doesNotContain("<img", "<iframe", "@import", "url(", "@font-face");
    assertThat(attributes(page)).filteredOn(a -> a.matches("\\S+ (src|href)=.*"))
        .containsExactlyInAnyOrder("link href=resemble-report.css",
            "script src=resemble-report.js",
            "a href=https://app.resemble.ai/hub/detect/det-0001");
    String css = new String(HtmlReportWriter.asset("resemble-report.css"), StandardCharsets.UTF_8);
    assertThat(css).doesNotContain("@import", "url(", "@font-face");
  }

  @Test
  void contentSecurityPolicyAllowsOnlyTheFilesBesideThePage() {
    String page = html(Fixtures.everyOutcome());

    assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
        + "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'\">").doesNotContain("unsafe-inline", "sha256-");
  }

  @Test
  void headerShowsTheVerdictItsSentenceAndCountsInWords() {
    String page = html(Fixtures.everyOutcome());

    assertThat(page)
        .contains("<header class=\"verdict v-failed\">")
        .contains("<span class=\"status\">FAILED</span>")
        .contains("<p class=\"message\">2 of 10 files are likely synthetic, at or above their"
            + " thresholds; the highest is media/fake-intro.wav at 0.97.</p>")
        .contains("data-outcome=\"FLAGGED\"><b>2</b> likely synthetic")
        .contains("data-outcome=\"ERROR\"><b>1</b> could not be judged")
        .contains("data-outcome=\"NO_SPEECH\"><b>1</b> without speech")
        .contains("data-outcome=\"PASSED\"><b>3</b> likely genuine")
        .contains("threshold 0.50, audio 0.40, video 0.60")
        .doesNotContain(">Flagged<", ">Passed<", ">Error<");
  }

  @Test
  void aRunWithWarningsReadsPassedWithWarningsNotUnstable() {
    GateResult warned = Fixtures.result(List.of(Fixtures.file("v.mp4").outcome(Outcome.WARNED)
        .score(0.44).threshold(0.6).build()), Verdict.UNSTABLE, FailureKind.FINDINGS, "m");

    assertThat(html(warned)).contains("<span class=\"status\">PASSED with warnings</span>")
        .contains("<title>Resemble Gate: PASSED with warnings (1 file)</title>")
        .doesNotContain("UNSTABLE").doesNotContainPattern(">[^<]*[Uu]nstable");
  }

  @Test
  void eachFileShowsItsVerdictInWordsAndFoldsTheApiDetailsAway() {
    String page = html(Fixtures.everyOutcome());

    assertThat(page).contains("<span class=\"badge o-flagged\">Likely synthetic</span>",
        "<span class=\"badge o-error\">Could not judge</span>",
        "<span class=\"badge o-passed\">Likely genuine</span>",
        "<details class=\"more\"><summary>Details</summary><div>API label <b>fake</b></div>"
            + "<div>Score field <code>metrics.aggregated_score</code></div>"
            + "<div class=\"ids\">Detection <code>det-0001</code></div><div>SHA-256 <code"
            + " class=\"hash\">" + Fixtures.sha("media/fake-intro.wav") + "</code></div>"
            + "</details>");
    // The hash is a detail: the file's own line shows its size, not a hash.
    assertThat(page).doesNotContain("<span class=\"hash\"");
  }

  @Test
  void eachSentFileShowsHowLongItPlaysAndADashWhenUnknownAndTheRunWhatItBills() {
    String page = html(Fixtures.everyOutcome());

    assertThat(page).contains("<span class=\"sub\">48.2 kB · plays 18.5 s</span>",
        "<span class=\"sub\">48.2 kB · plays 2.0 min</span>",
        "<span class=\"sub\">48.2 kB · plays —</span>",
        "<dt>Billable</dt><dd>4 files, 192.9 kB, about 2.3 min of media, the length of 1 file"
            + " unknown</dd>");
    // A cached file was not sent: nothing billed, its length not read.
    assertThat(page).contains("<span class=\"sub\">48.2 kB · <span class=\"tag\"");
  }

  @Test
  void saysWhatToDoNextWithTheWaiverEntryToCopy() {
    String page = html(Fixtures.everyOutcome());

    assertThat(page).contains("<section class=\"next\" aria-label=\"What to do next\">")
        .contains("<pre><code>- sha256: " + Fixtures.sha("media/fake-intro.wav")
            + "  # media/fake-intro.wav\n  reason: &quot;why this file may ship, e.g. a licensed"
            + " synthetic voice&quot;\n  until: 2027-02-23\n- sha256: "
            + Fixtures.sha("img/fake.png")
            + "  # img/fake.png\n")
        .contains("<li>Build again to retry the file that could not be judged;")
        .contains("<li>Each detection is in Resemble&#39;s dashboard, for example:"
            + " https://app.resemble.ai/hub/detect/det-0001</li>");
    List<FileResult> clean = List.of(Fixtures.file("a.wav").build());
    assertThat(html(Fixtures.result(clean, Verdict.PASSED, FailureKind.NONE, "m")))
        .doesNotContain("class=\"next\"");
  }

  @Test
  void failingFilesComeFirst() {
    String page = html(Fixtures.everyOutcome());
    List<String> order = Pattern.compile("<tr data-i=\"\\d+\" class=\"o-([a-z-]+)\"")
        .matcher(page).results().map(m -> m.group(1)).toList();

    assertThat(order).containsExactly("flagged", "flagged", "error", "warned", "no-speech",
        "waived", "skipped", "passed", "passed", "passed");
    assertThat(page.indexOf("fake-intro.wav")).isLessThan(page.indexOf("fake.png"));
  }

  @Test
  void scoreBarMarksTheThresholdAndStripShowsGapsAndTime() {
    String page = html(Fixtures.everyOutcome());
    String row = page.substring(page.indexOf("<tr data-i=\"0\""), page.indexOf("<tr data-i=\"1\""));

    assertThat(row).contains("aria-label=\"Score 0.97, threshold 0.40\"")
        .contains("<line class=\"threshold-mark\" x1=\"48\"")
        .contains("<line class=\"warn-mark\" x1=\"42\"");
    // Nine chunks of 2 s, one without a score: eight columns, five of them at or above 0.40.
    assertThat(Pattern.compile("M[0-9.]+ [0-9.]+h").matcher(row).results().count()).isEqualTo(8);
    Matcher hi = Pattern.compile("<path class=\"c-hi\" d=\"([^\"]+)\"").matcher(row);
    assertThat(hi.find()).isTrue();
    assertThat(hi.group(1).split("z")).hasSize(5);
    // The gap: nothing starts at x = 2 × 220 / 9 = 48.9.
    assertThat(row).doesNotContain("M48.9 ")
        .contains("data-cells=\"0.04,0.08,,0.62,0.97,0.99,0.93,0.41,0.12\"")
        .contains("data-seconds=\"2.0\"")
        .contains("9 chunk scores, highest 0.99 at 10–12 s, 1 without a score")
        .contains("<span>0 s</span><span>18 s</span>");
  }

  @Test
  void videoStripCountsFramesWhenTheirLengthIsUnknown() {
    String page = html(Fixtures.everyOutcome());
    int start = page.indexOf("trailer.mp4</span>");
    String row = page.substring(start, page.indexOf("</tr>", start));

    assertThat(row).contains("11 frame scores, highest 0.44 at frame 4")
        .contains("<span>frame 1</span><span>11 frames</span>")
        .contains("data-unit=\"frame\"").doesNotContain("data-seconds")
        .contains("<path class=\"c-mid\"");
  }

  @Test
  void namesTimeSpansOfColumns() {
    assertThat(ScoreGraphics.where(4, 1, 9, 2.0, "chunk")).isEqualTo("8–10 s");
    assertThat(ScoreGraphics.where(40, 1, 90, 2.0, "chunk")).isEqualTo("1:20–1:22");
    assertThat(ScoreGraphics.where(2, 3, 8, null, "frame")).isEqualTo("frames 7–8");
    assertThat(ScoreGraphics.where(0, 1, 1, 0.5, "chunk")).isEqualTo("0–0.5 s");
  }

  @Test
  void showsScoresThatWouldRoundOntoTheThreshold() {
    String page = html(Fixtures.everyOutcome());

    assertThat(page).contains("<span class=\"num\">0.4999</span>");
  }

  @Test
  void keepsNonAsciiNames() {
    assertThat(html(Fixtures.everyOutcome()))
        .contains("<span class=\"dir\">media/<wbr>música/<wbr></span><span class=\"name\">canción ñ 日本語 😀.wav</span>");
  }

  @Test
  void aThousandFilesStayOnePageOfBoundedSize() {
    String page = html(Fixtures.thousandFiles());

    assertThat(Pattern.compile("<tr data-i=").matcher(page).results().count()).isEqualTo(1000);
    // Long clips are drawn as at most 110 windows in three paths, so the page stays small.
    assertThat(page.length()).isLessThan(6_000_000);
    assertThat(page).contains("300 chunk scores").contains(", shown as 100 windows of 3 (highest score in each)");
  }

  @Test
  void svgNumbersAreShortAndExact() {
    assertThat(ScoreGraphics.decimal(48.0, 2)).isEqualTo("48");
    assertThat(ScoreGraphics.decimal(116.4, 2)).isEqualTo("116.4");
    assertThat(ScoreGraphics.decimal(24.444, 1)).isEqualTo("24.4");
    assertThat(ScoreGraphics.decimal(-23.44, 1)).isEqualTo("-23.4");
    assertThat(ScoreGraphics.decimal(-0.04, 1)).isEqualTo("0");
    assertThat(ScoreGraphics.decimal(0.05, 4)).isEqualTo("0.05");
    assertThat(ScoreGraphics.decimal(0.99996, 4)).isEqualTo("1");
  }

  @Test
  void windowsKeepTheHighestScoreAndGapsOnlyWhenAllAreMissing() {
    assertThat(ScoreGraphics.windows(java.util.Arrays.asList(0.1, 0.9, null, null, 0.3, null), 2))
        .containsExactly(0.9, null, 0.3);
  }

  @Test
  void aLargeTableIsWrittenOutRowByRowWithEveryRowInOrder() throws Exception {
    // About a kilobyte per row: the page goes to the file as the rows are made, never held whole.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new HtmlReportWriter().write(Fixtures.thousandFiles(), out);
    String page = out.toString(StandardCharsets.UTF_8);
    assertThat(page.length()).isGreaterThan(256 * 1024);
    Matcher row = Pattern.compile("<tr data-i=\"(\\d+)\"").matcher(page);
    int expected = 0;
    while (row.find()) {
      assertThat(Integer.parseInt(row.group(1))).isEqualTo(expected++);
    }
    assertThat(expected).isEqualTo(1000);
    assertThat(page).endsWith("</body>\n</html>\n").isEqualTo(html(Fixtures.thousandFiles()));
  }
}
