package io.github.resemblegate.gate.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resemblegate.client.MediaType;
import io.github.resemblegate.client.ScoreReading;
import io.github.resemblegate.gate.internal.ledger.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Completed detections by content hash and {@link ResultKey}, one small JSON file each under
 * {@code <cache>/results/<first two hex digits>/}. Entries are written to a temporary file and
 * moved into place atomically, under a lock file shared by every thread and JVM using the cache,
 * so parallel builds never see half an entry. Readers need no lock for the same reason. An entry
 * that cannot be read is ignored with a warning and replaced by the next fresh result. Failed
 * detections are never stored. Each entry notes when it was stored, so a refreshing run can tell
 * results found during it from older ones.
 */
public final class ResultCache {

  public static final int FORMAT = 1;

  private final Path directory;
  private final Path results;
  private final Path lockFile;
  private final ResultKey key;
  private final Consumer<String> warn;
  private volatile boolean writeWarned;
  private volatile boolean readWarned;
  private volatile Boolean resultsMayBeFolder;

  public ResultCache(Path cacheDirectory, ResultKey key, Consumer<String> warn) {
    this.directory = cacheDirectory;
    this.results = cacheDirectory.resolve("results");
    this.lockFile = cacheDirectory.resolve("cache.lock");
    this.key = key;
    this.warn = warn;
  }

  /** The cache directory: results, claims and hash indexes live below it. */
  public Path directory() {
    return directory;
  }

  /** The result key every entry of this cache is stored under. */
  public ResultKey key() {
    return key;
  }

  public Path entryFile(String sha256) {
    return results.resolve(sha256.substring(0, 2)).resolve(sha256 + "-" + key.id() + ".json");
  }

  /**
   * Whether an entry for this content under this key is on disk, without reading it: a cheap
   * estimate (an entry that turns out unreadable answers nothing).
   */
  public boolean holds(String sha256) {
    return Files.isRegularFile(entryFile(sha256));
  }

  /** The stored result for this content under this key, or null. */
  public Analysis get(String sha256) {
    return get(sha256, Long.MIN_VALUE);
  }

  /**
   * The stored result for this content under this key if it was stored at or after
   * {@code notBeforeMillis} (epoch milliseconds; entries of older versions count as stored at 0),
   * else null.
   */
  public Analysis get(String sha256, long notBeforeMillis) {
    Path file = entryFile(sha256);
    if (!Files.isRegularFile(file) && resultsMayBeFolder()) {
      // Not cached, the common case on a first run: a stat, not an exception each. A results
      // path that is there but no folder is read below, so its failure is told once.
      return null;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      if (!readWarned) {
        readWarned = true;
        warn.accept("Cannot read the cache " + results + " (" + e + "); files are checked as"
            + " if it were empty.");
      }
      return null;
    }
    try {
      JsonNode root = StoreJson.mapper().readTree(bytes);
      if (root == null || root.path("format").asInt() != FORMAT) {
        throw new IllegalArgumentException("unknown format");
      }
      if (!sha256.equals(root.path("sha256").asText())
          || !key.canonical().equals(root.path("key").asText())) {
        throw new IllegalArgumentException("it belongs to other content or options");
      }
      Analysis a = read(root.path("result"));
      return root.path("storedAt").asLong(0) >= notBeforeMillis ? a : null;
    } catch (IOException | RuntimeException e) {
      warn.accept("Ignoring a corrupt cache entry " + file + " (" + e.getMessage()
          + "); the file is checked again and the entry replaced.");
      return null;
    }
  }

  /**
   * Whether the results path is a folder or not there (yet): asked once, not once per content, so
   * a content the cache does not hold costs one stat.
   */
  private boolean resultsMayBeFolder() {
    Boolean known = resultsMayBeFolder;
    if (known == null) {
      known = !Files.exists(results) || Files.isDirectory(results);
      resultsMayBeFolder = known;
    }
    return known;
  }

