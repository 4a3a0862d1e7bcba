package io.github.resemblegate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the parameter table of README.md in step with the plugin descriptor: every parameter of
 * the goal, with its user property and default, in descriptor order. When they drift, the table the
 * descriptor implies is written to target/readme-parameters.md to paste over the old one.
 */
class ReadmeParametersTest {

  private static final String START = "<!-- parameters:start -->";
  private static final String END = "<!-- parameters:end -->";
  private static final String NONE = "—";

  /**
   * The parameters Maven binds to no property, and what the table says instead: the property the
   * goal reads itself, or why there is none. A new parameter without a property must be added.
   */
  private static final Map<String, String> WITHOUT_PROPERTY = Map.of(
      "apiKey", "none, on purpose: a token after -D stays in shell history",
      "thresholds", "resemble.thresholds.audio, .image, .video",
      "waivers", "none: a list; -Dresemble.waivers names a waiver file");

  record Row(String name, String property, String defaultValue) {}

  @Test
  void theReadmeTableListsEveryParameterWithItsPropertyAndDefault() throws Exception {
    List<PluginDescriptor.Parameter> parameters = PluginDescriptor.load().parameters("detect");
    List<Row> expected = parameters.stream()
        .map(p -> new Row(p.name(), property(p), orNone(p.defaultValue())))
        .toList();
    List<Row> documented = readmeRows();

    if (!documented.equals(expected)) {
      Path suggestion = Path.of("target", "readme-parameters.md");
      Files.writeString(suggestion, table(parameters), StandardCharsets.UTF_8);
    }
    assertThat(documented)
        .as("README.md parameter table (a fresh one is in target/readme-parameters.md)")
        .containsExactlyElementsOf(expected);
  }

  @Test
  void everyDocumentedParameterHasADescription() throws Exception {
    for (String line : tableLines()) {
      String[] cells = cells(line);
      assertThat(cells[3]).as(cells[0]).isNotBlank();
    }
  }

  @Test
  void theAggregateGoalTakesTheSameParametersOnlyItsReportsGoElsewhere() throws Exception {
    PluginDescriptor descriptor = PluginDescriptor.load();
    List<PluginDescriptor.Parameter> detect = descriptor.parameters("detect");
    List<PluginDescriptor.Parameter> aggregate = descriptor.parameters("detect-aggregate");

    assertThat(aggregate).extracting(PluginDescriptor.Parameter::name)
        .containsExactlyElementsOf(detect.stream().map(PluginDescriptor.Parameter::name).toList());
    for (int i = 0; i < detect.size(); i++) {
      PluginDescriptor.Parameter d = detect.get(i);
      PluginDescriptor.Parameter a = aggregate.get(i);
      assertThat(a.property()).as(d.name()).isEqualTo(d.property());
      if (!d.name().equals("reportsDirectory")) {
        assertThat(a.defaultValue()).as(d.name()).isEqualTo(d.defaultValue());
      }
    }
    assertThat(readme()).contains(
        aggregate.stream().filter(p -> p.name().equals("reportsDirectory")).findFirst().orElseThrow()
            .defaultValue());
  }

  @Test
  void theGoalsAreThreadSafeAndDetectNeedsNoProjectNorNetworkFlag() throws Exception {
    PluginDescriptor descriptor = PluginDescriptor.load();

    assertThat(descriptor.goals()).containsExactlyInAnyOrder("detect", "detect-aggregate",
        "help", "merge");
    assertThat(descriptor.attribute("detect", "threadSafe")).isEqualTo("true");
    assertThat(descriptor.attribute("detect", "requiresProject")).isEqualTo("false");
    assertThat(descriptor.attribute("detect", "requiresOnline")).isEqualTo("false");
    assertThat(descriptor.attribute("detect", "phase")).isEqualTo("verify");
    assertThat(descriptor.attribute("detect-aggregate", "aggregator")).isEqualTo("true");
    assertThat(descriptor.attribute("detect-aggregate", "threadSafe")).isEqualTo("true");
    assertThat(descriptor.attribute("merge", "threadSafe")).isEqualTo("true");
    assertThat(descriptor.attribute("merge", "requiresProject")).isEqualTo("false");
  }

  /** The Property cell: the descriptor's property, else the reason there is none. */
  private static String property(PluginDescriptor.Parameter p) {
    if (p.property() != null) {
      return p.property();
    }
    assertThat(WITHOUT_PROPERTY).as("why %s has no property", p.name()).containsKey(p.name());
    return WITHOUT_PROPERTY.get(p.name());
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }

  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
  }

  private static List<String> tableLines() throws Exception {
    String readme = readme();
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README.md has " + START).isNotNegative();
    assertThat(end).as("README.md has " + END).isGreaterThan(start);
    List<String> lines = new ArrayList<>();
    for (String line : readme.substring(start + START.length(), end).split("\n")) {
      String l = line.strip();
      if (l.startsWith("|") && !l.startsWith("| Parameter") && !l.startsWith("|---")) {
        lines.add(l);
      }
    }
    return lines;
  }

  private static List<Row> readmeRows() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String line : tableLines()) {
      String[] c = cells(line);
      rows.add(new Row(unquote(c[0]), c[1].replace("`", ""), unquote(c[2])));
    }
    return rows;
  }

  /** Splits a Markdown table row; a {@code \|} inside a cell is not a separator. */
  private static String[] cells(String line) {
    String inner = line.substring(1, line.length() - 1);
    String[] parts = inner.split("(?<!\\\\)\\|", -1);
    String[] cells = new String[4];
    for (int i = 0; i < 4; i++) {
      cells[i] = i < parts.length ? parts[i].strip() : "";
    }
    return cells;
  }

  private static String unquote(String cell) {
    String c = cell.strip();
    return c.startsWith("`") && c.endsWith("`") && c.length() > 1 ? c.substring(1, c.length() - 1) : c;
  }

  private static String table(List<PluginDescriptor.Parameter> parameters) {
    StringBuilder sb = new StringBuilder("| Parameter | Property | Default | Description |\n");
    sb.append("|---|---|---|---|\n");
    for (PluginDescriptor.Parameter p : parameters) {
      sb.append("| `").append(p.name()).append("` | ")
          .append(p.property() == null ? WITHOUT_PROPERTY.getOrDefault(p.name(), NONE)
              : "`" + p.property() + "`").append(" | ")
          .append(p.defaultValue() == null ? NONE : "`" + p.defaultValue() + "`").append(" | ")
          .append(p.description().replace("|", "\\|").replace("<", "&lt;")).append(" |\n");
    }
    return sb.toString();
  }
}
