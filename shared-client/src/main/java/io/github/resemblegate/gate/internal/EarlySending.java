package io.github.resemblegate.gate.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.internal.hash.Hasher;
import io.github.resemblegate.gate.internal.shard.ShardFilter;
import io.github.resemblegate.gate.internal.store.ResultCache;
import io.github.resemblegate.gate.internal.store.StoreJson;
import io.github.resemblegate.gate.scan.ScannedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * When a run may send while it hashes: only when nothing but the cache can stop a content once
 * it is hashed (the budget is known to hold from the scan), and when the client should get ready
 * before the first content is known to need it.
 */
final class EarlySending {

  private EarlySending() {}

  /**
   * For a run that will send ({@code check} mode, a token, and no hash index vouching for any
   * file, so every file is new): the HTTP client and the JSON readers and writers are loaded on
   * threads of their own while the run opens its stores and checks and hashes its first files,
   * rather than in front of the first upload. Nothing is sent; a run that finds nothing to send
   * loads nothing of the remote half.
   */
  static void warmUp(GateConfig config) {
    if (config.mode() instanceof GateConfig.Mode.Check && config.api().token() != null
        && nothingRemembered(config)) {
      start("resemble-gate-http", ResembleClient::prepare);
      start("resemble-gate-json", EarlySending::storeJson);
    }
  }

  /** The journal's first line is written and read with the stores' mapper, made here. */
  private static void storeJson() {
    ObjectMapper m = StoreJson.mapper();
    try {
      m.readTree(m.writeValueAsString(m.createObjectNode().put("id", "a")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void start(String name, Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError e) {
        // Only a head start: building the client for sending fails in its place, on the run's
        // own thread, which reports it; no stack trace from here.
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  /** Whether no hash index remembers this base directory: no cache, or its first run here. */
  static boolean nothingRemembered(GateConfig config) {
    return !config.cache().enabled() || !Files.exists(Hasher.locate(config.cache().directory(),
        config.scan().baseDirectory()));
  }

  /**
   * Whether the budget is known to hold before any file is read, so the run may send while it
   * hashes: no minutes budget, every candidate together within {@code maxBytes}, and for
   * {@code maxFiles} (or the shard's share of it) no budget, no more candidates than it allows,
   * or few enough whose remembered hash the cache does not hold. Otherwise the whole plan
   * decides, as before. A share of 0 always waits for the whole plan: to the planner 0 is no
   * limit.
   */
  static boolean budgetHolds(GateConfig config, ShardFilter shard, List<ScannedFile> files,
      ResultCache cache, Consumer<String> warn) {
    int maxFiles = shard.budget();
    List<ScannedFile> candidates = files.stream().filter(ScannedFile::isCandidate).toList();
    long maxBytes = config.budget().maxBytes();
    if (config.budget().maxMediaMinutes() > 0 || maxBytes > 0
        && candidates.stream().mapToLong(ScannedFile::size).sum() > maxBytes) {
      // Playing times are read from the hashed plan; bytes hold early only when every matched
      // file together fits.
      return false;
    }
    if (!shard.limited() || maxFiles > 0 && candidates.size() <= maxFiles) {
      return true;
    }
    if (maxFiles == 0 || cache == null || config.cache().refresh()) {
      return false;
    }
    Path index = Hasher.locate(config.cache().directory(), config.scan().baseDirectory());
    long unanswered = Hasher.unanswered(index, candidates, cache::holds, warn);
    return unanswered <= maxFiles;
  }
}
