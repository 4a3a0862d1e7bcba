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

  private final Path file;
  private final Clock clock;
  private final FileLocks.Held lock;
  private final Map<String, Submission> submissions;
  private FileChannel out;

  private Journal(Path file, Clock clock, FileLocks.Held lock,
      Map<String, Submission> submissions) {
    this.file = file;
    this.clock = clock;
    this.lock = lock;
    this.submissions = submissions;
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
  public static Map<String, Submission> read(Path file, Consumer<String> warn) {
    return JournalLines.read(file, warn);
  }

  /**
   * The submission of {@code sha256} under result key {@code key}, made at or after
   * {@code notBeforeMillis}, that the journal {@code file} still waits for; null when none.
   * Another build's journal is read without its lock: its lines are appended whole.
   */
  public static Submission waitingFor(Path file, String sha256, String key, long notBeforeMillis) {
    for (Submission i : read(file, m -> { }).values()) {
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
  public static List<Submission> peek(Path reportsDirectory, Consumer<String> warn) {
    return List.copyOf(JournalLines.read(fileIn(reportsDirectory), warn).values());
  }

  public Path file() {
    return file;
  }

  public synchronized List<Submission> submissions() {
    return List.copyOf(submissions.values());
  }

  /** Records that a submission is about to be sent; returns it with its new id. */
  public synchronized Submission intend(String kind, String key, List<Submission.Part> parts) {
    return intend(kind, key, parts, null);
  }

  /** As {@link #intend(String, String, List)}, also noting the request's options for people. */
  public synchronized Submission intend(String kind, String key, List<Submission.Part> parts,
      String options) {
    Submission intent = new Submission(UUID.randomUUID().toString(), clock.instant(), key, kind,
        parts, null, List.of(), null);
    ObjectNode line = JournalLines.intent(intent);
    if (options != null) {
      line.put("options", options);
    }
    append(line);
    submissions.put(intent.id(), intent);
    return intent;
  }

  /** Records the ids the API gave a submission. */
  public synchronized Submission accepted(String submissionId, String batchId,
      List<String> detectIds) {
    append(JournalLines.accepted(submissionId, batchId, detectIds));
    Submission updated = submissions.get(submissionId).accept(batchId, detectIds);
    submissions.put(submissionId, updated);
    return updated;
  }

  /** Records that a submission certainly created nothing. */
  public synchronized void abandoned(String submissionId, String why) {
    append(JournalLines.abandoned(submissionId, why));
    submissions.computeIfPresent(submissionId, (k, v) -> v.abandon(why));
  }

  /**
   * Rewrites the journal with only the submissions to keep (atomically); removes it when none is
   * left. Abandoned submissions are never kept.
   */
  public synchronized void compact(Set<String> keep) throws IOException {
    closeOut();
    List<Submission> kept = new ArrayList<>();
    for (Submission i : submissions.values()) {
      if (keep.contains(i.id()) && i.abandoned() == null) {
        kept.add(i);
      }
    }
    if (kept.isEmpty()) {
      Files.deleteIfExists(file);
      submissions.clear();
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Submission i : kept) {
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
    submissions.keySet().retainAll(kept.stream().map(Submission::id).toList());
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
