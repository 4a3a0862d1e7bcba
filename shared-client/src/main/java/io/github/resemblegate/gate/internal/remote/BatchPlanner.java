package io.github.resemblegate.gate.internal.remote;

import io.github.resemblegate.client.MediaExtensions;
import io.github.resemblegate.gate.Plan;
import io.github.resemblegate.gate.internal.ledger.Content;
import io.github.resemblegate.gate.internal.ledger.Fate;
import io.github.resemblegate.gate.internal.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the contents that need a detection into batches of at most {@code maxFilesPerBatch} files
 * and {@code maxBytesPerBatch} bytes, in path order, and sets aside the files that must go on
 * their own: larger than a batch may be (a secure upload when over the 150 MB direct-upload limit),
 * an extension the batch endpoint does not take, or every file under zero-retention mode, whose
 * names the API redacts so a batch result could not be mapped back with certainty.
 */
public final class BatchPlanner {

  /** The API's limit for a direct single upload (MB read as 10^6 bytes, as for batches). */
  public static final long DIRECT_UPLOAD_LIMIT = 150_000_000L;

  /** A file that goes on its own; {@code secure} when it needs a secure upload first. */
  public record Single(Content content, String why, boolean secure) {}

  /** The batches (each a list of uploads) and the singles. */
  public record Work(List<List<Content>> batches, List<Single> singles) {

    public long bytes() {
      long n = 0;
      for (List<Content> b : batches) {
        for (Content u : b) {
          n += u.size();
        }
      }
      for (Single s : singles) {
        n += s.content().size();
      }
      return n;
    }

    public int uploads() {
      int n = singles.size();
      for (List<Content> b : batches) {
        n += b.size();
      }
      return n;
    }
  }

  private final int maxFiles;
  private final long maxBytes;
  private final boolean zeroRetention;

  public BatchPlanner(int maxFilesPerBatch, long maxBytesPerBatch, boolean zeroRetention) {
    this.maxFiles = maxFilesPerBatch;
    this.maxBytes = maxBytesPerBatch;
    this.zeroRetention = zeroRetention;
  }

  public Work plan(List<Content> uploads) {
    List<List<Content>> batches = new ArrayList<>();
    List<Single> singles = new ArrayList<>();
    List<Content> current = new ArrayList<>();
    long currentBytes = 0;
    for (Content u : uploads) {
      String why = singleReason(u);
      if (why != null) {
        singles.add(new Single(u, why, u.size() > DIRECT_UPLOAD_LIMIT));
        continue;
      }
      if (!current.isEmpty() && (current.size() == maxFiles || currentBytes + u.size() > maxBytes)) {
        batches.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
      }
      current.add(u);
      currentBytes += u.size();
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return new Work(batches, singles);
  }

  private String singleReason(Content u) {
    if (zeroRetention) {
      return "zero-retention: the API redacts file names, so each file goes on its own to keep"
          + " its result certain";
    }
    String ext = MediaExtensions.of(u.path());
    if (!MediaExtensions.batchable(ext)) {
      return "the batch endpoint does not accept ." + ext + " files";
    }
    if (u.size() > maxBytes) {
      return "larger than a batch allows (" + u.size() + " bytes > " + maxBytes + ")";
    }
    return null;
  }

  /** The public view of the work, with the ledger's counts. */
  public static Plan describe(Work work, Ledger ledger) {
    return describe(work, ledger.size(), ledger.contents().size(),
        ledger.contents(f -> f instanceof Fate.Scored s && s.fromCache()).size(),
        ledger.skippedFiles());
  }

  /** The public view of the work, for listeners and reports. */
  public static Plan describe(Work work, int matchedFiles, int uniqueContents, int cachedContents,
      int skippedFiles) {
    List<Plan.PlannedBatch> batches = new ArrayList<>();
    for (int i = 0; i < work.batches().size(); i++) {
      List<Content> b = work.batches().get(i);
      long bytes = 0;
      List<String> paths = new ArrayList<>(b.size());
      for (Content u : b) {
        bytes += u.size();
        paths.add(u.path());
      }
      batches.add(new Plan.PlannedBatch(i + 1, paths, bytes));
    }
    List<Plan.PlannedSingle> singles = new ArrayList<>();
    for (Single s : work.singles()) {
      singles.add(new Plan.PlannedSingle(s.content().path(), s.content().size(), s.why()));
    }
    return new Plan(matchedFiles, uniqueContents, cachedContents, skippedFiles, batches, singles,
        work.bytes());
  }
}
