package io.github.resemblegate.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads loosely typed JSON values: the API sends the same field as a number in one place and as a
 * string in another, so every reader accepts both and answers null for anything else.
 */
final class JsonValues {

  private JsonValues() {}

  static JsonNode field(JsonNode node, String name) {
    return node == null || !node.isObject() ? null : node.get(name);
  }

  /** A scalar as text; null for null, objects and arrays. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode() || node.isMissingNode()) {
      return null;
    }
    return node.asText();
  }

  static String text(JsonNode parent, String name) {
    return text(field(parent, name));
  }

  /** A finite number from a JSON number or a numeric string ({@code 0.9}, {@code "0.9"}); else null. */
  static Double number(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      double d = node.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    if (node.isTextual()) {
      return parse(node.textValue().strip());
    }
    return null;
  }

  static Double number(JsonNode parent, String name) {
    return number(field(parent, name));
  }

  /**
   * A share as a fraction: {@code "90%"} and values above 1 (up to 100) are read as percentages,
   * since the API reports agreement and certainty either way.
   */
  static Double fraction(JsonNode node) {
    if (node != null && node.isTextual() && node.textValue().strip().endsWith("%")) {
      String s = node.textValue().strip();
      Double percent = parse(s.substring(0, s.length() - 1).strip());
      return percent == null ? null : inRange(percent / 100);
    }
    Double value = number(node);
    if (value == null) {
      return null;
    }
    return inRange(value > 1 ? value / 100 : value);
  }

  /** {@code "certainty (%)"} and its kin: always a percentage, with or without the % sign. */
  static Double percentAsFraction(JsonNode node) {
    if (node != null && node.isTextual()) {
      String s = node.textValue().strip();
      Double percent = parse(s.endsWith("%") ? s.substring(0, s.length() - 1).strip() : s);
      return percent == null ? null : inRange(percent / 100);
    }
    Double percent = number(node);
    return percent == null ? null : inRange(percent / 100);
  }

  static Integer integer(JsonNode node) {
    Double d = number(node);
    if (d == null || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      return null;
    }
    return d.intValue();
  }

  static boolean bool(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String s = text(node);
    return s != null && (s.strip().equalsIgnoreCase("true") || s.strip().equals("1"));
  }

  /** A label, lower-cased ({@code Fake} and {@code fake} are the same verdict); null when blank. */
  static String label(JsonNode node) {
    String s = text(node);
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A link worth keeping: inline {@code data:} URIs (heatmaps can be megabytes of base64) are
   * dropped here, so they are never stored, printed or logged.
   */
  static String link(JsonNode node) {
    String s = text(node);
    if (s == null || s.isBlank() || isDataUri(s)) {
      return null;
    }
    return s.strip();
  }

  static boolean isDataUri(String s) {
    return s.stripLeading().regionMatches(true, 0, "data:", 0, 5);
  }

  private static Double inRange(double fraction) {
    return fraction < 0 || fraction > 1 ? null : fraction;
  }

  private static Double parse(String s) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
