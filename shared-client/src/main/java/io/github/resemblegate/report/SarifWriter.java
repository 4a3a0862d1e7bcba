package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
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
 *       a region with lines and columns and ignores SARIF's byte regions, so every result and
 *       notification, binary or not, has the empty region at line 1, column 1: the alert points
 *       at the file, with no snippet.</li>
 *   <li>{@code automationDetails.id} is {@code resemble-gate/}, or one category per shard (see
 *       {@link #automationId}).</li>
 *   <li>{@code partialFingerprints.primaryLocationLineHash} is the file's SHA-256 (plus an
 *       occurrence counter, as CodeQL does), so an alert follows the content: a renamed file keeps
 *       its alert, a replaced file gets a new one.</li>
 * </ul>
 */
final class SarifWriter implements ReportWriter {

  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  /** The code-scanning category of an unsharded or merged run. */
  static final String CATEGORY = "resemble-gate/";
  /** GitHub rejects runs with more results than this. */
  static final int MAX_RESULTS = 25_000;

  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

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
      json.writeObjectFieldStart("automationDetails");
      json.writeStringField("id", automationId(result.run()));
      json.writeEndObject();
      if (root.base() != null) {
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart(SRCROOT);
        json.writeStringField("uri", root.base());
        SarifJson.text(json, "description", "The root of the repository that was scanned.");
        json.writeEndObject();
        json.writeEndObject();
      }

      List<SarifNotification> notifications =
          new SarifResults(root, maxResults).write(json, files, result);

      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      boolean incomplete = RunState.of(result) == RunState.INCOMPLETE;
      if (incomplete) {
        notifications.add(0, SarifNotification.incomplete(result));
      }
      json.writeBooleanField("executionSuccessful", !incomplete
          && result.filesWith(Outcome.ERROR).isEmpty());
      if (result.run().startedAt() != null) {
        json.writeStringField("startTimeUtc", result.run().startedAt().toString());
      }
      if (result.run().finishedAt() != null) {
        json.writeStringField("endTimeUtc", result.run().finishedAt().toString());
      }
      if (!notifications.isEmpty()) {
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (SarifNotification n : notifications) {
          n.write(json, root);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndArray();
      json.writeObjectFieldStart("properties");
      json.writeStringField("status", RunState.of(result).status(result));
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
    for (SarifRule rule : SarifRule.values()) {
      rule.writeDescriptor(json);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * The run's {@code automationDetails.id}. GitHub keeps the latest analysis of each category (the
   * id up to its last slash) and closes the alerts a newer one no longer has, so each shard is a
   * category of its own ({@code resemble-gate/shard-2-of-4/}) and cannot close another shard's
   * alerts; a run that is not sharded, or the merged run of all shards, is {@code resemble-gate/}.
   */
  static String automationId(RunInfo run) {
    if (run.sharding() == null) {
      return CATEGORY;
    }
    GateConfig.Shard shard = run.sharding().shard();
    return CATEGORY + "shard-" + shard.index() + "-of-" + shard.total() + "/";
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
