package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON block of the HTML report that its script sorts and filters the file table by. */
final class HtmlScriptData {

  private HtmlScriptData() {}

  /** The data the script sorts and filters by; row {@code i} is {@code files[i]}. */
  static String json(GateResult result, List<FileResult> files) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator json = JsonOut.compact(text)) {
      json.writeStartObject();
      json.writeArrayFieldStart("files");
      for (FileResult f : files) {
        json.writeStartObject();
        json.writeStringField("path", f.path());
        json.writeStringField("outcome", f.outcome().name());
        json.writeNumberField("rank", Outcomes.rank(f.outcome()));
        json.writeStringField("type", f.mediaType() == null ? "unknown" : f.mediaType().id());
        if (f.score() != null && Double.isFinite(f.score())) {
          json.writeNumberField("score", f.score());
        } else {
          json.writeNullField("score");
        }
        json.writeNumberField("threshold", f.threshold());
        json.writeStringField("text", String.join(" ", nonNull(f.path(), f.label(), f.reason(),
            f.detectId(), f.sha256(), f.waiver() == null ? null : f.waiver().reason())));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("status", result.decision().verdict().name());
      // What "Needs attention" selects: what the summaries list, no-speech files when they count.
      json.writeArrayFieldStart("attention");
      json.writeString("FLAGGED");
      json.writeString("ERROR");
      json.writeString("WARNED");
      if (Outcomes.noSpeechMatters(result.policy())) {
        json.writeString("NO_SPEECH");
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static List<String> nonNull(String... values) {
    return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
  }
}
