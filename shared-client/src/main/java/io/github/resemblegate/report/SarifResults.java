package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Findings;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code results} array of the SARIF run: one result per finding, up to a limit. */
final class SarifResults {

  private final SarifWriter.SourceRoot root;
  private final int maxResults;
  /** Occurrences of each rule and content so far, for the fingerprints' counter. */
  private final Map<String, Integer> occurrences = new HashMap<>();

  SarifResults(SarifWriter.SourceRoot root, int maxResults) {
    this.root = root;
    this.maxResults = maxResults;
  }

  /**
   * Writes the results as they are found and returns the notifications, which wait for the
   * invocation: the files that could not be checked, and the results left out, if any.
   */
  List<SarifNotification> write(JsonGenerator json, List<FileResult> files, GateResult result)
      throws IOException {
    List<SarifNotification> notifications = new ArrayList<>();
    int written = 0;
    int left = 0;
    json.writeArrayFieldStart("results");
    for (FileResult file : files) {
      SarifRule rule = SarifRule.of(file, result);
      if (rule != null) {
        if (written < maxResults) {
          writeResult(json, file, rule, rule.level(result));
          written++;
        } else {
          left++;
        }
      } else if (file.outcome() == Outcome.ERROR) {
        notifications.add(SarifNotification.error(file));
      }
    }
    json.writeEndArray();
    if (left > 0) {
      notifications.add(SarifNotification.truncated(left, maxResults));
    }
    return notifications;
  }

  private void writeResult(JsonGenerator json, FileResult file, SarifRule rule, String level)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", rule.id);
    json.writeNumberField("ruleIndex", rule.ordinal());
    json.writeStringField("level", level);
    SarifJson.text(json, "message", message(file, rule));
    json.writeArrayFieldStart("locations");
    SarifJson.location(json, file, root);
    json.writeEndArray();
    String identity = file.sha256() != null && !file.sha256().isBlank()
        ? file.sha256() : "path:" + file.path();
    int n = occurrences.merge(rule.id + identity, 1, Integer::sum);
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("primaryLocationLineHash", identity + ":" + n);
    if (file.sha256() != null && !file.sha256().isBlank()) {
      json.writeStringField("contentSha256/v1", file.sha256());
    }
    json.writeEndObject();
    if (Html.isWebUrl(file.dashboardUrl())) {
      json.writeStringField("hostedViewerUri", file.dashboardUrl());
    }
    json.writeObjectFieldStart("properties");
    if (file.score() != null && Double.isFinite(file.score())) {
      json.writeNumberField("score", file.score());
    }
    json.writeNumberField("threshold", file.threshold());
    SarifJson.writeIfSet(json, "scoreField", file.scoreField());
    SarifJson.writeIfSet(json, "label", file.label());
    json.writeStringField("mediaType", file.mediaType() == null ? "unknown"
        : file.mediaType().id());
    SarifJson.writeIfSet(json, "detectId", file.detectId());
    SarifJson.writeIfSet(json, "dashboardUrl", file.dashboardUrl());
    json.writeBooleanField("cached", file.cached());
    Findings found = file.findings();
    SarifJson.writeIfSet(json, "intelligence", found.intelligence());
    SarifJson.writeIfSet(json, "sourceTracing", found.sourceTracing());
    SarifJson.writeIfSet(json, "conclusion", found.conclusion());
    if (found.certainty() != null) {
      json.writeNumberField("certainty", found.certainty());
    }
    if (!found.imageSources().isEmpty()) {
      json.writeNumberField("imageSources", found.imageSources().size());
    }
    if (found.retention().mediaDeleted()) {
      json.writeBooleanField("mediaDeleted", true);
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * The finding in words, for SARIF's message and GitLab's issue description alike; what the API
   * said beside the score (the likely voice generator, its own verdict) follows in a sentence.
   */
  static String message(FileResult file, SarifRule rule) {
    List<String> found = FindingWords.headline(file.findings());
    return found.isEmpty() ? headline(file, rule) : headline(file, rule) + " "
        + String.join(" ", found);
  }

  private static String headline(FileResult file, SarifRule rule) {
    String score = ScoreFormat.score(file.score(), file.threshold());
    String threshold = ScoreFormat.threshold(file.threshold());
    return switch (rule) {
      case FLAGGED -> file.path() + " is likely synthetic: it scored " + score
          + ", at or above the threshold " + threshold + ".";
      case WARNED -> file.path() + " is possibly synthetic: it scored " + score
          + ", in the warn band below the threshold " + threshold + ".";
      case NO_SPEECH -> file.path() + " had no speech to judge."
          + (file.reason() == null ? "" : " " + file.reason());
    };
  }
}
