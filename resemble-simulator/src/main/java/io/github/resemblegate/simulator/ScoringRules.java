package io.github.resemblegate.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of {@link ScoringRule}s; the first whose glob matches a file name decides its
 * result. Unless built with {@link #only}, the built-in defaults follow your rules:
 *
 * <ol>
 *   <li>{@code *fake*} → score 0.97, label fake
 *   <li>{@code *silent*} → audio {@code aggregated_score} -1 (no speech)
 *   <li>{@code *corrupt*} → detect {@code failed} with an {@code error_message}
 *   <li>anything else → score 0.04, label real
 * </ol>
 *
 * <p>The JSON file format is described in the module README.
 */
public final class ScoringRules {

  /** The score of a file no rule matches. */
  public static final double REAL_SCORE = 0.04;

  private static final List<ScoringRule> DEFAULTS =
      List.of(
          ScoringRule.scoring("*fake*", 0.97),
          ScoringRule.scoring("*silent*", -1.0).withLabel("real"),
          ScoringRule.failing("*corrupt*", "Media could not be decoded: the file is corrupt"),
          ScoringRule.scoring("*", REAL_SCORE));

  private static final Set<String> RULE_FIELDS =
      Set.of("match", "score", "label", "status", "error_message", "processing_ms", "numbers",
          "omit", "get_error", "intelligence", "source_tracing");

  private final List<ScoringRule> rules;

  private ScoringRules(List<ScoringRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The built-in rules alone. */
  public static ScoringRules defaults() {
    return new ScoringRules(DEFAULTS);
  }

  /** Your rules first, then the built-in defaults. */
  public static ScoringRules of(ScoringRule... rules) {
    List<ScoringRule> all = new ArrayList<>(List.of(rules));
    all.addAll(DEFAULTS);
    return new ScoringRules(all);
  }

  /** Only your rules; a file none matches scores {@value #REAL_SCORE}, label real. */
  public static ScoringRules only(ScoringRule... rules) {
    return new ScoringRules(List.of(rules));
  }

  /** Reads a JSON rules file; a mistake in it is reported as one sentence naming the file. */
  public static ScoringRules load(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("The rules file " + file + " does not exist.");
    } catch (IOException e) {
      throw new IllegalArgumentException("The rules file " + file + " cannot be read: " + e.getMessage());
    }
    try {
      return parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("In the rules file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses rules from JSON text in the rules-file format. */
  public static ScoringRules parse(String json) {
    JsonNode root;
    try {
      root = LooseJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the rules are not valid JSON (line " + e.getLocation().getLineNr() + ").");
    }
    if (root == null || !root.isObject() || !root.path("rules").isArray()) {
      throw new IllegalArgumentException(
          "expected an object with a \"rules\" array, e.g. {\"rules\": [{\"match\": \"*fake*\", \"score\": 0.97}]}.");
    }
    List<ScoringRule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("rules")) {
      index++;
      rules.add(parseRule(node, index));
    }
    boolean replaceDefaults = root.path("replace_defaults").asBoolean(false);
    if (!replaceDefaults) {
      rules.addAll(DEFAULTS);
    }
    return new ScoringRules(rules);
  }

  private static ScoringRule parseRule(JsonNode node, int index) {
    String where = "rule " + index;
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object.");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!RULE_FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            where + " has an unknown field \"" + name + "\"; known fields are " + RULE_FIELDS + ".");
      }
    }
    String match = node.path("match").asText("");
    if (match.isBlank()) {
      throw new IllegalArgumentException(where + " has no \"match\" glob.");
    }
    String status = node.path("status").asText("completed");
    boolean failed =
        switch (status) {
          case "completed" -> false;
          case "failed" -> true;
          default ->
              throw new IllegalArgumentException(
                  where + " has status \"" + status + "\"; use \"completed\" or \"failed\".");
        };
    JsonNode scoreNode = node.path("score");
    if (!scoreNode.isMissingNode() && !scoreNode.isNumber()) {
      throw new IllegalArgumentException(where + " has a score that is not a number.");
    }
    double score = scoreNode.isNumber() ? scoreNode.asDouble() : REAL_SCORE;
    String label = node.hasNonNull("label") ? node.get("label").asText() : null;
    String errorMessage = node.hasNonNull("error_message") ? node.get("error_message").asText() : null;
    Duration processing = null;
    if (node.has("processing_ms")) {
      JsonNode ms = node.get("processing_ms");
      if (!ms.canConvertToLong() || ms.asLong() < 0) {
        throw new IllegalArgumentException(where + " has a processing_ms that is not a whole number ≥ 0.");
      }
      processing = Duration.ofMillis(ms.asLong());
    }
    try {
      return new ScoringRule(match, score, label, failed, errorMessage, processing, answer(node));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** The answer variant fields of a rule: numbers, omit, get_error, intelligence, source_tracing. */
  private static ScoringRule.Answer answer(JsonNode node) {
    ScoringRule.Answer answer = ScoringRule.Answer.DOCUMENTED;
    if (node.hasNonNull("numbers")) {
      answer = answer.withNumbers(choice(ScoringRule.Numbers.class, node.get("numbers").asText(),
          "numbers", "documented, strings or numbers"));
    }
    if (node.has("omit")) {
      JsonNode omit = node.get("omit");
      if (!omit.isArray()) {
        throw new IllegalArgumentException("omit must be a list of field names, e.g. [\"status\"].");
      }
      List<String> fields = new ArrayList<>();
      omit.forEach(f -> fields.add(f.asText()));
      answer = answer.omitting(fields.toArray(String[]::new));
    }
    if (node.has("get_error")) {
      JsonNode error = node.get("get_error");
      if (!error.isObject() || !error.path("status").canConvertToInt()) {
        throw new IllegalArgumentException("get_error must be an object with a status, e.g."
            + " {\"status\": 404}.");
      }
      answer = answer.withError(new ErrorAnswer(error.get("status").asInt(),
          error.hasNonNull("shape") ? ErrorAnswer.Shape.parse(error.get("shape").asText()) : null,
          error.hasNonNull("message") ? error.get("message").asText() : null));
    }
    if (node.hasNonNull("intelligence")) {
      answer = answer.withIntelligence(choice(ScoringRule.IntelligenceForm.class,
          node.get("intelligence").asText(), "intelligence", "text or structured"));
    }
    if (node.hasNonNull("source_tracing")) {
      answer = answer.withSourceTracing(node.get("source_tracing").asText());
    }
    return answer;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String text, String field,
      String allowed) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is \"" + text + "\"; use " + allowed + ".");
    }
  }

  /** The rules in the order they are tried. */
  public List<ScoringRule> rules() {
    return rules;
  }

  /** The first rule matching {@code fileName}; a real-scoring catch-all when none does. */
  ScoringRule match(String fileName) {
    for (ScoringRule rule : rules) {
      if (rule.matches(fileName)) {
        return rule;
      }
    }
    return ScoringRule.scoring("*", REAL_SCORE);
  }

  @Override
  public String toString() {
    return "ScoringRules" + rules;
  }
}
