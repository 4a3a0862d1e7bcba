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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A run's write-ahead log of submissions, one JSON object per line, appended and forced to disk
 * before the gate waits on anything. Before a request that creates detections, an {@code intent}
 * names its parts (part name, SHA-256, path, size) and the result key; once the API accepts it, an
 * {@code accepted} line records the batch id and detection ids; when the gate knows nothing was
 * created, an {@code abandoned} line says so. A kill mid-write loses at most a partial last line,
 * which the reader skips, so an interrupted run can be resumed without uploading anything twice.
 *
 * <p>Each run writes its own journal in the {@link JournalFolder} beside the result cache, and
 * takes over, when it opens, the submissions stopped runs left there for its contents: a run after
 * {@code mvn clean} or in a fresh workspace resumes them instead of paying again. One run at a
 * time owns a reports directory: its lock is held for the whole run.
 */
public final class Journal implements AutoCloseable {

  /** The journal of earlier versions, in the reports directory; still read and taken over. */
  public static final String FILE_NAME = "resemble-journal.jsonl";
  /** Held for a run's whole length: one run at a time writes a reports directory. */
  public static final String LOCK_NAME = "resemble-journal.lock";
  public static final String BATCH = "batch";
  public static final String SINGLE = "single";

  private final Path file;
  private final Clock clock;
  private final List<FileLocks.Held> locks;
  private final Map<String, Submission> submissions = new LinkedHashMap<>();
  private FileChannel out;
  /**
   * Set by {@link #close}: the locks are gone, so nothing is written any more. An upload still
   * running past the run's grace may learn its ids late; another run may hold the journal by
   * then, and finds that submission by its intent, as after a kill.
   */
  private boolean closed;

  private Journal(Path file, Clock clock, List<FileLocks.Held> locks) {
    this.file = file;
    this.clock = clock;
    this.locks = locks;
  }

  /** The journal earlier versions kept in {@code reportsDirectory}. */
  public static Path fileIn(Path reportsDirectory) {
    return reportsDirectory.resolve(FILE_NAME);
  }

  /**
   * Locks the reports directory for this run, starts the run's journal in {@code folder}, and
   * takes over what stopped runs left there for the run's files ({@code ours}).
   */
  public static Journal open(JournalFolder folder, Predicate<Submission.Part> ours, Clock clock,
      Consumer<String> warn) {
    List<FileLocks.Held> locks = new ArrayList<>();
    Path reports = folder.reportsDirectory();
    try {
      Files.createDirectories(reports);
      FileLocks.Held reportsLock = FileLocks.tryAcquire(reports.resolve(LOCK_NAME));
      if (reportsLock == null) {
        throw new GateException("Another Resemble Gate run is using " + reports
            + " (its journal is locked); wait for it to finish, or give each run its own reports"
            + " directory.");
      }
      locks.add(reportsLock);
    } catch (IOException e) {
      throw new GateException("The reports directory " + reports + " cannot be written ("
          + e + "); check its permissions or choose another.", e);
    }
    Journal journal = null;
    try {
      Files.createDirectories(folder.directory());
      Path own = folder.directory().resolve(UUID.randomUUID() + JournalFolder.SUFFIX);
      FileLocks.Held ownLock = FileLocks.tryAcquire(JournalFolder.lockOf(own));
      if (ownLock == null) {
        throw new IOException("a new journal's lock is taken");
      }
      locks.add(ownLock);
      journal = new Journal(own, clock, locks);
      folder.takeOver(journal, ours, warn);
      return journal;
    } catch (IOException | RuntimeException e) {
      if (journal != null) {
        journal.close();
      } else {
        locks.forEach(FileLocks.Held::close);
      }
      if (e instanceof GateException g) {
        throw g;
      }
      throw new GateException("The journal folder " + folder.directory() + " cannot be written ("
          + e + "); check its permissions or choose another cache directory.", e);
    }
  }

  /** What the journal file {@code file} holds, without locking or changing it. */
  public static Map<String, Submission> read(Path file, Consumer<String> warn) {
    return JournalLines.read(file, warn);
  }

  /**
   * The submission of {@code sha256} under result key {@code key}, made at or after
   * {@code notBeforeMillis}, that the journal {@code file} or another journal of its folder still
   * waits for (a run that took it over moved it there); null when none. Other builds' journals are
   * read without their locks: their lines are appended whole, and files replaced atomically.
   */
  public static Submission waitingFor(Path file, String sha256, String key, long notBeforeMillis) {
    return JournalFolder.waitingFor(file, sha256, key, notBeforeMillis);
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
  public synchronized Submission intend(String kind, String key, List<Submission.Part> parts, String options) {
    if (closed) {
      // Never send what the journal cannot record first.
      throw new IllegalStateException("the journal " + file + " is closed: the run has ended");
    }
    Submission intent = new Submission(UUID.randomUUID().toString(), clock.instant(), key, kind, parts,
        null, List.of(), null);
    ObjectNode line = JournalLines.intent(intent);
    if (options != null) {
      line.put("options", options);
    }
    append(line);
    submissions.put(intent.id(), intent);
    return intent;
  }

  /** Copies submissions another journal held into this one, as they stand. */
  synchronized void adopt(List<Submission> taken) {
    for (Submission i : taken) {
      append(JournalLines.intent(i));
      if (i.accepted()) {
        append(JournalLines.accepted(i.id(), i.batchId(), i.detectIds()));
      }
      submissions.put(i.id(), i);
    }
  }

  /** Records the ids the API gave a submission. */
  public synchronized Submission accepted(String submissionId, String batchId, List<String> detectIds) {
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
    JournalLines.rewrite(file, kept);
    submissions.keySet().retainAll(kept.stream().map(Submission::id).toList());
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      closeOut();
      if (!Files.exists(file)) {
        // Deleted while still locked: a run that locks it later finds no journal beside it.
        Files.deleteIfExists(JournalFolder.lockOf(file));
      }
    } catch (IOException ignored) {
      // an empty lock file left behind costs nothing
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).close();
      }
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
    if (closed) {
      return;
    }
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
