package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import java.io.IOException;
import java.util.stream.Stream;

/**
 * A tool execution notification: a problem of the tool itself, not a finding about a file's
 * content. {@code file} gives it a location, when it has one.
 */
record SarifNotification(String level, String id, String text, FileResult file) {

  /** A file that could not be checked. */
  static SarifNotification error(FileResult file) {
    return new SarifNotification("error", "resemble/error",
        file.path() + " could not be judged: " + file.errorReason() + ".", file);
  }

  /** The run stopped before its verdict: the sentence, then why, whole. */
  static SarifNotification incomplete(GateResult result) {
    String text = String.join(" ", Stream.concat(Stream.of(result.decision().sentence()),
        result.notices().stream()).toList());
    return new SarifNotification("error", "resemble/incomplete", text, null);
  }

  /** Results left out because GitHub accepts no more than {@code maxResults} per run. */
  static SarifNotification truncated(int left, int maxResults) {
    return new SarifNotification("warning", "resemble/truncated",
        left + " more results were left out: GitHub code scanning accepts at most "
            + maxResults + " results per run. resemble-report.json lists every file.", null);
  }

  void write(JsonGenerator json, SarifWriter.SourceRoot root) throws IOException {
    json.writeStartObject();
    json.writeStringField("level", level);
    json.writeObjectFieldStart("descriptor");
    json.writeStringField("id", id);
    json.writeEndObject();
    SarifJson.text(json, "message", text);
    if (file != null) {
      json.writeArrayFieldStart("locations");
      SarifJson.location(json, file, root);
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
