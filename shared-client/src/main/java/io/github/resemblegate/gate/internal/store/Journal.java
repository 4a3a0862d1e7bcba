package io.github.resemblegate.gate.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resemblegate.gate.GateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The run's write-ahead log of submissions, {@code resemble-journal.jsonl} in the reports
 * directory: one JSON object per line, appended and forced to disk before the gate waits on
 * anything. Before a request that creates detections, an {@code intent} names its parts (part
 * name, SHA-256, path, size) and the result key; once the API accepts it, an {@code accepted} line
 * records the batch id and detection ids; when the gate knows nothing was created, an
 * {@code abandoned} line says so. A kill mid-write loses at most a partial last line, which the
 * reader skips, so an interrupted run can be resumed without uploading anything twice.
 *
 * <p>One run at a time owns a reports directory: the journal is locked for the whole run.
 */
public final class Journal implements AutoCloseable {

  public static final String FILE_NAME = "resemble-journal.jsonl";
  public static final String LOCK_NAME = "resemble-journal.lock";
  public static final String BATCH = "batch";
  public static final String SINGLE = "single";


  /** One uploaded file of a submission. */
  public record Part(String name, String sha256, String path, long size) {}

  /**
   * A submission as the journal knows it: accepted when it has a batch id or detection ids
   * ({@code batchId} is null for single files and for batches found by recovery), abandoned when
   * {@code abandoned} holds the reason, otherwise of unknown fate.
   */
  public record Intent(String id, Instant at, String key, String kind, List<Part> parts, String batchId,
      List<String> detectIds, String abandoned) {

    public Intent {
      parts = List.copyOf(parts);
      detectIds = detectIds == null ? List.of() : List.copyOf(detectIds);
    }

    public boolean accepted() {
      return batchId != null || !detectIds.isEmpty();
    }

    public boolean unresolved() {
      return !accepted() && abandoned == null;
    }

    public Intent accept(String batch, List<String> ids) {
      return new Intent(id, at, key, kind, parts, batch, ids, null);
    }

    public Intent abandon(String why) {
      return new Intent(id, at, key, kind, parts, batchId, detectIds, why);
    }
  }

  private final Path file;
  private final Clock clock;
  private final FileLocks.Held lock;
  private final Map<String, Intent> intents;
  private FileChannel out;

  private Journal(Path file, Clock clock, FileLocks.Held lock, Map<String, Intent> intents) {
    this.file = file;
    this.clock = clock;
    this.lock = lock;
    this.intents = intents;
  }

  public static Path fileIn(Path reportsDirectory) {
    return reportsDirectory.resolve(FILE_NAME);
  }

