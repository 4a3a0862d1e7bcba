package io.github.resemblegate.gate.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resemblegate.gate.internal.store.Submission.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The journal's file format, one JSON object per line: {@code intent} (id, time, result key,
 * kind, parts), {@code accepted} (id, batch id, detection ids) and {@code abandoned} (id, why).
 * Written by this version and every earlier one; a line that does not parse is skipped, so a
 * partial last line from a killed run costs nothing.
 */
final class JournalLines {

  private JournalLines() {}

  static ObjectNode abandoned(String id, String why) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    n.put("type", "abandoned");
    n.put("id", id);
    n.put("why", why);
    return n;
  }

  static ObjectNode accepted(String id, String batchId, List<String> detectIds) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    n.put("type", "accepted");
    n.put("id", id);
    if (batchId != null) {
      n.put("batchId", batchId);
    }
    ArrayNode ids = n.putArray("detectIds");
    detectIds.forEach(ids::add);
    return n;
  }

  static ObjectNode intent(Submission i) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    n.put("type", "intent");
    n.put("id", i.id());
    n.put("at", i.at().toString());
    n.put("key", i.key());
    n.put("kind", i.kind());
    ArrayNode ps = n.putArray("parts");
    for (Part p : i.parts()) {
      ObjectNode pn = ps.addObject();
      pn.put("name", p.name());
      pn.put("sha256", p.sha256());
      pn.put("path", p.path());
      pn.put("size", p.size());
    }
    return n;
  }

  /**
   * Replaces {@code file} with {@code submissions} (their intent and accepted lines), forced to disk
   * and moved into place atomically; removes it when there are none.
   */
  static void rewrite(Path file, Collection<Submission> submissions) throws IOException {
    if (submissions.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Submission i : submissions) {
      sb.append(StoreJson.mapper().writeValueAsString(intent(i))).append('\n');
      if (i.accepted()) {
        sb.append(StoreJson.mapper().writeValueAsString(accepted(i.id(), i.batchId(),
            i.detectIds()))).append('\n');
      }
    }
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      AtomicFiles.moveIntoPlace(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Folds the journal's lines into submissions; a line that does not parse is skipped. */
  static Map<String, Submission> read(Path file, Consumer<String> warn) {
    Map<String, Submission> submissions = new LinkedHashMap<>();
    List<String> lines;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = r.lines().toList();
    } catch (NoSuchFileException e) {
      return submissions;
    } catch (IOException | UncheckedIOException e) {
      warn.accept("Could not read the journal " + file + " (" + e + "); earlier submissions"
          + " cannot be resumed.");
      return submissions;
    }
    int skipped = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        apply(StoreJson.mapper().readTree(line), submissions);
      } catch (IOException | RuntimeException e) {
        skipped++;
      }
    }
    if (skipped > 0) {
      warn.accept("Skipped " + skipped + (skipped == 1 ? " damaged line" : " damaged lines")
          + " of the journal " + file + " (a run was probably killed while writing).");
    }
    return submissions;
  }

  private static void apply(JsonNode n, Map<String, Submission> submissions) {
    String id = n.get("id").asText();
    switch (n.get("type").asText()) {
      case "intent" -> {
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : n.get("parts")) {
          parts.add(new Part(p.get("name").asText(), p.get("sha256").asText(),
              p.get("path").asText(), p.get("size").asLong()));
        }
        if (parts.isEmpty()) {
          throw new IllegalArgumentException("intent without parts");
        }
        submissions.put(id, new Submission(id, Instant.parse(n.get("at").asText()),
            n.get("key").asText(), n.get("kind").asText(), parts, null, List.of(), null));
      }
      case "accepted" -> {
        List<String> ids = new ArrayList<>();
        n.get("detectIds").forEach(d -> ids.add(d.asText()));
        String batch = n.hasNonNull("batchId") ? n.get("batchId").asText() : null;
        submissions.computeIfPresent(id, (k, v) -> v.accept(batch, ids));
      }
      case "abandoned" -> submissions.computeIfPresent(id, (k, v) -> v.abandon(n.path("why").asText()));
      default -> throw new IllegalArgumentException("unknown line type");
    }
  }
}
