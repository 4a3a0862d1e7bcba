package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes {@code resemble-junit.xml}: one {@code testcase} per file, so Jenkins' {@code junit}
 * step and GitLab's test reports show each media file as a test.
 *
 * <p>What the two parsers need, and what this writer does for it:
 * <ul>
 *   <li>Jenkins splits {@code classname} at its last dot into package and class, so the folder
 *       becomes {@code media.voice} (files at the top get {@code (root)}); GitLab shows
 *       {@code classname} as the suite.</li>
 *   <li>Jenkins reads the {@code message} attribute of {@code failure}/{@code error}/{@code
 *       skipped}; GitLab shows only the element's text. Both are written.</li>
 *   <li>GitLab reads the XML through Rails' {@code Hash.from_xml}, which treats an attribute
 *       called {@code type} as a data type ({@code integer}, {@code yaml}, ...) and rejects some;
 *       our {@code type} values are {@code resemble.*}, which it leaves alone.</li>
 *   <li>{@code time} is in seconds with a dot. Per-file times are unknown (a batch is judged as a
 *       whole), so test cases carry 0 and the suite carries the run's duration.</li>
 * </ul>
 * FLAGGED is a failure, ERROR an error; SKIPPED and WAIVED are skipped with their reason;
 * NO_SPEECH is skipped (there is nothing to judge) unless the policy fails on it, then a failure;
 * WARNED passes with a note, since the warn band alone does not fail anything in a test view.
 */
final class JunitXmlWriter implements ReportWriter {

  static final String SUITE_NAME = "resemble-gate";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    XmlOut xml = new XmlOut(out);
    xml.startDocument();
    xml.text("\n");
    writeDocument(xml, result);
    xml.text("\n");
    xml.flush();
  }

  private void writeDocument(XmlOut xml, GateResult result) throws IOException {
    List<FileResult> files = Outcomes.inReportOrder(result);
    boolean incomplete = RunState.of(result) == RunState.INCOMPLETE;
    Counts counts = Counts.of(files, result).plusRunError(incomplete);
    String time = seconds(result.run());

    xml.start("testsuites");
    JunitCase.attribute(xml, "name", "Resemble Gate");
    counts.writeTo(xml);
    JunitCase.attribute(xml, "time", time);

    xml.text("\n  ");
    xml.start("testsuite");
    JunitCase.attribute(xml, "name", SUITE_NAME);
    counts.writeTo(xml);
    JunitCase.attribute(xml, "time", time);
    if (result.run().startedAt() != null) {
      JunitCase.attribute(xml, "timestamp",
          TIMESTAMP.format(result.run().startedAt().truncatedTo(ChronoUnit.SECONDS)));
    }
    writeProperties(xml, result);
    if (incomplete) {
      writeIncompleteRun(xml, result);
    }
    for (FileResult file : files) {
      JunitCase.write(xml, file, result);
    }
    xml.text("\n  ");
    xml.end();
    xml.text("\n");
    xml.end();
  }

  /**
   * A run that did not complete is one test case in error, so a test view turns red even when no
   * file was matched yet (and Jenkins' junit step finds a result to read).
   */
  private void writeIncompleteRun(XmlOut xml, GateResult result) throws IOException {
    xml.text("\n    ");
    xml.start("testcase");
    JunitCase.attribute(xml, "classname", SUITE_NAME);
    JunitCase.attribute(xml, "name", "run");
    JunitCase.attribute(xml, "time", "0");
    JunitCase.problem(xml, "error", "resemble.incomplete", result.decision().sentence(),
        String.join("\n", Stream.concat(Stream.of(result.decision().sentence()),
            result.notices().stream()).toList()));
    xml.end();
  }

  private void writeProperties(XmlOut xml, GateResult result) throws IOException {
    xml.text("\n    ");
    xml.start("properties");
    property(xml, "resemble.toolVersion", result.run().toolVersion());
    property(xml, "resemble.apiUrl", Redaction.url(result.run().apiUrl()));
    property(xml, "resemble.threshold", ScoreFormat.threshold(result.policy().threshold()));
    property(xml, "resemble.status", RunState.of(result).status(result));
    property(xml, "resemble.verdict", RunState.of(result).word(result));
    property(xml, "resemble.message", result.decision().sentence());
    xml.text("\n    ");
    xml.end();
  }

  private void property(XmlOut xml, String name, String value) throws IOException {
    if (value == null) {
      return;
    }
    xml.text("\n      ");
    xml.empty("property");
    JunitCase.attribute(xml, "name", name);
    JunitCase.attribute(xml, "value", value);
  }

  private static String seconds(RunInfo run) {
    if (run.startedAt() == null || run.finishedAt() == null
        || run.finishedAt().isBefore(run.startedAt())) {
      return "0";
    }
    Duration d = Duration.between(run.startedAt(), run.finishedAt());
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }

  /** The four counts both parsers compare with the cases they find. */
  private record Counts(int tests, int failures, int errors, int skipped) {

    static Counts of(List<FileResult> files, GateResult result) {
      boolean noSpeechFails = result.policy().onNoSpeech() == Reaction.FAIL;
      int failures = 0;
      int errors = 0;
      int skipped = 0;
      for (FileResult f : files) {
        Outcome o = f.outcome();
        if (o == Outcome.FLAGGED || (o == Outcome.NO_SPEECH && noSpeechFails)) {
          failures++;
        } else if (o == Outcome.ERROR) {
          errors++;
        } else if (o == Outcome.SKIPPED || o == Outcome.WAIVED || o == Outcome.NO_SPEECH) {
          skipped++;
        }
      }
      return new Counts(files.size(), failures, errors, skipped);
    }

    /** One more test in error: the run itself, when it did not complete. */
    Counts plusRunError(boolean incomplete) {
      return incomplete ? new Counts(tests + 1, failures, errors + 1, skipped) : this;
    }

    void writeTo(XmlOut xml) throws IOException {
      xml.attribute("tests", Integer.toString(tests));
      xml.attribute("failures", Integer.toString(failures));
      xml.attribute("errors", Integer.toString(errors));
      xml.attribute("skipped", Integer.toString(skipped));
    }
  }
}