  /** Locks the reports directory's journal for this run and reads what earlier runs left. */
  public static Journal open(Path reportsDirectory, Clock clock, Consumer<String> warn) {
    FileLocks.Held lock;
    try {
      Files.createDirectories(reportsDirectory);
      lock = FileLocks.tryAcquire(reportsDirectory.resolve(LOCK_NAME));
    } catch (IOException e) {
      throw new GateException("The reports directory " + reportsDirectory + " cannot be written ("
          + e + "); check its permissions or choose another.", e);
    }
    if (lock == null) {
      throw new GateException("Another Resemble Gate run is using " + reportsDirectory
          + " (its journal is locked); wait for it to finish, or give each run its own reports"
          + " directory.");
    }
    try {
      return new Journal(fileIn(reportsDirectory), clock, lock,
          JournalLines.read(fileIn(reportsDirectory), warn));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** What the journal file {@code file} holds, without locking or changing it. */
  public static Map<String, Intent> read(Path file, Consumer<String> warn) {
    return JournalLines.read(file, warn);
  }

  /**
   * The submission of {@code sha256} under result key {@code key}, made at or after
   * {@code notBeforeMillis}, that the journal {@code file} still waits for; null when none.
   * Another build's journal is read without its lock: its lines are appended whole.
   */
  public static Intent waitingFor(Path file, String sha256, String key, long notBeforeMillis) {
    for (Intent i : read(file, m -> { }).values()) {
      if (i.abandoned() == null && i.key().equals(key) && i.at().toEpochMilli() >= notBeforeMillis
          && i.parts().stream().anyMatch(p -> p.sha256().equals(sha256))) {
        return i;
      }
    }
    return null;
  }

  /**
   * What a journal holds, without locking or changing it: for dry runs and offline runs, which
   * change nothing.
   */
  public static List<Intent> peek(Path reportsDirectory, Consumer<String> warn) {
    return List.copyOf(JournalLines.read(fileIn(reportsDirectory), warn).values());
  }

  public Path file() {
    return file;
  }

  public synchronized List<Intent> intents() {
    return List.copyOf(intents.values());
  }

  /** Records that a submission is about to be sent; returns it with its new id. */
  public synchronized Intent intend(String kind, String key, List<Part> parts) {
    return intend(kind, key, parts, null);
  }

  /** As {@link #intend(String, String, List)}, also noting the request's options for people. */
  public synchronized Intent intend(String kind, String key, List<Part> parts, String options) {
    Intent intent = new Intent(UUID.randomUUID().toString(), clock.instant(), key, kind, parts,
        null, List.of(), null);
    ObjectNode line = JournalLines.intent(intent);
    if (options != null) {
      line.put("options", options);
    }
    append(line);
    intents.put(intent.id(), intent);
    return intent;
  }

  /** Records the ids the API gave a submission. */
  public synchronized Intent accepted(String intentId, String batchId, List<String> detectIds) {
    append(JournalLines.accepted(intentId, batchId, detectIds));
    Intent updated = intents.get(intentId).accept(batchId, detectIds);
    intents.put(intentId, updated);
    return updated;
  }

  /** Records that a submission certainly created nothing. */
  public synchronized void abandoned(String intentId, String why) {
    append(JournalLines.abandoned(intentId, why));
    intents.computeIfPresent(intentId, (k, v) -> v.abandon(why));
  }

  /**
   * Rewrites the journal with only the intents to keep (atomically); removes it when none is
   * left. Abandoned intents are never kept.
   */
  public synchronized void compact(Set<String> keep) throws IOException {
    closeOut();
    List<Intent> kept = new ArrayList<>();
    for (Intent i : intents.values()) {
      if (keep.contains(i.id()) && i.abandoned() == null) {
        kept.add(i);
      }
    }
    if (kept.isEmpty()) {
      Files.deleteIfExists(file);
      intents.clear();
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Intent i : kept) {
      sb.append(StoreJson.mapper().writeValueAsString(JournalLines.intent(i))).append('\n');
      if (i.accepted()) {
        sb.append(StoreJson.mapper().writeValueAsString(JournalLines.accepted(i.id(), i.batchId(),
            i.detectIds())))
            .append('\n');
      }
    }
    Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      AtomicFiles.moveIntoPlace(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
    intents.keySet().retainAll(kept.stream().map(Intent::id).toList());
  }

  @Override
  public synchronized void close() {
    try {
      closeOut();
    } finally {
      lock.close();
    }
  }

  private void closeOut() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // every line was already forced to disk
      }
      out = null;
    }
  }

  private void append(ObjectNode n) {
    try {
      append(StoreJson.mapper().writeValueAsString(n));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void append(String json) {
    try {
      if (out == null) {
        boolean partialLastLine = endsMidLine(file);
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        if (partialLastLine) {
          // A partial last line from a killed run must not swallow the next record.
          out.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
      }
      byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      out.force(true);
    } catch (IOException e) {
      throw new GateException("Could not write the journal " + file + " (" + e
          + "); nothing more is submitted, so no result can be lost; check the reports directory"
          + " is writable.", e);
    }
  }

  private static boolean endsMidLine(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      in.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }


}
