package io.github.resemblegate.gate.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one {@code ObjectMapper} for the gate's own files — cache entries, the journal, claim
 * notes — made on first use: creating one loads and sets up hundreds of classes (tens of
 * milliseconds in a fresh build JVM), which a run that reads or writes none of those files, such
 * as a build without media, never pays for. Thread-safe once made, and never reconfigured.
 */
public final class StoreJson {

  private StoreJson() {}

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** A field's text; null when it is missing or JSON null (older files lack newer fields). */
  public static String textOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Initialized by the JVM on the first call, exactly once. */
  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
