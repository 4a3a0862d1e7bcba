package io.github.resemblegate.report;

import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.io.IOException;

/**
 * One file's {@code testcase} in {@code resemble-junit.xml}: its verdict in words as the message
 * both parsers show, the details below it, and the XML shapes a case is made of.
 */
final class JunitCase {

  private JunitCase() {}

  static void write(XmlOut xml, FileResult file, GateResult result)
      throws IOException {
    xml.text("\n    ");
    xml.start("testcase");
    attribute(xml, "classname", classname(file.path()));
    attribute(xml, "name", file.path());
    attribute(xml, "file", file.path());
    attribute(xml, "time", "0");
    String score = ScoreFormat.score(file.score(), file.threshold());
    String threshold = ScoreFormat.threshold(file.threshold());
    switch (file.outcome()) {
      case FLAGGED -> problem(xml, "failure", "resemble.flagged",
          "likely synthetic: scored " + score + ", at or above the threshold " + threshold
              + besideTheScore(file),
          details(file, file.path() + " is likely synthetic: it scored " + score
              + ", at or above the threshold " + threshold + "."));
      case ERROR -> problem(xml, "error", "resemble.error",
          "could not judge: " + file.errorReason(),
          details(file, file.path() + " could not be judged: " + file.errorReason() + "."));
      case NO_SPEECH -> {
        String message = "no speech to judge"
            + (file.reason() == null ? "" : ": " + file.reason());
        if (result.policy().onNoSpeech() == Reaction.FAIL) {
          problem(xml, "failure", "resemble.no-speech", message,
              details(file, file.path() + " had " + message + "; the policy fails on no speech."));
        } else {
          skipped(xml, message);
        }
      }
      case WAIVED -> skipped(xml, waived(file, score, threshold));
      case SKIPPED -> skipped(xml, reasonOr(file, "not sent"));
      case WARNED -> systemOut(xml, details(file, file.path() + " is possibly synthetic: it"
          + " scored " + score + ", in the warn band"
          + (result.policy().warnThreshold() == null ? ""
              : " from " + ScoreFormat.threshold(result.policy().warnThreshold()))
          + " below the threshold " + threshold + "."));
      case PASSED -> systemOut(xml, findings(new StringBuilder(file.path()
          + " is likely genuine: it scored " + score + ", below the threshold " + threshold + "."
          + (file.cached() ? " Judged earlier, from the cache." : "")), file).toString());
    }
    xml.end();
  }

  private static String waived(FileResult file, String score, String threshold) {
    StringBuilder s = new StringBuilder("waived");
    if (file.waiver() != null) {
      s.append(": ").append(file.waiver().reason());
      if (file.waiver().until() != null) {
        s.append("; until ").append(file.waiver().until());
      }
    } else if (file.reason() != null) {
      s.append(": ").append(file.reason());
    }
    if (file.score() != null) {
      s.append("; score ").append(score).append(", threshold ").append(threshold);
    }
    return s.toString();
  }

  /**
   * Multi-line text under a failure or error: the headline in words, then everything a reviewer
   * needs without the HTML, the API's own names last.
   */
  private static String details(FileResult file, String headline) {
    StringBuilder s = findings(new StringBuilder(headline), file);
    line(s, "Media type", file.mediaType() == null ? null : file.mediaType().id());
    line(s, "API label", file.label());
    line(s, "API score field", file.scoreField());
    if (!file.chunkScores().isEmpty()) {
      StringBuilder chunks = new StringBuilder();
      for (Double c : file.chunkScores()) {
        chunks.append(chunks.length() == 0 ? "" : " ").append(ScoreFormat.score(c));
      }
      line(s, "Chunk scores", chunks.toString());
    }
    line(s, "SHA-256", file.sha256());
    line(s, "Detection id", file.detectId());
    line(s, "Batch id", file.batchId());
    if (file.cached()) {
      line(s, "Cached", "yes, judged earlier: no API call in this run");
    }
    line(s, "Dashboard", file.dashboardUrl());
    return s.toString();
  }

  /** What the API said beside the score, a line each, below the headline. */
  private static StringBuilder findings(StringBuilder s, FileResult file) {
    for (String sentence : FindingWords.sentences(file.findings(), Integer.MAX_VALUE)) {
      s.append('\n').append(sentence);
    }
    return s;
  }

  /** The short findings after a failure's message: {@code ; likely voice generator: x}. */
  private static String besideTheScore(FileResult file) {
    StringBuilder s = new StringBuilder();
    for (String sentence : FindingWords.headline(file.findings())) {
      String clause = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1)
          : sentence;
      s.append("; ").append(Character.toLowerCase(clause.charAt(0))).append(clause.substring(1));
    }
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

  static void problem(XmlOut xml, String element, String type, String message,
      String text) throws IOException {
    xml.text("\n      ");
    xml.start(element);
    attribute(xml, "message", message);
    attribute(xml, "type", type);
    xml.text(XmlText.clean(text));
    xml.end();
    xml.text("\n    ");
  }

  private static void skipped(XmlOut xml, String message) throws IOException {
    xml.text("\n      ");
    xml.start("skipped");
    attribute(xml, "message", message);
    xml.text(XmlText.clean(message));
    xml.end();
    xml.text("\n    ");
  }

  private static void systemOut(XmlOut xml, String text) throws IOException {
    xml.text("\n      ");
    xml.start("system-out");
    xml.text(XmlText.clean(text));
    xml.end();
    xml.text("\n    ");
  }

  static void attribute(XmlOut xml, String name, String value)
      throws IOException {
    xml.attribute(name, XmlText.attribute(value));
  }

  /** {@code media/voice/a.wav} → {@code media.voice}; a file at the top → {@code (root)}. */
  static String classname(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "(root)" : path.substring(0, slash).replace('/', '.');
  }
}
