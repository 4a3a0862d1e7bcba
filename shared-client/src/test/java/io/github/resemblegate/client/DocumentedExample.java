package io.github.resemblegate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One response body the Detect API's documentation publishes, kept as a test resource under
 * {@code documented/} with where it was found.
 *
 * @param source the page or repository file it comes from
 * @param status the HTTP status it is answered with
 */
record DocumentedExample(String name, String source, String endpoint, int status, JsonNode body) {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static DocumentedExample load(String name) {
    try (InputStream in = DocumentedExample.class.getResourceAsStream("documented/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No documented example " + name);
      }
      JsonNode root = MAPPER.readTree(in);
      return new DocumentedExample(name, root.get("source").asText(),
          root.get("endpoint").asText(), root.get("status").asInt(), root.get("body"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as the API would send it. */
  String text() {
    return body.toString();
  }

  /** The body's {@code item}. */
  JsonNode item() {
    return body.get("item");
  }
}
