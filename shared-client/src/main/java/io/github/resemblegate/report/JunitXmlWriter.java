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
    Counts counts = Counts.of(files, result);
    String time = seconds(result.run());

    xml.start("testsuites");
    attribute(xml, "name", "Resemble Gate");
    counts.writeTo(xml);
    attribute(xml, "time", time);

    xml.text("\n  ");
    xml.start("testsuite");
    attribute(xml, "name", SUITE_NAME);
    counts.writeTo(xml);
    attribute(xml, "time", time);
    if (result.run().startedAt() != null) {
      attribute(xml, "timestamp",
          TIMESTAMP.format(result.run().startedAt().truncatedTo(ChronoUnit.SECONDS)));
    }
    writeProperties(xml, result);
    for (FileResult file : files) {
      writeCase(xml, file, result);
    }
    xml.text("\n  ");
    xml.end();
    xml.text("\n");
    xml.end();
  }

  private void writeProperties(XmlOut xml, GateResult result) throws IOException {
    xml.text("\n    ");
    xml.start("properties");
    property(xml, "resemble.toolVersion", result.run().toolVersion());
    property(xml, "resemble.apiUrl", Redaction.url(result.run().apiUrl()));
    property(xml, "resemble.threshold", ScoreFormat.threshold(result.policy().threshold()));
    property(xml, "resemble.status", result.decision().verdict().name());
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
    attribute(xml, "name", name);
    attribute(xml, "value", value);
  }

  private void writeCase(XmlOut xml, FileResult file, GateResult result)
      throws IOException {
    xml.text("\n    ");
    xml.start("testcase");
    attribute(xml, "classname", classname(file.path()));
    attribute(xml, "name", file.path());
    attribute(xml, "file", file.path());
    attribute(xml, "time", "0");
    String score = ScoreFormat.score(file.score(), file.threshold());
    String threshold = ScoreFormat.threshold(file.threshold());
    String from = file.scoreField() == null ? "" : " (" + file.scoreField() + ")";
    switch (file.outcome()) {
      case FLAGGED -> problem(xml, "failure", "resemble.flagged",
          "score " + score + " ≥ threshold " + threshold + from
              + (file.label() == null ? "" : ", label " + file.label()),
          details(file, file.path() + " scored " + score + from
              + ", at or above the threshold " + threshold + "."));
      case ERROR -> problem(xml, "error", "resemble.error", file.errorReason(),
          details(file, file.path() + " could not be checked: " + file.errorReason() + "."));
      case NO_SPEECH -> {
        String message = "no speech found, nothing to judge"
            + (file.reason() == null ? "" : ": " + file.reason());
        if (result.policy().onNoSpeech() == Reaction.FAIL) {
          problem(xml, "failure", "resemble.no-speech", message,
              details(file, file.path() + ": " + message + " (the policy fails on no speech)."));
        } else {
          skipped(xml, message);
        }
      }
      case WAIVED -> skipped(xml, waived(file, score, threshold));
      case SKIPPED -> skipped(xml, reasonOr(file, "not submitted"));
      case WARNED -> systemOut(xml, details(file, file.path() + " scored " + score + from
          + ", in the warn band"
          + (result.policy().warnThreshold() == null ? ""
              : " (at or above " + ScoreFormat.threshold(result.policy().warnThreshold()) + ")")
          + " but below the threshold " + threshold + "."));
      case PASSED -> systemOut(xml, file.path() + " scored " + score + from
          + ", below the threshold " + threshold + "." + (file.cached() ? " (cached result)" : ""));
    }
    xml.end();
  }

  private static String waived(FileResult file, String score, String threshold) {
    StringBuilder s = new StringBuilder("waived");
    if (file.waiver() != null) {
      s.append(": ").append(file.waiver().reason());
      if (file.waiver().until() != null) {
        s.append(" (until ").append(file.waiver().until()).append(')');
      }
    } else if (file.reason() != null) {
      s.append(": ").append(file.reason());
    }
    if (file.score() != null) {
      s.append("; score ").append(score).append(", threshold ").append(threshold);
    }
    return s.toString();
  }

  /** Multi-line text under a failure or error: everything a reviewer needs without the HTML. */
  private static String details(FileResult file, String headline) {
    StringBuilder s = new StringBuilder(headline);
    line(s, "Media type", file.mediaType() == null ? null : file.mediaType().id());
    line(s, "Label", file.label());
    if (!file.chunkScores().isEmpty()) {
      StringBuilder chunks = new StringBuilder();
      for (Double c : file.chunkScores()) {
        chunks.append(chunks.length() == 0 ? "" : " ").append(ScoreFormat.score(c));
      }
      line(s, "Chunk scores", chunks.toString());
    }
    line(s, "SHA-256", file.sha256());
    line(s, "Detect id", file.detectId());
    line(s, "Batch id", file.batchId());
    if (file.cached()) {
      line(s, "Cached", "yes (no API call in this run)");
    }
    line(s, "Dashboard", file.dashboardUrl());
    return s.toString();
  }

  private static void line(StringBuilder s, String name, String value) {
    if (value != null && !value.isBlank()) {
      s.append('\n').append(name).append(": ").append(value);
    }
  }

  private static String reasonOr(FileResult file, String fallback) {
    return file.reason() == null || file.reason().isBlank() ? fallback : file.reason();
  }

  private void problem(XmlOut xml, String element, String type, String message,
      String text) throws IOException {
    xml.text("\n      ");
    xml.start(element);
    attribute(xml, "message", message);
    attribute(xml, "type", type);
    xml.text(XmlText.clean(text));
    xml.end();
    xml.text("\n    ");
  }

  private void skipped(XmlOut xml, String message) throws IOException {
    xml.text("\n      ");
    xml.start("skipped");
    attribute(xml, "message", message);
    xml.text(XmlText.clean(message));
    xml.end();
    xml.text("\n    ");
  }

  private void systemOut(XmlOut xml, String text) throws IOException {
    xml.text("\n      ");
    xml.start("system-out");
    xml.text(XmlText.clean(text));
    xml.end();
    xml.text("\n    ");
  }

  private static void attribute(XmlOut xml, String name, String value)
      throws IOException {
    xml.attribute(name, XmlText.attribute(value));
  }

  /** {@code media/voice/a.wav} → {@code media.voice}; a file at the top → {@code (root)}. */
  static String classname(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "(root)" : path.substring(0, slash).replace('/', '.');
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

    void writeTo(XmlOut xml) throws IOException {
      xml.attribute("tests", Integer.toString(tests));
      xml.attribute("failures", Integer.toString(failures));
      xml.attribute("errors", Integer.toString(errors));
      xml.attribute("skipped", Integer.toString(skipped));
    }
  }
}
