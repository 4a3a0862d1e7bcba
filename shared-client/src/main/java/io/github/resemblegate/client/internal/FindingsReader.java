package io.github.resemblegate.client.internal;

import static io.github.resemblegate.client.internal.JsonValues.field;
import static io.github.resemblegate.client.internal.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.client.Detection.Findings;
import io.github.resemblegate.client.Detection.Intelligence;
import io.github.resemblegate.client.Detection.SourceTracing;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what a detection found beside its score: the {@code intelligence} report (its
 * {@code description} text or structured) and {@code audio_source_tracing}.
 */
final class FindingsReader {
  /** Intelligence text is shown in reports; a runaway description is cut here. */
  static final int MAX_TEXT = 4000;

  private FindingsReader() {}

  static Findings read(JsonNode item) {
    Intelligence intelligence = intelligence(field(item, "intelligence"));
    SourceTracing tracing = tracing(field(item, "audio_source_tracing"));
    return intelligence == null && tracing == null ? Findings.NONE
        : new Findings(intelligence, tracing);
  }

  private static Intelligence intelligence(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode description = field(node, "description");
    Map<String, String> details = new LinkedHashMap<>();
    String text = null;
    if (description != null && description.isObject()) {
      flatten("", description, details);
    } else {
      text = cut(text(description));
    }
    if ((text == null || text.isBlank()) && details.isEmpty()) {
      return null;
    }
    return new Intelligence(text(node, "uuid"), text, details, text(node, "created_at"));
  }

  /** Scalars as text, nested objects as {@code parent.child}, arrays joined; nulls left out. */
  private static void flatten(String prefix, JsonNode object, Map<String, String> into) {
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      String key = prefix + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject()) {
        flatten(key + ".", value, into);
      } else if (value.isArray()) {
        StringBuilder joined = new StringBuilder();
        value.forEach(v -> {
          String s = text(v);
          if (s != null && !s.isBlank()) {
            joined.append(joined.length() == 0 ? "" : ", ").append(s.strip());
          }
        });
        if (joined.length() > 0) {
          into.put(key, cut(joined.toString()));
        }
      } else {
        String s = text(value);
        if (s != null && !s.isBlank()) {
          into.put(key, cut(s.strip()));
        }
      }
    }
  }

  private static SourceTracing tracing(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    // The standalone tracing endpoint nests the same fields under "results".
    JsonNode results = field(node, "results");
    JsonNode source = results != null && results.isObject() ? results : node;
    String label = text(source, "label");
    String error = text(source, "error_message");
    if ((label == null || label.isBlank()) && (error == null || error.isBlank())) {
      return null;
    }
    return new SourceTracing(label == null || label.isBlank() ? null : label.strip(),
        error == null || error.isBlank() ? null : error.strip());
  }

  private static String cut(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
