package io.github.resemblegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the shell lines of a CI template as the CI would: a GitHub composite action's {@code run}
 * steps with their {@code env} (inputs, the action's path, earlier steps' outputs), or a GitLab
 * job's {@code before_script} and {@code script} with its variables. Steps that use another
 * action ({@code uses:}) cannot run here: they are returned for the test to check what they would
 * be given. Only the expressions the templates use are understood; any other fails the test.
 */
final class CiJob {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The repository's root, where the templates are. */
  static Path repository() {
    return Path.of(System.getProperty("resemble.repository.root", "..")).toAbsolutePath()
        .normalize();
  }

  /** The built jar. */
  static Path jar() {
    return Path.of(System.getProperty("resemble.cli.jar", "target/resemble-gate.jar"))
        .toAbsolutePath().normalize();
  }

  static JsonNode read(Path template) throws IOException {
    return YAML.readTree(template.toFile());
  }

  /** What a GitHub job of the action did. */
  record ActionRun(int exitCode, String failedStep, Map<String, Map<String, String>> outputs,
      List<JsonNode> skippedUsesSteps, String summary, String log) {}

  /** Runs {@code action.yml} in {@code workspace} with {@code given} inputs. */
  static ActionRun action(JsonNode action, Path workspace, Map<String, String> given)
      throws IOException, InterruptedException {
    Map<String, String> inputs = new HashMap<>();
    action.get("inputs").properties().forEach(e ->
        inputs.put(e.getKey(), e.getValue().path("default").asText("")));
    inputs.putAll(given);
    Path runner = Files.createTempDirectory("github-runner");
    Path summary = Files.createFile(runner.resolve("step-summary.md"));
    Path jobEnvFile = Files.createFile(runner.resolve("env"));
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    List<JsonNode> uses = new java.util.ArrayList<>();
    StringBuilder log = new StringBuilder();
    int n = 0;
    for (JsonNode step : action.path("runs").path("steps")) {
      n++;
      if (step.has("uses")) {
        uses.add(step);
        continue;
      }
      Map<String, String> env = new HashMap<>(keyValues(jobEnvFile));
      Path output = Files.createFile(runner.resolve("output-" + n));
      step.path("env").properties().forEach(e -> env.put(e.getKey(),
          expand(e.getValue().asText(), inputs, outputs)));
      env.put("GITHUB_ENV", jobEnvFile.toString());
      env.put("GITHUB_OUTPUT", output.toString());
      env.put("GITHUB_STEP_SUMMARY", summary.toString());
      int code = bash(List.of("--noprofile", "--norc", "-eo", "pipefail"),
          step.get("run").asText(), workspace, env, log);
      outputs.put(step.path("id").asText("step-" + n), keyValues(output));
      if (code != 0) {
        return new ActionRun(code, step.path("name").asText(), outputs, uses,
            Files.readString(summary), log.toString());
      }
    }
    return new ActionRun(0, null, outputs, uses, Files.readString(summary), log.toString());
  }

  /** Runs a GitLab job's before_script and script in {@code workspace}; its exit status. */
  static int gitlab(JsonNode job, Path workspace, Map<String, String> variables,
      StringBuilder log) throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>();
    job.path("variables").properties().forEach(e -> env.put(e.getKey(),
        e.getValue().asText()));
    env.putAll(variables);
    StringBuilder script = new StringBuilder();
    for (String part : List.of("before_script", "script")) {
      for (JsonNode line : job.path(part)) {
        script.append(line.asText()).append('\n');
      }
    }
    return bash(List.of("-e"), script.toString(), workspace, env, log);
  }

  /** Evaluates the {@code ${{ ... }}} expressions the action's env mappings use. */
  static String expand(String text, Map<String, String> inputs,
      Map<String, Map<String, String>> outputs) {
    Matcher m = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expr = m.group(1);
      String value;
      if (expr.startsWith("inputs.")) {
        value = inputs.get(expr.substring("inputs.".length()));
      } else if (expr.equals("github.action_path")) {
        value = repository().toString();
      } else if (expr.matches("steps\\.[\\w-]+\\.outputs\\.[\\w-]+")) {
        String[] p = expr.split("\\.");
        value = outputs.getOrDefault(p[1], Map.of()).get(p[3]);
      } else {
        throw new AssertionError("The template uses an expression this test cannot evaluate: "
            + expr);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int bash(List<String> flags, String script, Path workspace,
      Map<String, String> env, StringBuilder log) throws IOException, InterruptedException {
    Path file = Files.createTempFile("ci-step", ".sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    List<String> command = new java.util.ArrayList<>(List.of("bash"));
    command.addAll(flags);
    command.add(file.toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(workspace.toFile())
        .redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("CI") || k.equals("NO_COLOR")
        || k.startsWith("RESEMBLE_"));
    // The java of this build, whatever is first on the machine's PATH.
    e.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + e.get("PATH"));
    e.putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the step did not finish: " + output);
    }
    log.append(output);
    return p.exitValue();
  }

  private static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }
}
