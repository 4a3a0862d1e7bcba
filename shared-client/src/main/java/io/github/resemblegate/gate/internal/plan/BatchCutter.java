package io.github.resemblegate.gate.internal.plan;

import io.github.resemblegate.client.MediaExtensions;
import io.github.resemblegate.gate.internal.ledger.Content;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the contents that need a detection, as they come, into batches of at most
 * {@code maxFilesPerBatch} files and {@code maxBytesPerBatch} bytes, and sets aside the files that
 * must go on their own: larger than a batch may be (a secure upload when over the 150 MB
 * direct-upload limit), an extension the batch endpoint does not take, or every file under
 * zero-retention mode, whose names the API redacts so a batch result could not be mapped back
 * with certainty. Contents keep their order; a batch is handed out as soon as it is full.
 */
public final class BatchCutter {

  /** The API's limit for a direct single upload (MB read as 10^6 bytes, as for batches). */
  public static final long DIRECT_UPLOAD_LIMIT = 150_000_000L;

  /** The rules a plan follows: the batch limits, and whether names are redacted. */
  public record Rules(int maxFilesPerBatch, long maxBytesPerBatch, boolean zeroRetention) {}

  private final Rules rules;
  private List<Content> current = new ArrayList<>();
  private long currentBytes;

  public BatchCutter(Rules rules) {
    this.rules = rules;
  }

  /** Takes one content; returns what is ready to send because of it (a full batch, a single). */
  public List<Planned> add(Content c) {
    String why = singleReason(c);
    if (why != null) {
      return List.of(new Planned.Single(c, why, c.size() > DIRECT_UPLOAD_LIMIT));
    }
    List<Planned> ready = new ArrayList<>(1);
    if (!current.isEmpty() && (current.size() == rules.maxFilesPerBatch()
        || currentBytes + c.size() > rules.maxBytesPerBatch())) {
      ready.add(cut());
    }
    current.add(c);
    currentBytes += c.size();
    if (current.size() == rules.maxFilesPerBatch()) {
      ready.add(cut());
    }
    return ready;
  }

  /** Files in the batch being filled. */
  public int files() {
    return current.size();
  }

  /** Bytes in the batch being filled. */
  public long bytes() {
    return currentBytes;
  }

  /** The batch being filled, as it would be cut now, without cutting it. */
  public List<Planned> pending() {
    return current.isEmpty() ? List.of() : List.of(new Planned.Batch(current));
  }

  /** The last, partly filled batch, if any. */
  public List<Planned> flush() {
    return current.isEmpty() ? List.of() : List.of(cut());
  }

  /** Every content cut at once, in order: batches first, as they were cut, then the singles. */
  public static List<Planned> cutAll(Rules rules, List<Content> contents) {
    BatchCutter cutter = new BatchCutter(rules);
    List<Planned> batches = new ArrayList<>();
    List<Planned> singles = new ArrayList<>();
    for (Content c : contents) {
      for (Planned p : cutter.add(c)) {
        (p instanceof Planned.Single ? singles : batches).add(p);
      }
    }
    batches.addAll(cutter.flush());
    batches.addAll(singles);
    return batches;
  }

  private Planned cut() {
    Planned batch = new Planned.Batch(current);
    current = new ArrayList<>();
    currentBytes = 0;
    return batch;
  }

  private String singleReason(Content u) {
    if (rules.zeroRetention()) {
      return "zero-retention: the API redacts file names, so each file goes on its own to keep"
          + " its result certain";
    }
    String ext = MediaExtensions.of(u.path());
    if (!MediaExtensions.batchable(ext)) {
      return "the batch endpoint does not accept ." + ext + " files";
    }
    if (u.size() > rules.maxBytesPerBatch()) {
      return "larger than a batch allows (" + u.size() + " bytes > " + rules.maxBytesPerBatch()
          + ")";
    }
    return null;
  }
}
