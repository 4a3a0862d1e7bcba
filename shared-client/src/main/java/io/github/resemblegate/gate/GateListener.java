package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.FileResult;
import java.time.Duration;
import java.util.List;

/**
 * Receives a run's events so a front end can log them (Maven {@code Log}, Jenkins
 * {@code TaskListener}). Every method has a no-op default. Calls may come from several threads
 * but never concurrently for one listener.
 */
public interface GateListener {

  GateListener NONE = new GateListener() {};

  /** The scan finished: how many files matched the patterns and how many bytes they hold. */
  default void scanned(int matchedFiles, long totalBytes) {}

  /**
   * The plan is complete (also the whole output of a dry run). A run that uploads while it still
   * hashes may have sent batches by now; they are told after this, with the final count.
   */
  default void planned(Plan plan) {}

  /** A batch was accepted by the API (its id is already in the journal). */
  default void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {}

  /**
   * A poll answered, once the plan is complete; may be called often, front ends thin it out to one
   * line every few seconds.
   */
  default void progress(Progress progress) {}

  /**
   * One file's outcome is final: as soon as its result arrives, else when the run ends; once per
   * file, not in path order ({@link GateResult#files} is).
   */
  default void fileJudged(FileResult result) {}

  /** The run is over. */
  default void finished(GateResult result) {}

  /**
   * An HTTP request is about to go out (every attempt, retries included), for request counts in
   * logs and benchmarks. Never carries the token or a body.
   */
  default void request(String method, String path) {}

  default void info(String message) {}

  default void warn(String message) {}

  default void debug(String message) {}

  /**
   * What a run will submit: batches of files, files that go one by one (too large for a batch, or
   * name-redacted under zero-retention), and how many files the cache already answers; with the
   * playing time the planned audio and video files' containers state, and how many of them state
   * none (unknown, not counted as 0).
   */
  record Plan(
      int matchedFiles,
      int uniqueContents,
      int cachedContents,
      int skippedFiles,
      List<PlannedBatch> batches,
      List<PlannedSingle> singles,
      long bytesToUpload,
      double playingSeconds,
      int unknownPlayingTimes) {

    public Plan {
      batches = List.copyOf(batches);
      singles = List.copyOf(singles);
    }

    /** A plan whose playing time nobody read. */
    public Plan(int matchedFiles, int uniqueContents, int cachedContents, int skippedFiles,
        List<PlannedBatch> batches, List<PlannedSingle> singles, long bytesToUpload) {
      this(matchedFiles, uniqueContents, cachedContents, skippedFiles, batches, singles,
          bytesToUpload, 0, 0);
    }

    /** One batch: the relative paths of its files (one per unique content) and its size. */
    public record PlannedBatch(int index, List<String> paths, long bytes) {
      public PlannedBatch {
        paths = List.copyOf(paths);
      }
    }

    /**
     * A file submitted on its own, and why ({@code "larger than a batch allows"},
     * {@code "zero-retention"}).
     */
    public record PlannedSingle(String path, long bytes, String why) {}
  }

  /**
   * Where the run stands while it waits: how many detections of how many are finished, overall and
   * for the batch that just reported.
   */
  record Progress(
      int batchIndex,
      int batchCount,
      String batchId,
      int batchDone,
      int batchTotal,
      int overallDone,
      int overallTotal,
      Duration elapsed) {}
}
