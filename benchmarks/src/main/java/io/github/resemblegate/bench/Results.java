package io.github.resemblegate.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a benchmark run found: one table row per measure with its target, and the raw
 * figures of each workload. Written as JSON for machines and Markdown for people.
 */
final class Results {

  /** How a measure compares with its target. */
  enum TargetCheck {
    MET("met"), MISSED("**missed**"), INFO("—");

    final String text;

    TargetCheck(String text) {
      this.text = text;
    }
  }

  /** One line of the table. */
  record Row(String workload, String measure, String value, String target, TargetCheck verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void row(String workload, String measure, String value, String target,
      TargetCheck check) {
    rows.add(new Row(workload, measure, value, target, check));
    System.out.printf("  %-4s %-52s %-28s %-26s %s%n", workload, measure, value, target,
        check == TargetCheck.INFO ? "" : check.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** A row with a pass/fail target. */
  void check(String workload, String measure, String value, String target, boolean met) {
    row(workload, measure, value, target, met ? TargetCheck.MET : TargetCheck.MISSED);
  }

  void info(String workload, String measure, String value) {
    row(workload, measure, value, "", TargetCheck.INFO);
  }

  synchronized void raw(String workload, String key, Object value) {
    raw.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(key, value);
  }

  synchronized void note(String text) {
    notes.add(text);
    System.out.println("  note: " + text);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  void write(Path json, Path markdown, Map<String, Object> machine, String command,
      String startedAt, double totalSeconds) throws IOException {
    ObjectNode root = BenchJson.MAPPER.createObjectNode();
    root.put("command", command);
    root.put("startedAt", startedAt);
    root.put("totalSeconds", Math.round(totalSeconds));
    root.set("machine", BenchJson.MAPPER.valueToTree(machine));
    root.set("rows", BenchJson.MAPPER.valueToTree(rows));
    root.set("workloads", BenchJson.MAPPER.valueToTree(raw));
    root.set("notes", BenchJson.MAPPER.valueToTree(notes));
    BenchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
    Files.writeString(markdown, markdown(machine, command, startedAt, totalSeconds),
        StandardCharsets.UTF_8);
  }

  String markdown(Map<String, Object> machine, String command, String startedAt,
      double totalSeconds) {
    StringBuilder md = new StringBuilder();
    md.append("Command: `").append(command).append("` — started ").append(startedAt)
        .append(", took ").append(Math.round(totalSeconds)).append(" s.\n\n");
    md.append("Machine: ");
    List<String> parts = new ArrayList<>();
    machine.forEach((k, v) -> parts.add(k + " " + v));
    md.append(String.join("; ", parts)).append(".\n\n");
    md.append("| Workload | Measure | Result | Target | |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(cell(r.workload())).append(" | ").append(cell(r.measure()))
          .append(" | ").append(cell(r.value())).append(" | ").append(cell(r.target()))
          .append(" | ").append(r.verdict().text).append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      for (String n : notes) {
        md.append("- ").append(n).append('\n');
      }
    }
    return md.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
