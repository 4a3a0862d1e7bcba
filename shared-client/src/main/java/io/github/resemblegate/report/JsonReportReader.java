package io.github.resemblegate.report;

import static io.github.resemblegate.report.JsonFields.enumValue;
import static io.github.resemblegate.report.JsonFields.instant;
import static io.github.resemblegate.report.JsonFields.number;
import static io.github.resemblegate.report.JsonFields.optionalEnum;
import static io.github.resemblegate.report.JsonFields.strings;
import static io.github.resemblegate.report.JsonFields.text;
import static io.github.resemblegate.report.JsonFields.textMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.Decision;
import io.github.resemblegate.gate.policy.FailureKind;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.policy.VideoScoring;
import io.github.resemblegate.gate.policy.Waiver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code resemble-report.json} back into the {@link Verdict} it was written from, so a
 * result can be judged again (or aggregated) without calling the API. Reads every 1.x schema;
 * keys added by later minor versions are ignored.
 */
public final class JsonReportReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int SUPPORTED_MAJOR = 1;

  private JsonReportReader() {}

  /**
   * Reads the report at {@code file}.
   *
   * @throws IOException when the file cannot be read or is not a Resemble Gate report; the
   *     message names the file and what is wrong with it
   */
  public static GateResult read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new IOException("There is no report at " + file
          + "; run the gate first, or point to the folder that holds resemble-report.json.", e);
    }
  }

  /** Reads a report from a stream; {@code source} names it in error messages. */
  public static GateResult read(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      // Jackson's message may point into its own source description ("start marker at
      // [Source: REDACTED ...]"): the line is said once, in words the user can act on.
      String what = e.getOriginalMessage()
          .replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "");
      throw new IOException(source + " is not valid JSON (" + what + " at line "
          + e.getLocation().getLineNr() + "); write it again with the gate.", e);
    }
    try {
      return new Parse(source).result(root);
    } catch (GateException | IllegalArgumentException | DateTimeParseException e) {
      throw new IOException(source + " is not a usable Resemble Gate report: " + e.getMessage(), e);
    }
  }

  /** One parse, so every message can say where the problem is. */
  private static final class Parse {
    private final String source;

    Parse(String source) {
      this.source = source;
    }

    GateResult result(JsonNode root) throws IOException {
      if (root == null || !root.isObject()) {
        throw new IOException(source + " is not a Resemble Gate report (expected a JSON object).");
      }
      checkVersion(root.get("schemaVersion"));
      JsonNode verdict = object(root, "verdict");
      List<FileResult> files = new ArrayList<>();
      JsonNode fileNodes = root.get("files");
      if (fileNodes == null || !fileNodes.isArray()) {
        throw new IllegalArgumentException("it has no \"files\" array.");
      }
      for (int i = 0; i < fileNodes.size(); i++) {
        files.add(file(fileNodes.get(i), "files[" + i + "]"));
      }
      return new GateResult(
          run(object(root, "run")),
          policy(root.get("policy")),
          files,
          totals(root.get("totals"), files),
          new Decision(
              enumValue(Verdict.class, text(verdict, "status"), "verdict.status"),
              enumValue(FailureKind.class, text(verdict, "failureKind"), "verdict.failureKind"),
              text(verdict, "message")),
          strings(verdict.get("notices")));
    }

    private void checkVersion(JsonNode version) throws IOException {
      if (version == null || !version.isTextual()) {
        throw new IOException(source + " is not a Resemble Gate report (it has no schemaVersion).");
      }
      String v = version.asText();
      int major;
      try {
        major = Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
      } catch (NumberFormatException e) {
        throw new IOException(source + " has an unreadable schemaVersion '" + v + "'.", e);
      }
      if (major != SUPPORTED_MAJOR) {
        throw new IOException(source + " uses report schema " + v + ", but this version of "
            + "Resemble Gate reads only " + SUPPORTED_MAJOR + ".x; use a matching Resemble Gate "
            + "version or run the gate again.");
      }
    }

    private RunInfo run(JsonNode run) {
      Map<String, String> options = textMap(run.get("options"));
      return new RunInfo(
          text(run, "toolVersion"),
          instant(run, "startedAt"),
          instant(run, "finishedAt"),
          text(run, "apiUrl"),
          text(run, "baseDirectory"),
          run.path("dryRun").asBoolean(false),
          options,
          strings(run.get("batchIds")),
          sharding(run.get("shard")),
          textMap(run.get("configuration")));
    }

    /** Schema 1.1: the shard a report covers; null in a 1.0 report and for a whole run. */
    private RunInfo.Sharding sharding(JsonNode shard) {
      if (shard == null || shard.isNull()) {
        return null;
      }
      if (!shard.path("index").isInt() || !shard.path("total").isInt()) {
        throw new IllegalArgumentException("run.shard has no whole index and total.");
      }
      return new RunInfo.Sharding(new Shard(shard.get("index").asInt(),
          shard.get("total").asInt()), shard.path("matchedFiles").asInt(0));
    }

    private Policy policy(JsonNode policy) {
      if (policy == null || !policy.isObject()) {
        return Policy.DEFAULT;
      }
      Map<MediaType, Double> thresholds = new EnumMap<>(MediaType.class);
      JsonNode byType = policy.get("thresholds");
      if (byType != null && byType.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = byType.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          thresholds.put(enumValue(MediaType.class, e.getKey(), "policy.thresholds key"),
              e.getValue().asDouble());
        }
      }
      List<Waiver> waivers = new ArrayList<>();
      JsonNode waiverNodes = policy.get("waivers");
      if (waiverNodes != null && waiverNodes.isArray()) {
        for (JsonNode w : waiverNodes) {
          waivers.add(waiver(w));
        }
      }
      return new Policy(
          number(policy, "threshold") == null ? Policy.DEFAULT_THRESHOLD
              : number(policy, "threshold"),
          thresholds,
          number(policy, "warnThreshold"),
          optionalEnum(Reaction.class, policy, "onFlagged"),
          optionalEnum(Reaction.class, policy, "onError"),
          optionalEnum(Reaction.class, policy, "onNoSpeech"),
          optionalEnum(Reaction.class, policy, "onEmpty"),
          optionalEnum(VideoScoring.class, policy, "videoScoring"),
          waivers);
    }

    private Totals totals(JsonNode totals, List<FileResult> files) {
      if (totals == null || !totals.isObject()) {
        return Totals.countOutcomes(files, 0, 0, 0, 0, 0);
      }
      Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
      JsonNode counts = totals.get("byOutcome");
      for (Outcome outcome : Outcome.values()) {
        byOutcome.put(outcome, counts == null ? 0 : counts.path(outcome.name()).asInt(0));
      }
      return new Totals(
          totals.path("files").asInt(files.size()),
          byOutcome,
          totals.path("uniqueContents").asInt(0),
          totals.path("fromCache").asInt(0),
          totals.path("uploaded").asInt(0),
          totals.path("bytesUploaded").asLong(0),
          totals.path("batches").asInt(0));
    }

    private FileResult file(JsonNode f, String where) {
      if (f == null || !f.isObject()) {
        throw new IllegalArgumentException(where + " is not an object.");
      }
      String path = text(f, "path");
      if (path == null) {
        throw new IllegalArgumentException(where + " has no path.");
      }
      List<Double> chunks = new ArrayList<>();
      JsonNode chunkNodes = f.get("chunkScores");
      if (chunkNodes != null && chunkNodes.isArray()) {
        for (JsonNode c : chunkNodes) {
          chunks.add(c.isNumber() ? c.asDouble() : null);
        }
      }
      JsonNode waiver = f.get("waiver");
      return new FileResult(
          path,
          text(f, "sha256"),
          f.path("size").asLong(0),
          f.hasNonNull("mediaType")
              ? enumValue(MediaType.class, f.get("mediaType").asText(), where + ".mediaType")
              : MediaType.UNKNOWN,
          enumValue(Outcome.class, text(f, "outcome"), where + ".outcome"),
          number(f, "score"),
          text(f, "scoreField"),
          text(f, "label"),
          f.path("threshold").asDouble(Policy.DEFAULT_THRESHOLD),
          chunks,
          number(f, "chunkSeconds"),
          text(f, "detectId"),
          text(f, "batchId"),
          text(f, "reason"),
          waiver == null || waiver.isNull() ? null : waiver(waiver),
          f.path("cached").asBoolean(false),
          text(f, "dashboardUrl"),
          JsonFindings.read(f),
          f.hasNonNull("billableBytes") ? f.get("billableBytes").asLong() : null,
          number(f, "playingSeconds"));
    }

    private Waiver waiver(JsonNode w) {
      String until = text(w, "until");
      return new Waiver(text(w, "sha256"), text(w, "path"), text(w, "reason"),
          until == null ? null : LocalDate.parse(until));
    }

    private JsonNode object(JsonNode parent, String name) {
      JsonNode node = parent.get(name);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("it has no \"" + name + "\" object.");
      }
      return node;
    }
  }
}
