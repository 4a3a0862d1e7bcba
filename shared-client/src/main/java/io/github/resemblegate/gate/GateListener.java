package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.FileResult;

/**
 * Receives a run's events so a front end can log them (Maven {@code Log}, Jenkins
 * {@code TaskListener}). Every method has a no-op default. Calls may come from several threads
 * but never concurrently for one listener.
 */
public interface GateListener {

  GateListener NONE = new GateListener() {};

  /** The scan finished: how many files matched the patterns and how many bytes they hold. */
  default void scanned(int matchedFiles, long totalBytes) {}

  /** The plan is made (also the whole output of a dry run). */
  default void planned(Plan plan) {}

  /** A batch was accepted by the API (its id is already in the journal). */
  default void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {}

  /** A poll answered; may be called often, front ends thin it out to one line every few seconds. */
  default void progress(Progress progress) {}

  /** One file's outcome is final. */
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
}
