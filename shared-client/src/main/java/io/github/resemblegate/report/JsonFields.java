package io.github.resemblegate.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads one typed value out of a report's JSON, for {@link JsonReportReader}. */
final class JsonFields {

  private JsonFields() {}

  static Map<String, String> textMap(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object.properties().forEach(e -> map.put(e.getKey(),
          e.getValue().isNull() ? null : e.getValue().asText()));
    }
    return map;
  }

  static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  static Double number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isNumber() ? value.asDouble() : null;
  }

  static Instant instant(JsonNode node, String name) {
    String value = text(node, name);
    return value == null ? null : Instant.parse(value);
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  static <E extends Enum<E>> E optionalEnum(Class<E> type, JsonNode node, String name) {
    String value = text(node, name);
    return value == null ? null : enumValue(type, value, "policy." + name);
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
    if (value == null) {
      throw new IllegalArgumentException(where + " is missing.");
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is '" + value + "', which is not one of "
          + Arrays.toString(type.getEnumConstants()) + ".");
    }
  }
}
