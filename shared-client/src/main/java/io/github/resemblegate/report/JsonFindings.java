package io.github.resemblegate.report;

import static io.github.resemblegate.report.JsonFields.number;
import static io.github.resemblegate.report.JsonFields.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.client.Detection.Retention;
import io.github.resemblegate.client.Detection.ReverseSearchSource;
import io.github.resemblegate.gate.policy.Findings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's {@code findings} in {@code resemble-report.json} (schema 1.2): null when the API said
 * nothing beside the score, else an object with every key present.
 */
final class JsonFindings {

  private JsonFindings() {}

  static void write(JsonGenerator json, Findings f) throws IOException {
    if (f == null || f.isEmpty()) {
      json.writeNullField("findings");
      return;
    }
    json.writeObjectFieldStart("findings");
    json.writeStringField("intelligence", f.intelligence());
    json.writeStringField("sourceTracing", f.sourceTracing());
    json.writeArrayFieldStart("imageSources");
    for (ReverseSearchSource s : f.imageSources()) {
      json.writeStartObject();
      json.writeStringField("url", s.url());
      json.writeStringField("title", s.title());
      json.writeStringField("verdict", s.verdict());
      writeNumber(json, "similarity", s.similarity());
      json.writeStringField("reason", s.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("conclusion", f.conclusion());
    writeNumber(json, "certainty", f.certainty());
    Retention r = f.retention();
    json.writeBooleanField("zeroRetention", r.zeroRetention());
    json.writeBooleanField("mediaRedacted", r.mediaRedacted());
    json.writeBooleanField("mediaDeleted", r.mediaDeleted());
    json.writeStringField("fileDeletedAt", r.fileDeletedAt());
    json.writeEndObject();
  }

  /** The findings of a file entry; {@link Findings#NONE} in a 1.0 or 1.1 report. */
  static Findings read(JsonNode file) {
    JsonNode f = file.get("findings");
    if (f == null || !f.isObject()) {
      return Findings.NONE;
    }
    List<ReverseSearchSource> sources = new ArrayList<>();
    for (JsonNode s : f.path("imageSources")) {
      sources.add(new ReverseSearchSource(text(s, "url"), text(s, "title"), text(s, "reason"),
          text(s, "verdict"), number(s, "similarity")));
    }
    return new Findings(text(f, "intelligence"), text(f, "sourceTracing"), sources,
        text(f, "conclusion"), number(f, "certainty"),
        new Retention(f.path("zeroRetention").asBoolean(false),
            f.path("mediaRedacted").asBoolean(false), f.path("mediaDeleted").asBoolean(false),
            text(f, "fileDeletedAt")));
  }

  private static void writeNumber(JsonGenerator json, String name, Double value) throws IOException {
    if (value == null || !Double.isFinite(value)) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }
}