  /** Stores a completed detection; a failure to write is a warning, never fatal. */
  @SuppressWarnings("try") // the resource is the lock: holding it for the block is its use
  public void put(String sha256, Analysis a) {
    Path file = entryFile(sha256);
    ObjectNode root = StoreJson.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("sha256", sha256);
    root.put("key", key.canonical());
    root.put("storedAt", System.currentTimeMillis());
    root.set("result", write(a));
    try (FileLocks.Held held = FileLocks.acquire(lockFile)) {
      AtomicFiles.write(file, StoreJson.mapper().writeValueAsBytes(root));
    } catch (IOException e) {
      if (!writeWarned) {
        writeWarned = true;
        warn.accept("Could not store results in the cache " + results + " (" + e
            + "); the next run checks these files again.");
      }
    }
  }

  public static ObjectNode write(Analysis a) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    n.put("detectId", a.detectId());
    n.put("batchId", a.batchId());
    n.put("mediaType", a.mediaType().name());
    n.set("primary", reading(a.primary()));
    n.put("primaryLabel", a.primaryLabel());
    if (a.audioTrack() != null) {
      n.set("audioTrack", reading(a.audioTrack()));
    }
    n.put("audioTrackLabel", a.audioTrackLabel());
    n.set("audioChunks", numbers(a.audioChunks()));
    if (a.chunkSeconds() != null) {
      n.put("chunkSeconds", a.chunkSeconds());
    }
    n.set("frameScores", numbers(a.frameScores()));
    if (!a.findings().isEmpty()) {
      n.set("findings", FindingsJson.write(a.findings()));
    }
    return n;
  }

  public static Analysis read(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("no result");
    }
    return new Analysis(StoreJson.textOrNull(n, "detectId"), StoreJson.textOrNull(n, "batchId"),
        MediaType.valueOf(n.path("mediaType").asText("UNKNOWN")),
        reading(n.get("primary")), StoreJson.textOrNull(n, "primaryLabel"),
        n.hasNonNull("audioTrack") ? reading(n.get("audioTrack")) : null,
        StoreJson.textOrNull(n, "audioTrackLabel"), doubles(n.get("audioChunks")),
        n.hasNonNull("chunkSeconds") ? n.get("chunkSeconds").asDouble() : null,
        doubles(n.get("frameScores")), FindingsJson.read(n.get("findings")));
  }

  private static ObjectNode reading(ScoreReading r) {
    ObjectNode n = StoreJson.mapper().createObjectNode();
    if (r instanceof ScoreReading.Scored s) {
      n.put("kind", "scored");
      n.put("value", s.value());
      n.put("field", s.field());
    } else if (r instanceof ScoreReading.NoSpeech s) {
      n.put("kind", "noSpeech");
      n.put("field", s.field());
      n.put("raw", s.rawValue());
    } else if (r instanceof ScoreReading.Unscored u) {
      n.put("kind", "unscored");
      n.put("reason", u.reason());
    }
    return n;
  }

  private static ScoreReading reading(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("no score reading");
    }
    return switch (n.path("kind").asText()) {
      case "scored" -> {
        if (!n.path("value").isNumber()) {
          throw new IllegalArgumentException("score is not a number");
        }
        yield new ScoreReading.Scored(n.get("value").asDouble(), n.path("field").asText());
      }
      case "noSpeech" -> new ScoreReading.NoSpeech(n.path("field").asText(),
          n.path("raw").asDouble());
      case "unscored" -> new ScoreReading.Unscored(n.path("reason").asText());
      default -> throw new IllegalArgumentException("unknown score kind");
    };
  }

  private static ArrayNode numbers(List<Double> values) {
    ArrayNode a = StoreJson.mapper().createArrayNode();
    for (Double d : values) {
      if (d == null) {
        a.addNull();
      } else {
        a.add(d);
      }
    }
    return a;
  }

  private static List<Double> doubles(JsonNode n) {
    List<Double> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      for (JsonNode e : n) {
        out.add(e.isNull() ? null : e.asDouble());
      }
    }
    return out;
  }
}
