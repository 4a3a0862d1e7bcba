package io.github.resemblegate.client.internal;

import static io.github.resemblegate.client.internal.JsonValues.field;
import static io.github.resemblegate.client.internal.JsonValues.integer;
import static io.github.resemblegate.client.internal.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resemblegate.client.BatchStatus;
import io.github.resemblegate.client.DetectBatch;
import io.github.resemblegate.client.DetectPage;
import io.github.resemblegate.client.Detection;
import io.github.resemblegate.client.SecureUpload;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the API's JSON into the client's records, tolerating the variations the documentation and
 * the field show: numbers as strings, labels in any case, nulls in chunk scores, ids with or
 * without hyphens, percentages where fractions are expected, unknown fields.
 */
final class ResponseParser {

  private ResponseParser() {}

  static DetectBatch batch(JsonNode root, String knownUuid) throws UnexpectedShapeException {
    JsonNode item = item(root, "batch");
    String uuid = text(item, "uuid");
    if (uuid == null || uuid.isBlank()) {
      if (knownUuid == null) {
        throw new UnexpectedShapeException("the batch in the answer has no uuid");
      }
      uuid = knownUuid;
    }
    List<String> detectUuids = new ArrayList<>();
    JsonNode ids = field(item, "detect_uuids");
    if (ids != null && ids.isArray()) {
      for (JsonNode id : ids) {
        String value = id.isObject() ? text(id, "uuid") : text(id);
        if (value != null && !value.isBlank()) {
          detectUuids.add(value);
        }
      }
    }
    Integer total = integer(field(item, "total_files"));
    return new DetectBatch(
        uuid,
        BatchStatus.fromApi(text(item, "status")),
        total == null ? detectUuids.size() : total,
        orZero(integer(field(item, "completed_count"))),
        orZero(integer(field(item, "failed_count"))),
        text(item, "created_at"),
        detectUuids);
  }

  static Detection detection(JsonNode root, String knownUuid) throws UnexpectedShapeException {
    Detection detection = DetectionReader.read(item(root, "detection"), knownUuid);
    if (detection.uuid() == null) {
      throw new UnexpectedShapeException("the detection in the answer has no uuid");
    }
    return detection;
  }

  static DetectPage page(JsonNode root) throws UnexpectedShapeException {
    JsonNode items = field(root, "items");
    if (items == null || !items.isArray()) {
      throw new UnexpectedShapeException("the answer has no 'items' list");
    }
    List<Detection> detections = new ArrayList<>();
    for (JsonNode item : items) {
      if (item.isObject()) {
        detections.add(DetectionReader.read(item, null));
      }
    }
    return new DetectPage(
        orZero(integer(field(root, "page"))),
        orZero(integer(field(root, "num_pages"))),
        orZero(integer(field(root, "page_size"))),
        orZero(integer(field(root, "total_count"))),
        detections);
  }

  static SecureUpload secureUpload(JsonNode root) throws UnexpectedShapeException {
    for (JsonNode node : new JsonNode[] {root, field(root, "item")}) {
      for (String name : new String[] {"token", "media_token"}) {
        String token = text(node, name);
        if (token != null && !token.isBlank()) {
          return new SecureUpload(token.strip());
        }
      }
    }
    throw new UnexpectedShapeException("the answer has no media token");
  }

  private static JsonNode item(JsonNode root, String what) throws UnexpectedShapeException {
    JsonNode item = field(root, "item");
    if (item != null && item.isObject()) {
      return item;
    }
    if (root != null && root.isObject() && root.has("uuid")) {
      return root;
    }
    throw new UnexpectedShapeException("the answer has no " + what + " 'item'");
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
