package io.github.resemblegate.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the contents that need a detection into batches of at most {@code maxFilesPerBatch} files
 * and {@code maxBytesPerBatch} bytes, in path order, and sets aside the files that must go on
 * their own: larger than a batch may be (a secure upload when over the 150 MB direct-upload limit),
 * an extension the batch endpoint does not take, or every file under zero-retention mode, whose
 * names the API redacts so a batch result could not be mapped back with certainty.
 */
final class BatchPlanner {

  /** The API's limit for a direct single upload (MB read as 10^6 bytes, as for batches). */
  static final long DIRECT_UPLOAD_LIMIT = 150_000_000L;

  /**
   * One content to upload, under the path of its first file; {@code modifiedMicros} is that
   * file's modification time when it was scanned.
   */
  record Upload(String sha256, String path, long size, long modifiedMicros) {

    static Upload of(String sha256, MediaFile file) {
      return new Upload(sha256, file.path(), file.size(), file.modifiedMicros());
    }
  }

  /** A file that goes on its own; {@code secure} when it needs a secure upload first. */
  record Single(Upload upload, String why, boolean secure) {}

  /** The batches (each a list of uploads) and the singles. */
  record Work(List<List<Upload>> batches, List<Single> singles) {

    long bytes() {
      long n = 0;
      for (List<Upload> b : batches) {
        for (Upload u : b) {
          n += u.size();
        }
      }
      for (Single s : singles) {
        n += s.upload().size();
      }
      return n;
    }

    int uploads() {
      int n = singles.size();
      for (List<Upload> b : batches) {
        n += b.size();
      }
      return n;
    }
  }

  private final int maxFiles;
  private final long maxBytes;
  private final boolean zeroRetention;

  BatchPlanner(int maxFilesPerBatch, long maxBytesPerBatch, boolean zeroRetention) {
    this.maxFiles = maxFilesPerBatch;
    this.maxBytes = maxBytesPerBatch;
    this.zeroRetention = zeroRetention;
  }

  Work plan(List<Upload> uploads) {
    List<List<Upload>> batches = new ArrayList<>();
    List<Single> singles = new ArrayList<>();
    List<Upload> current = new ArrayList<>();
    long currentBytes = 0;
    for (Upload u : uploads) {
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

  private String singleReason(Upload u) {
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

  /** The public view of the work, for listeners and reports. */
  static Plan describe(Work work, int matchedFiles, int uniqueContents, int cachedContents,
      int skippedFiles) {
    List<Plan.PlannedBatch> batches = new ArrayList<>();
    for (int i = 0; i < work.batches().size(); i++) {
      List<Upload> b = work.batches().get(i);
      long bytes = 0;
      List<String> paths = new ArrayList<>(b.size());
      for (Upload u : b) {
        bytes += u.size();
        paths.add(u.path());
      }
      batches.add(new Plan.PlannedBatch(i + 1, paths, bytes));
    }
    List<Plan.PlannedSingle> singles = new ArrayList<>();
    for (Single s : work.singles()) {
      singles.add(new Plan.PlannedSingle(s.upload().path(), s.upload().size(), s.why()));
    }
    return new Plan(matchedFiles, uniqueContents, cachedContents, skippedFiles, batches, singles,
        work.bytes());
  }
}
