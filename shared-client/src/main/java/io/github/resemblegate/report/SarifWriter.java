package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.ScoreFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code resemble.sarif} (SARIF 2.1.0) in the subset GitHub code scanning documents:
 * every result has a rule with short and full descriptions and help, a message, one physical
 * location with a region, and {@code partialFingerprints}.
 *
 * <ul>
 *   <li>Results: FLAGGED files ({@code error}), WARNED files ({@code warning}), and NO_SPEECH
 *       files only when the policy fails or warns on them. WAIVED files are left out: GitHub does
 *       not read SARIF suppressions, so a waived file would come back as an open alert.</li>
 *   <li>Files that could not be checked (ERROR) are not findings about the file's content, and
 *       an alert for a timeout would stay open until the next run. They are reported where SARIF
 *       puts problems of the tool itself: {@code invocations[0].toolExecutionNotifications}, with
 *       the file's location, and {@code executionSuccessful} is false.</li>
 *   <li>Locations: {@code uri} is relative to the repository root (the nearest folder above the
 *       base directory holding {@code .git}; the base directory itself when there is none) with
 *       {@code uriBaseId} {@code %SRCROOT%}. Media files have no text lines, but GitHub requires
 *       a region, so the region is line 1, column 1.</li>
 *   <li>{@code partialFingerprints.primaryLocationLineHash} is the file's SHA-256 (plus an
 *       occurrence counter, as CodeQL does), so an alert follows the content: a renamed file keeps
 *       its alert, a replaced file gets a new one.</li>
 * </ul>
 */
final class SarifWriter implements ReportWriter {

  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  /** GitHub rejects runs with more results than this. */
  static final int MAX_RESULTS = 25_000;

  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  /** One rule per kind of finding; the order is the order of {@code tool.driver.rules}. */
  enum Rule {
    FLAGGED("resemble/flagged", "LikelySynthetic", "error",
        "Media file scored at or above the deepfake threshold",
        "Resemble's Detect API gave this media file a deepfake score at or above the threshold "
            + "the build uses, so it is likely synthetic or manipulated.",
        "The file scored at or above the threshold: Resemble's Detect API considers it likely "
            + "AI-generated or manipulated. Review the file (the HTML report shows where in an "
            + "audio clip the high scores are). If it is synthetic on purpose, add a waiver with a "
            + "reason, keyed by its SHA-256 so a changed file is checked again; otherwise replace "
            + "it with an authentic recording."),
    WARNED("resemble/warned", "PossiblySynthetic", "warning",
        "Media file scored in the warn band below the threshold",
        "Resemble's Detect API gave this media file a deepfake score in the configured warn band: "
            + "below the failing threshold, but high enough to deserve a look.",
        "The score is below the threshold, so the build does not fail on it, but it is inside "
            + "the warn band. Listen to or look at the file; raise the warn threshold if such "
            + "scores are expected for this kind of media."),
    NO_SPEECH("resemble/no-speech", "NoSpeech", "warning",
        "Audio file had no speech to judge",
        "Resemble's Detect API found no speech in this audio file, so it could not say whether "
            + "the voice is synthetic; the policy counts such files.",
        "The detector judges voices; this file had none it could hear. If the file should "
            + "contain speech, check that it is not silent or corrupt. If silence is expected, "
            + "set onNoSpeech to IGNORE.");

    final String id;
    final String name;
    final String level;
    final String shortText;
    final String fullText;
    final String help;

    Rule(String id, String name, String level, String shortText, String fullText, String help) {
      this.id = id;
      this.name = name;
      this.level = level;
      this.shortText = shortText;
      this.fullText = fullText;
      this.help = help;
    }
  }

  private final int maxResults;

  SarifWriter() {
    this(MAX_RESULTS);
  }

  SarifWriter(int maxResults) {
    this.maxResults = maxResults;
  }

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    SourceRoot root = SourceRoot.of(result.run().baseDirectory());
    List<FileResult> files = result.files().stream()
        .sorted(java.util.Comparator.comparing(FileResult::path)).toList();
    try (JsonGenerator json = JsonOut.pretty(out)) {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA_URI);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(json, result);
      if (root.base() != null) {
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart(SRCROOT);
        json.writeStringField("uri", root.base());
        text(json, "description", "The root of the repository that was scanned.");
        json.writeEndObject();
        json.writeEndObject();
      }

