package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Reaction;
import java.io.IOException;

/**
 * The SARIF rules, one per kind of finding, in the order of {@code tool.driver.rules}. Each has a
 * {@code security-severity} (GitHub: 7.0 to 8.9 is high, 4.0 to 6.9 medium, 0.1 to 3.9 low) and the
 * {@code security} tag GitHub requires before it reads one: synthetic media shipped as genuine is
 * a matter of trust, reviewed as security alerts are.
 */
enum SarifRule {
  FLAGGED("resemble/flagged", "LikelySynthetic", "error", "8.0",
      "Media file scored at or above the deepfake threshold",
      "Resemble's Detect API gave this media file a deepfake score at or above the threshold "
          + "the build uses, so it is likely synthetic or manipulated.",
      "The file scored at or above the threshold: Resemble's Detect API considers it likely "
          + "AI-generated or manipulated. Review the file (the HTML report shows where in an "
          + "audio clip the high scores are). If it is synthetic on purpose, add a waiver with a "
          + "reason, keyed by its SHA-256 so a changed file is checked again; otherwise replace "
          + "it with an authentic recording."),
  WARNED("resemble/warned", "PossiblySynthetic", "warning", "5.0",
      "Media file scored in the warn band below the threshold",
      "Resemble's Detect API gave this media file a deepfake score in the configured warn band: "
          + "below the failing threshold, but high enough to deserve a look.",
      "The score is below the threshold, so the build does not fail on it, but it is inside "
          + "the warn band. Listen to or look at the file; raise the warn threshold if such "
          + "scores are expected for this kind of media."),
  NO_SPEECH("resemble/no-speech", "NoSpeech", "warning", "2.0",
      "Audio file had no speech to judge",
      "Resemble's Detect API found no speech in this audio file, so it could not say whether "
          + "the voice is synthetic; the policy counts such files.",
      "The detector judges voices; this file had none it could hear. If the file should "
          + "contain speech, check that it is not silent or corrupt. If silence is expected, "
          + "set onNoSpeech to IGNORE.");

  final String id;
  final String name;
  final String level;
  /** A number from 0.0 to 10.0, as a string: GitHub's form. */
  final String securitySeverity;
  final String shortText;
  final String fullText;
  final String help;

  SarifRule(String id, String name, String level, String securitySeverity, String shortText,
      String fullText, String help) {
    this.id = id;
    this.name = name;
    this.level = level;
    this.securitySeverity = securitySeverity;
    this.shortText = shortText;
    this.fullText = fullText;
    this.help = help;
  }

  /** The rule the file's result falls under, or null when the file is no finding. */
  static SarifRule of(FileResult file, GateResult result) {
    return switch (file.outcome()) {
      case FLAGGED -> FLAGGED;
      case WARNED -> WARNED;
      case NO_SPEECH -> Outcomes.noSpeechMatters(result.policy()) ? NO_SPEECH : null;
      default -> null;
    };
  }

  /** No-speech files are as serious as the policy makes them. */
  String level(GateResult result) {
    if (this == NO_SPEECH) {
      return result.policy().onNoSpeech() == Reaction.FAIL ? "error" : "warning";
    }
    return level;
  }

  /** This rule's entry in {@code tool.driver.rules}. */
  void writeDescriptor(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("name", name);
    SarifJson.text(json, "shortDescription", shortText);
    SarifJson.text(json, "fullDescription", fullText);
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level);
    json.writeEndObject();
    json.writeObjectFieldStart("help");
    json.writeStringField("text", help);
    json.writeStringField("markdown", help);
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString("security");
    json.writeString("deepfake");
    json.writeString("media");
    json.writeEndArray();
    json.writeStringField("security-severity", securitySeverity);
    json.writeStringField("problem.severity", level.equals("error") ? "error" : "warning");
    json.writeEndObject();
    json.writeEndObject();
  }
}
