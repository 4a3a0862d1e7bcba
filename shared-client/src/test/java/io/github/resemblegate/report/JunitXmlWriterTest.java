package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlWriterTest {

  private static Document parse(GateResult verdict) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JunitXmlWriter().write(verdict, out);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
  }

  private static Element testcase(Document doc, String name) {
    for (Element e : elements(doc.getElementsByTagName("testcase"))) {
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no testcase " + name);
  }

  private static Element child(Element parent, String tag) {
    NodeList list = parent.getElementsByTagName(tag);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  private static List<Element> elements(NodeList list) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  @Test
  void countsMatchTheCasesAtSuiteAndRootLevel() throws Exception {
    Document doc = parse(Fixtures.everyOutcome());
    Element root = doc.getDocumentElement();
    Element suite = child(root, "testsuite");

    assertThat(root.getTagName()).isEqualTo("testsuites");
    for (Element e : List.of(root, suite)) {
      assertThat(e.getAttribute("tests")).isEqualTo("10");
      assertThat(e.getAttribute("failures")).isEqualTo("2");
      assertThat(e.getAttribute("errors")).isEqualTo("1");
      assertThat(e.getAttribute("skipped")).isEqualTo("3");
    }
    List<Element> cases = elements(doc.getElementsByTagName("testcase"));
    assertThat(cases).hasSize(10);
    assertThat(cases.stream().filter(c -> child(c, "failure") != null)).hasSize(2);
    assertThat(cases.stream().filter(c -> child(c, "error") != null)).hasSize(1);
    assertThat(cases.stream().filter(c -> child(c, "skipped") != null)).hasSize(3);
  }

  @Test
  void flaggedFileFailsAsLikelySyntheticWithTheApiFieldsInTheDetails() throws Exception {
    Element failure = child(testcase(parse(Fixtures.everyOutcome()), "media/fake-intro.wav"),
        "failure");

    assertThat(failure.getAttribute("message"))
        .isEqualTo("likely synthetic: scored 0.97, at or above the threshold 0.40");
    assertThat(failure.getAttribute("type")).isEqualTo("resemble.flagged");
    assertThat(failure.getTextContent())
        .startsWith("media/fake-intro.wav is likely synthetic: it scored 0.97, at or above "
            + "the threshold 0.40.\n")
        .contains("API label: fake", "API score field: metrics.aggregated_score",
            "Detection id: det-0001", "Dashboard: https://app.resemble.ai/hub/detect/det-0001",
            "Chunk scores: 0.04 0.08 - 0.62");
  }

  @Test
  void erroredFileIsAnErrorWithItsReason() throws Exception {
    Element error = child(testcase(parse(Fixtures.everyOutcome()), "media/broken.mp3"), "error");

    assertThat(error.getAttribute("message"))
        .isEqualTo("could not judge: the detection failed: unsupported codec");
    assertThat(error.getTextContent()).startsWith("media/broken.mp3 could not be judged");
  }

  @Test
  void skippedWaivedAndNoSpeechFilesAreSkippedWithTheirReason() throws Exception {
    Document doc = parse(Fixtures.everyOutcome());

    assertThat(child(testcase(doc, "docs/empty.wav"), "skipped").getAttribute("message"))
        .isEqualTo("empty file");
    assertThat(child(testcase(doc, "media/narrator.wav"), "skipped").getAttribute("message"))
        .isEqualTo("waived: Licensed synthetic narrator (contract 2026-14); until 2027-01-31; "
            + "score 0.88, threshold 0.40");
    assertThat(child(testcase(doc, "media/silence.wav"), "skipped").getAttribute("message"))
        .isEqualTo("no speech to judge: no speech found in the audio (aggregated_score -1)");
  }

  @Test
  void noSpeechFailsWhenThePolicyFailsOnIt() throws Exception {
    Policy p = Fixtures.policy();
    Policy failOnSilence = new Policy(p.threshold(), p.thresholds(), p.warnThreshold(),
        p.onFlagged(), p.onError(), Reaction.FAIL, p.onEmpty(), p.videoScoring(), p.waivers());
    Document doc = parse(Fixtures.result(Fixtures.everyOutcomeFiles(), failOnSilence,
        Verdict.FAILED, FailureKind.FINDINGS, "m"));

    Element failure = child(testcase(doc, "media/silence.wav"), "failure");
    assertThat(failure).isNotNull();
    assertThat(failure.getAttribute("type")).isEqualTo("resemble.no-speech");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
  }

  @Test
  void passedAndWarnedFilesPassWithANote() throws Exception {
    Document doc = parse(Fixtures.everyOutcome());

    Element warned = testcase(doc, "video/trailer.mp4");
    assertThat(warned.getElementsByTagName("failure").getLength()).isZero();
    assertThat(warned.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(child(warned, "system-out").getTextContent())
        .startsWith("video/trailer.mp4 is possibly synthetic: it scored 0.44, in the warn band "
            + "from 0.35 below the threshold 0.60.");
    assertThat(child(testcase(doc, "top-level.jpg"), "system-out").getTextContent())
        .isEqualTo("top-level.jpg is likely genuine: it scored 0.4999, below the threshold 0.50.");
  }

  @Test
  void classnameIsTheFolderAndTheNameIsThePath() throws Exception {
    Document doc = parse(Fixtures.everyOutcome());

    assertThat(testcase(doc, "media/fake-intro.wav").getAttribute("classname")).isEqualTo("media");
    assertThat(testcase(doc, Fixtures.NON_ASCII).getAttribute("classname"))
        .isEqualTo("media.música");
    assertThat(testcase(doc, "top-level.jpg").getAttribute("classname")).isEqualTo("(root)");
    assertThat(testcase(doc, "media/fake-intro.wav").getAttribute("file"))
        .isEqualTo("media/fake-intro.wav");
  }

  @Test
  void timeAttributesAreSecondsWithADot() throws Exception {
    Document doc = parse(Fixtures.everyOutcome());

    Element suite = child(doc.getDocumentElement(), "testsuite");
    assertThat(suite.getAttribute("time")).isEqualTo("95.250");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-25T10:15:30");
    assertThat(elements(doc.getElementsByTagName("testcase")))
        .allSatisfy(c -> assertThat(Float.parseFloat(c.getAttribute("time"))).isZero());
  }

  @Test
  void failingCasesCarryTextForGitLabAndMessagesForJenkins() throws Exception {
    Document doc = parse(Fixtures.showcase());

    for (String tag : List.of("failure", "error", "skipped")) {
      assertThat(elements(doc.getElementsByTagName(tag))).isNotEmpty().allSatisfy(e -> {
        assertThat(e.getAttribute("message")).isNotBlank();
        assertThat(e.getTextContent()).isNotBlank();
        // GitLab reads this XML with Rails' Hash.from_xml, which treats type as a data type.
        assertThat(e.getAttribute("type")).satisfiesAnyOf(
            t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("resemble."));
      });
    }
  }

  @Test
  void hostileAndIllegalCharactersStayParseableAndReadable() throws Exception {
    Document doc = parse(Fixtures.hostile());

    assertThat(testcase(doc, Fixtures.XSS_IMG).getAttribute("classname")).isEqualTo("media");
    assertThat(child(testcase(doc, Fixtures.XSS_SCRIPT), "error").getAttribute("message"))
        .isEqualTo("could not judge: server said </script><script>window.__xss=4</script>");
    assertThat(testcase(doc, Fixtures.QUOTES)).isNotNull();
    Element control = testcase(doc, "media/bell\\u0007and\\u0000nul.wav");
    assertThat(child(control, "skipped").getAttribute("message"))
        .isEqualTo("unreadable:\\u0001 permission denied");
  }

  @Test
  void aThousandFilesMakeAThousandCases() throws Exception {
    Document doc = parse(Fixtures.thousandFiles());

    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1000);
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("failures")).isEqualTo(
        Integer.toString(Fixtures.thousandFiles().filesWith(Outcome.FLAGGED).size()));
    assertThat(root.getAttribute("errors")).isEqualTo(
        Integer.toString(Fixtures.thousandFiles().filesWith(Outcome.ERROR).size()));
  }
}
