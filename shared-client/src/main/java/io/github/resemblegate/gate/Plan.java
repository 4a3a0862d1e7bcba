package io.github.resemblegate.gate;

import java.util.List;

/**
 * What a run will submit: batches of files, files that go one by one (too large for a batch, or
 * name-redacted under zero-retention), and how many files the cache already answers.
 */
public record Plan(
    int matchedFiles,
    int uniqueContents,
    int cachedContents,
    int skippedFiles,
    List<PlannedBatch> batches,
    List<PlannedSingle> singles,
    long bytesToUpload) {

  public Plan {
    batches = List.copyOf(batches);
    singles = List.copyOf(singles);
  }

  /** One batch: the relative paths of its files (one per unique content) and its size. */
  public record PlannedBatch(int index, List<String> paths, long bytes) {
    public PlannedBatch {
      paths = List.copyOf(paths);
    }
  }

  /** A file submitted on its own, and why ({@code "larger than a batch allows"}, {@code "zero-retention"}). */
  public record PlannedSingle(String path, long bytes, String why) {}
}
