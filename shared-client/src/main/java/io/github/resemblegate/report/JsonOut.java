package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The report writers' JSON output: Jackson's streaming generator only. An {@code ObjectMapper}
 * would load and set up hundreds of classes (tens of milliseconds in a fresh build JVM) that
 * writing a known shape never needs.
 */
final class JsonOut {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonOut() {}

  /** Indented UTF-8 JSON into {@code out}, which the generator leaves open. */
  static JsonGenerator pretty(OutputStream out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    json.setPrettyPrinter(new DefaultPrettyPrinter());
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }

  /** Compact JSON into {@code out}. */
  static JsonGenerator compact(Writer out) throws IOException {
    return FACTORY.createGenerator(out);
  }
}
