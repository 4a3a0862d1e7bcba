package io.github.resemblegate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to answer: status, body and headers, how long to hold it back, or a connection reset instead.
 */
record ApiResponse(
    int status, String contentType, String body, Map<String, String> headers, long delayMillis, boolean reset) {

  static final String JSON = "application/json; charset=utf-8";

  static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, JSON, body.toString(), Map.of(), 0, false);
  }

  /** {@code {"success": true, "item": item}}. */
  static ApiResponse item(int status, JsonNode item) {
    ObjectNode envelope = LooseJson.object();
    envelope.put("success", true);
    envelope.set("item", item);
    return json(status, envelope);
  }

  /** {@code {"success": false, "message": message}}. */
  static ApiResponse error(int status, String message) {
    return error(status, message, ErrorAnswer.Shape.MESSAGE);
  }

  /** An error body in one of the documented shapes. */
  static ApiResponse error(int status, String message, ErrorAnswer.Shape shape) {
    return new ErrorAnswer(status, shape, message).response();
  }

  static ApiResponse resetConnection() {
    return new ApiResponse(0, null, null, Map.of(), 0, true);
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiResponse(status, contentType, body, Map.copyOf(all), delayMillis, reset);
  }

  ApiResponse delayedBy(long millis) {
    return new ApiResponse(status, contentType, body, headers, delayMillis + Math.max(0, millis), reset);
  }
}
