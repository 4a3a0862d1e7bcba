package io.github.resemblegate.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the server's explanation out of an error body, shortened and safe to print. */
final class ErrorBodies {
  private static final int MAX_MESSAGE = 300;
  private static final int MAX_DETAILS = 4000;

  private ErrorBodies() {}

  /** {@code message}, else {@code error}, else the {@code errors} map flattened; null when none. */
  static String message(JsonNode root) {
    if (root == null || !root.isObject()) {
      return null;
    }
    String message = scalar(root.get("message"));
    if (message == null) {
      JsonNode error = root.get("error");
      message = error != null && error.isObject() ? scalar(error.get("message")) : scalar(error);
    }
    if (message == null) {
      message = flatten(root.get("errors"));
    }
    return message == null ? null : tidy(message);
  }

  /** The 402 body's {@code details} as compact JSON, or null. */
  static String costDetails(JsonNode root, ObjectMapper mapper) {
    JsonNode details = root == null || !root.isObject() ? null : root.get("details");
    if (details == null || details.isNull()) {
      return null;
    }
    try {
      String json = mapper.writeValueAsString(details);
      return json.length() > MAX_DETAILS ? json.substring(0, MAX_DETAILS) + "…" : json;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static JsonNode parse(String body, ObjectMapper mapper) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String flatten(JsonNode errors) {
    if (errors == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (errors.isObject()) {
      for (Map.Entry<String, JsonNode> field : errors.properties()) {
        String value = join(field.getValue());
        if (value != null) {
          parts.add(field.getKey() + " " + value);
        }
      }
    } else {
      String value = join(errors);
      if (value != null) {
        parts.add(value);
      }
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String join(JsonNode node) {
    if (node.isArray()) {
      List<String> values = new ArrayList<>();
      node.forEach(element -> {
        String s = scalar(element);
        if (s != null) {
          values.add(s);
        }
      });
      return values.isEmpty() ? null : String.join(", ", values);
    }
    return scalar(node);
  }

  private static String scalar(JsonNode node) {
    String s = JsonValues.text(node);
    return s == null || s.isBlank() ? null : s;
  }

  /** One line, no inline data, bounded length. */
  static String tidy(String message) {
    String s = message.replaceAll("(?i)data:[^\\s\"']+", "data:…")
        .replaceAll("[\\p{Cntrl}\\s]+", " ")
        .strip();
    return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
  }
}