      // Results are written as they are found; notifications wait for the invocation.
      List<Notification> notifications = new ArrayList<>();
      Map<String, Integer> occurrences = new HashMap<>();
      int written = 0;
      int left = 0;
      json.writeArrayFieldStart("results");
      for (FileResult file : files) {
        Rule rule = ruleFor(file, result);
        if (rule != null) {
          if (written < maxResults) {
            writeResult(json, file, rule, level(rule, result), root, occurrences);
            written++;
          } else {
            left++;
          }
        } else if (file.outcome() == Outcome.ERROR) {
          notifications.add(errorNotification(file));
        }
      }
      json.writeEndArray();
      if (left > 0) {
        notifications.add(new Notification("warning", "resemble/truncated",
            left + " more results were left out: GitHub code scanning accepts at most "
                + maxResults + " results per run. resemble-report.json lists every file.", null));
      }

      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      json.writeBooleanField("executionSuccessful", result.filesWith(Outcome.ERROR).isEmpty());
      if (result.run().startedAt() != null) {
        json.writeStringField("startTimeUtc", result.run().startedAt().toString());
      }
      if (result.run().finishedAt() != null) {
        json.writeStringField("endTimeUtc", result.run().finishedAt().toString());
      }
      if (!notifications.isEmpty()) {
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (Notification n : notifications) {
          writeNotification(json, n, root);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndArray();
      json.writeObjectFieldStart("properties");
      json.writeStringField("status", result.decision().verdict().name());
      json.writeStringField("failureKind", result.decision().failureKind().name());
      if (result.decision().sentence() != null) {
        json.writeStringField("message", result.decision().sentence());
      }
      json.writeNumberField("files", result.totals().files());
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void writeTool(JsonGenerator json, GateResult result) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "Resemble Gate");
    String version = result.run().toolVersion();
    if (version != null && !version.isBlank()) {
      json.writeStringField("version", version);
      if (SEMVER.matcher(version).matches()) {
        json.writeStringField("semanticVersion", version);
      }
    }
    json.writeArrayFieldStart("rules");
    for (Rule rule : Rule.values()) {
      json.writeStartObject();
      json.writeStringField("id", rule.id);
      json.writeStringField("name", rule.name);
      text(json, "shortDescription", rule.shortText);
      text(json, "fullDescription", rule.fullText);
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", rule.level);
      json.writeEndObject();
      json.writeObjectFieldStart("help");
      json.writeStringField("text", rule.help);
      json.writeStringField("markdown", rule.help);
      json.writeEndObject();
      json.writeObjectFieldStart("properties");
      json.writeArrayFieldStart("tags");
      json.writeString("deepfake");
      json.writeString("media");
      json.writeEndArray();
      json.writeStringField("problem.severity", rule.level.equals("error") ? "error" : "warning");
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static Rule ruleFor(FileResult file, GateResult result) {
    return switch (file.outcome()) {
      case FLAGGED -> Rule.FLAGGED;
      case WARNED -> Rule.WARNED;
      case NO_SPEECH -> Outcomes.noSpeechMatters(result.policy()) ? Rule.NO_SPEECH : null;
      default -> null;
    };
  }

  /** No-speech files are as serious as the policy makes them. */
  private static String level(Rule rule, GateResult result) {
    if (rule == Rule.NO_SPEECH) {
      return result.policy().onNoSpeech() == Reaction.FAIL ? "error" : "warning";
    }
    return rule.level;
  }

  private static void writeResult(JsonGenerator json, FileResult file, Rule rule, String level,
      SourceRoot root, Map<String, Integer> occurrences) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", rule.id);
    json.writeNumberField("ruleIndex", rule.ordinal());
    json.writeStringField("level", level);
    text(json, "message", message(file, rule));
    json.writeArrayFieldStart("locations");
    writeLocation(json, file, root);
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
    writeIfSet(json, "scoreField", file.scoreField());
    writeIfSet(json, "label", file.label());
    json.writeStringField("mediaType", file.mediaType() == null ? "unknown"
        : file.mediaType().id());
    writeIfSet(json, "detectId", file.detectId());
    writeIfSet(json, "dashboardUrl", file.dashboardUrl());
    json.writeBooleanField("cached", file.cached());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String message(FileResult file, Rule rule) {
    String score = ScoreFormat.score(file.score(), file.threshold());
    String threshold = ScoreFormat.threshold(file.threshold());
    String from = file.scoreField() == null ? "" : " (" + file.scoreField() + ")";
    String label = file.label() == null ? "" : " Resemble labels it '" + file.label() + "'.";
    return switch (rule) {
      case FLAGGED -> "Likely synthetic media: " + file.path() + " scored " + score
          + ", at or above the threshold " + threshold + "." + label + from;
      case WARNED -> "Possibly synthetic media: " + file.path() + " scored " + score
          + ", in the warn band below the threshold " + threshold + "." + label + from;
      case NO_SPEECH -> "No speech to judge in " + file.path() + "."
          + (file.reason() == null ? "" : " " + file.reason());
    };
  }

  private static void writeLocation(JsonGenerator json, FileResult file, SourceRoot root)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", root.uri(file.path()));
    json.writeStringField("uriBaseId", SRCROOT);
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", 1);
    json.writeNumberField("startColumn", 1);
    json.writeNumberField("endLine", 1);
    json.writeNumberField("endColumn", 1);
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }

  /** A tool execution notification; {@code file} gives it a location, when it has one. */
  private record Notification(String level, String id, String text, FileResult file) {}

  private static Notification errorNotification(FileResult file) {
    String reason = file.reason() == null || file.reason().isBlank()
        ? "the detection failed" : file.reason();
    return new Notification("error", "resemble/error",
        file.path() + " could not be checked: " + reason + ".", file);
  }

  private static void writeNotification(JsonGenerator json, Notification n, SourceRoot root)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("level", n.level());
    json.writeObjectFieldStart("descriptor");
    json.writeStringField("id", n.id());
    json.writeEndObject();
    text(json, "message", n.text());
    if (n.file() != null) {
      json.writeArrayFieldStart("locations");
      writeLocation(json, n.file(), root);
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /** {@code "name": {"text": text}}, SARIF's message and description shape. */
  private static void text(JsonGenerator json, String name, String text) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  private static void writeIfSet(JsonGenerator json, String name, String value)
      throws IOException {
    if (value != null && !value.isBlank()) {
      json.writeStringField(name, value);
    }
  }

  /** Where relative URIs start: the repository root above the base directory, when found. */
  record SourceRoot(String base, String prefix) {

    static SourceRoot of(String baseDirectory) {
      if (baseDirectory == null || baseDirectory.isBlank()) {
        return new SourceRoot(null, "");
      }
      Path base;
      try {
        base = Path.of(baseDirectory).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        return new SourceRoot(null, "");
      }
      Path repo = null;
      for (Path p = base; p != null; p = p.getParent()) {
        if (Files.exists(p.resolve(".git"))) {
          repo = p;
          break;
        }
      }
      Path root = repo != null ? repo : base;
      String prefix = root.relativize(base).toString().replace('\\', '/');
      String rootUri = root.toUri().toASCIIString();
      return new SourceRoot(rootUri.endsWith("/") ? rootUri : rootUri + "/",
          prefix.isEmpty() ? "" : prefix + "/");
    }

    /** The file's path below the source root as a relative URI (each segment percent-encoded). */
    String uri(String path) {
      String full = prefix + path;
      StringBuilder out = new StringBuilder();
      for (String segment : full.split("/", -1)) {
        if (out.length() > 0) {
          out.append('/');
        }
        out.append(encodeSegment(segment));
      }
      return out.toString();
    }

    /** RFC 3986 path segment: unreserved characters and sub-delims stay, the rest is %XX UTF-8. */
    static String encodeSegment(String segment) {
      StringBuilder out = new StringBuilder();
      for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xFF;
        boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "-._~!$&'()*+,;=@".indexOf(c) >= 0;
        if (keep) {
          out.append((char) c);
        } else {
          out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
      }
      return out.toString();
    }
  }
}
