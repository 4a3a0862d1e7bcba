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

  /**
   * The API's own words in an error body, whichever documented shape it takes: {@code message},
   * else {@code error} (text, or an object with a {@code message}), else {@code detail} (text);
   * followed by the itemised {@code errors} (a list, or a map of field to messages) or a
   * {@code detail} list, when the body has them. Null when the body says nothing.
   */
  static String message(JsonNode root) {
    if (root == null || !root.isObject()) {
      return null;
    }
    String headline = scalar(root.get("message"));
    if (headline == null) {
      JsonNode error = root.get("error");
      headline = error != null && error.isObject() ? entry(error) : scalar(error);
    }
    JsonNode detail = root.get("detail");
    if (headline == null && detail != null && !detail.isContainerNode()) {
      headline = scalar(detail);
    }
    String items = flatten(root.get("errors"));
    if (items == null && detail != null && detail.isContainerNode()) {
      items = flatten(detail);
    }
    String words = headline == null ? items
        : items == null || headline.contains(items) ? headline
        : headline.replaceAll("[.:\\s]+$", "") + ": " + items;
    return words == null ? null : tidy(words);
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

  /** A map of field to messages, a list of texts, or a list of objects each naming one problem. */
  private static String flatten(JsonNode errors) {
    if (errors == null || errors.isNull()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (errors.isObject()) {
      String single = entry(errors);
      if (single != null) {
        parts.add(single);
      } else {
        for (Map.Entry<String, JsonNode> field : errors.properties()) {
          String value = join(field.getValue());
          if (value != null) {
            parts.add(field.getKey() + " " + value);
          }
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
        String s = element.isObject() ? entry(element) : scalar(element);
        if (s != null) {
          values.add(s);
        }
      });
      return values.isEmpty() ? null : String.join(", ", values);
    }
    return node.isObject() ? entry(node) : scalar(node);
  }

  /**
   * One problem given as an object: its {@code message} (or {@code msg}, {@code detail},
   * {@code error}), after the field it names ({@code field}, {@code param}, or a {@code loc}
   * path) when there is one.
   */
  private static String entry(JsonNode object) {
    String text = null;
    for (String name : new String[] {"message", "msg", "detail", "error"}) {
      text = text == null ? scalar(object.get(name)) : text;
    }
    if (text == null) {
      return null;
    }
    String where = scalar(object.get("field"));
    where = where != null ? where : scalar(object.get("param"));
    JsonNode loc = object.get("loc");
    if (where == null && loc != null && loc.isArray()) {
      List<String> path = new ArrayList<>();
      loc.forEach(p -> {
        String s = scalar(p);
        if (s != null && !s.equals("body")) {
          path.add(s);
        }
      });
      where = path.isEmpty() ? null : String.join(".", path);
    }
    return where == null ? text : where + " " + text;
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
