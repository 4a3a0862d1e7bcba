package io.github.resemblegate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.GateResult.RunInfo;
import io.github.resemblegate.gate.GateResult.Totals;
import io.github.resemblegate.gate.policy.FileResult;
import io.github.resemblegate.gate.policy.Outcome;
import io.github.resemblegate.gate.policy.Policy;
import io.github.resemblegate.gate.policy.Spend;
import io.github.resemblegate.gate.policy.Waiver;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code resemble-report.json}: the whole verdict in the versioned schema documented in
 * {@code docs/report-schema.md}. Every key is always written (null when unknown), so readers
 * never have to guess whether a missing key means "absent" or "older tool" — except what a file
 * bills and how long it plays (1.3): written only when known, so an unknown length is never read
 * as 0.
 */
final class JsonReportWriter implements ReportWriter {

  /** Bump the minor version for added keys, the major version for anything a reader would misread. */
  static final String SCHEMA_VERSION = "1.3";

  @Override
  public void write(GateResult result, OutputStream out) throws IOException {
    try (JsonGenerator json = JsonOut.pretty(out)) {
      json.writeStartObject();
      json.writeStringField("schemaVersion", SCHEMA_VERSION);
      writeRun(json, result.run());
      writePolicy(json, result.policy());
      writeVerdict(json, result);
      writeTotals(json, result.totals(), Spend.billed(result.files()));
      json.writeArrayFieldStart("files");
      for (FileResult file : result.files()) {
        writeFile(json, file);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private static void writeRun(JsonGenerator json, RunInfo run) throws IOException {
    json.writeObjectFieldStart("run");
    json.writeStringField("toolVersion", run.toolVersion());
    json.writeStringField("startedAt", instant(run.startedAt()));
    json.writeStringField("finishedAt", instant(run.finishedAt()));
    json.writeStringField("apiUrl", Redaction.url(run.apiUrl()));
    json.writeStringField("baseDirectory", run.baseDirectory());
    json.writeBooleanField("dryRun", run.dryRun());
    json.writeObjectFieldStart("options");
    for (Map.Entry<String, String> option : Redaction.options(run.options()).entrySet()) {
      json.writeStringField(option.getKey(), option.getValue());
    }
    json.writeEndObject();
    writeStrings(json, "batchIds", run.batchIds());
    if (run.sharding() == null) {
      json.writeNullField("shard");
    } else {
      json.writeObjectFieldStart("shard");
      json.writeNumberField("index", run.sharding().shard().index());
      json.writeNumberField("total", run.sharding().shard().total());
      json.writeNumberField("matchedFiles", run.sharding().matchedFiles());
      json.writeEndObject();
    }
    json.writeObjectFieldStart("configuration");
    for (Map.Entry<String, String> setting : run.configuration().entrySet()) {
      json.writeStringField(setting.getKey(), setting.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writePolicy(JsonGenerator json, Policy policy) throws IOException {
    json.writeObjectFieldStart("policy");
    json.writeNumberField("threshold", policy.threshold());
    json.writeObjectFieldStart("thresholds");
    for (Map.Entry<MediaType, Double> entry : policy.thresholds().entrySet()) {
      json.writeNumberField(entry.getKey().id(), entry.getValue());
    }
    json.writeEndObject();
    writeNumber(json, "warnThreshold", policy.warnThreshold());
    json.writeStringField("onFlagged", policy.onFlagged().name());
    json.writeStringField("onError", policy.onError().name());
    json.writeStringField("onNoSpeech", policy.onNoSpeech().name());
    json.writeStringField("onEmpty", policy.onEmpty().name());
    json.writeStringField("videoScoring", policy.videoScoring().name());
    json.writeArrayFieldStart("waivers");
    for (Waiver waiver : policy.waivers()) {
      writeWaiver(json, waiver);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeVerdict(JsonGenerator json, GateResult result) throws IOException {
    json.writeObjectFieldStart("verdict");
    json.writeStringField("status", result.decision().verdict().name());
    json.writeStringField("failureKind", result.decision().failureKind().name());
    json.writeStringField("message", result.decision().sentence());
    writeStrings(json, "notices", result.notices());
    json.writeEndObject();
  }

  private static void writeTotals(JsonGenerator json, Totals totals, Spend billed)
      throws IOException {
    json.writeObjectFieldStart("totals");
    json.writeNumberField("files", totals.files());
    json.writeObjectFieldStart("byOutcome");
    for (Outcome outcome : Outcome.values()) {
      json.writeNumberField(outcome.name(), totals.count(outcome));
    }
    json.writeEndObject();
    json.writeNumberField("uniqueContents", totals.uniqueContents());
    json.writeNumberField("fromCache", totals.fromCache());
    json.writeNumberField("uploaded", totals.uploaded());
    json.writeNumberField("bytesUploaded", totals.bytesUploaded());
    json.writeNumberField("batches", totals.batches());
    json.writeNumberField("billableBytes", billed.bytes());
    if (billed.playingSeconds() > 0) {
      json.writeNumberField("playingSeconds", billed.playingSeconds());
    }
    json.writeNumberField("filesOfUnknownLength", billed.unknownPlayingTimes());
    json.writeEndObject();
  }

  private static void writeFile(JsonGenerator json, FileResult file) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", file.path());
    json.writeStringField("sha256", file.sha256());
    json.writeNumberField("size", file.size());
    json.writeStringField("mediaType",
        (file.mediaType() == null ? MediaType.UNKNOWN : file.mediaType()).id());
    json.writeStringField("outcome", file.outcome().name());
    writeNumber(json, "score", file.score());
    json.writeStringField("scoreField", file.scoreField());
    json.writeStringField("label", file.label());
    json.writeNumberField("threshold", file.threshold());
    json.writeArrayFieldStart("chunkScores");
    for (Double chunk : file.chunkScores()) {
      if (chunk == null || !Double.isFinite(chunk)) {
        json.writeNull();
      } else {
        json.writeNumber(chunk);
      }
    }
    json.writeEndArray();
    writeNumber(json, "chunkSeconds", file.chunkSeconds());
    json.writeStringField("detectId", file.detectId());
    json.writeStringField("batchId", file.batchId());
    json.writeStringField("reason", file.reason());
    if (file.waiver() == null) {
      json.writeNullField("waiver");
    } else {
      json.writeFieldName("waiver");
      writeWaiver(json, file.waiver());
    }
    json.writeBooleanField("cached", file.cached());
    json.writeStringField("dashboardUrl", file.dashboardUrl());
    JsonFindings.write(json, file.findings());
    if (file.billableBytes() != null) {
      json.writeNumberField("billableBytes", file.billableBytes());
    }
    if (file.playingSeconds() != null && Double.isFinite(file.playingSeconds())) {
      json.writeNumberField("playingSeconds", file.playingSeconds());
    }
    json.writeEndObject();
  }

  private static void writeWaiver(JsonGenerator json, Waiver waiver) throws IOException {
    json.writeStartObject();
    json.writeStringField("sha256", blankToNull(waiver.sha256()));
    json.writeStringField("path", blankToNull(waiver.path()));
    json.writeStringField("reason", waiver.reason());
    json.writeStringField("until", waiver.until() == null ? null : waiver.until().toString());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** Non-finite numbers are not JSON; they are written as null (unknown). */
  private static void writeNumber(JsonGenerator json, String name, Double value)
      throws IOException {
    if (value == null || !Double.isFinite(value)) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
