package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Reaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code gl-code-quality-report.json}, GitLab's Code Quality report: a JSON array with one
 * issue per finding, which GitLab shows in the merge request's Code Quality widget (free tier)
 * when a job publishes it as {@code artifacts:reports:codequality}.
 *
 * <ul>
 *   <li>The findings are SARIF's: FLAGGED and WARNED files, and NO_SPEECH files when the policy
 *       counts them; {@code check_name} is the SARIF rule id. Files that could not be judged are
 *       no finding about the content (GitLab would list a timeout as a new issue until the next
 *       run); the JUnit report and the build's result carry them.</li>
 *   <li>{@code severity}: FLAGGED {@code critical}, WARNED {@code minor}, NO_SPEECH {@code major}
 *       when the policy fails on it, else {@code minor}.</li>
 *   <li>{@code location.path} is relative to the repository root, as in SARIF;
 *       {@code location.lines.begin} is 1, media files having no lines.</li>
 *   <li>{@code fingerprint} is a hash of the rule, the file's content and an occurrence counter:
 *       GitLab tells new issues from fixed ones by it, so it follows the content as SARIF's does,
 *       and two copies of one content stay two issues (GitLab shows only the first of equal
 *       fingerprints).</li>
 * </ul>
 */
final class CodeQualityWriter implements ReportWriter {

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    SarifWriter.SourceRoot root = SarifWriter.SourceRoot.of(result.run().baseDirectory());
    List<FileResult> files = result.files().stream()
        .sorted(Comparator.comparing(FileResult::path)).toList();
    Map<String, Integer> occurrences = new HashMap<>();
    try (JsonGenerator json = JsonOut.pretty(out)) {
      json.writeStartArray();
      for (FileResult file : files) {
        SarifRule rule = SarifRule.of(file, result);
        if (rule == null) {
          continue;
        }
        String identity = file.sha256() != null && !file.sha256().isBlank()
            ? file.sha256() : "path:" + file.path();
        int n = occurrences.merge(rule.id + identity, 1, Integer::sum);
        json.writeStartObject();
        json.writeStringField("description", SarifResults.message(file, rule));
        json.writeStringField("check_name", rule.id);
        json.writeStringField("fingerprint", sha256(rule.id + ":" + identity + ":" + n));
        json.writeStringField("severity", severity(rule, result));
        json.writeObjectFieldStart("location");
        json.writeStringField("path", root.prefix() + file.path());
        json.writeObjectFieldStart("lines");
        json.writeNumberField("begin", 1);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeRaw('\n');
    }
  }

  private static String severity(SarifRule rule, GateResult result) {
    return switch (rule) {
      case FLAGGED -> "critical";
      case WARNED -> "minor";
      case NO_SPEECH -> result.policy().onNoSpeech() == Reaction.FAIL ? "major" : "minor";
    };
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
