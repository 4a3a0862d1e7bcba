package io.github.resemblegate.gate.internal.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resemblegate.gate.internal.store.AtomicFiles;
import io.github.resemblegate.gate.internal.store.ResultKey;
import io.github.resemblegate.gate.internal.store.StoreJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the last holder of a content's claim left for the next one when it let go without a result,
 * one small JSON file per content under {@code <cache>/claims/<key id>/}: that its detection
 * failed (the API's own answer), or that it submitted the content and where its journal keeps the
 * submission. Only the run holding the claim writes or reads a content's note, so no lock is needed
 * beyond the claim; notes are written to a temporary file and moved into place. A content with a
 * result in the cache has no note. A note that cannot be read counts as none.
 */
final class ClaimNotes {

  private static final int FORMAT = 1;

  /** A note: {@link Failed} or {@link Submitted}; {@code at} is when it was written (epoch ms). */
  sealed interface Note {
    long at();
  }

  /** The content's detection failed; {@code reason} is the failure as its files reported it. */
  record Failed(String reason, String detectId, String batchId, long at) implements Note {}

  /** The content was submitted; its journal {@code journal} knows the submission. */
  record Submitted(Path journal, long at) implements Note {}

  private final Path dir;

  ClaimNotes(Path cacheDirectory, ResultKey key) {
    this.dir = cacheDirectory.resolve("claims").resolve(key.id());
  }

  /**
   * The contents that have a note, from one listing of the folder; null when it cannot be listed
   * (then each note is read on its own). Only a content's claim holder writes its note, so for
   * contents the caller holds, the answer stays true until it lets go.
   */
  java.util.Set<String> noted() {
    java.util.Set<String> shas = new java.util.HashSet<>();
    try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        shas.add(name.substring(0, name.length() - ".json".length()));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      return shas;
    } catch (IOException e) {
      return null;
    }
    return shas;
  }

  Note read(String sha256) {
    try {
      JsonNode n = StoreJson.mapper().readTree(Files.readAllBytes(file(sha256)));
      if (n == null || n.path("format").asInt() != FORMAT) {
        return null;
      }
      long at = n.path("at").asLong();
      return switch (n.path("state").asText()) {
        case "failed" -> new Failed(n.path("reason").asText(),
            StoreJson.textOrNull(n, "detectId"), StoreJson.textOrNull(n, "batchId"), at);
        case "submitted" -> new Submitted(Path.of(n.path("journal").asText()), at);
        default -> null;
      };
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Stores a note; failing to is harmless (the next holder submits the content itself). */
  void write(String sha256, Note note) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    n.put("format", FORMAT);
    n.put("at", note.at());
    if (note instanceof Failed f) {
      n.put("state", "failed");
      n.put("reason", f.reason());
      n.put("detectId", f.detectId());
      n.put("batchId", f.batchId());
    } else if (note instanceof Submitted s) {
      n.put("state", "submitted");
      n.put("journal", s.journal().toString());
    }
    Path target = file(sha256);
    try {
      AtomicFiles.write(target, StoreJson.mapper().writeValueAsBytes(n));
    } catch (IOException ignored) {
      // without the note the next holder of the claim simply submits the content itself
    }
  }

  void clear(String sha256) {
    try {
      Files.deleteIfExists(file(sha256));
    } catch (IOException ignored) {
      // a stale note is checked against its journal or its time before anyone trusts it
    }
  }

  private Path file(String sha256) {
    return dir.resolve(sha256 + ".json");
  }
}
