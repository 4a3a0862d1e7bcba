package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.policy.FileResult;
import java.io.IOException;

/** The small shapes SARIF repeats: a text object, a file's location, an optional string. */
final class SarifJson {

  private SarifJson() {}

  /** {@code "name": {"text": text}}, SARIF's message and description shape. */
  static void text(JsonGenerator json, String name, String text) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  static void writeIfSet(JsonGenerator json, String name, String value) throws IOException {
    if (value != null && !value.isBlank()) {
      json.writeStringField(name, value);
    }
  }

  /** The file's location below {@code %SRCROOT%}, with the line-1 region GitHub requires. */
  static void location(JsonGenerator json, FileResult file, SarifWriter.SourceRoot root)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", root.uri(file.path()));
    json.writeStringField("uriBaseId", SarifWriter.SRCROOT);
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", 1);
    json.writeNumberField("startColumn", 1);
    json.writeNumberField("endLine", 1);
    json.writeNumberField("endColumn", 1);
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }
}
