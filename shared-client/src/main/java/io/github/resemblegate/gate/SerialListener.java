package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.FileResult;

/**
 * Makes a listener safe to call from the gate's worker threads: one event at a time, as
 * {@link GateListener} promises front ends.
 */
final class SerialListener extends ForwardingListener {

  SerialListener(GateListener delegate) {
    super(delegate);
  }

  @Override
  public synchronized void scanned(int matchedFiles, long totalBytes) {
    super.scanned(matchedFiles, totalBytes);
  }

  @Override
  public synchronized void planned(Plan plan) {
    super.planned(plan);
  }

  @Override
  public synchronized void batchSubmitted(int batchIndex, int batchCount, String batchId,
      int files) {
    super.batchSubmitted(batchIndex, batchCount, batchId, files);
  }

  @Override
  public synchronized void progress(Progress progress) {
    super.progress(progress);
  }

  @Override
  public synchronized void fileJudged(FileResult result) {
    super.fileJudged(result);
  }

  @Override
  public synchronized void finished(GateResult result) {
    super.finished(result);
  }

  @Override
  public synchronized void request(String method, String path) {
    super.request(method, path);
  }

  @Override
  public synchronized void info(String message) {
    super.info(message);
  }

  @Override
  public synchronized void warn(String message) {
    super.warn(message);
  }

  @Override
  public synchronized void debug(String message) {
    super.debug(message);
  }
}
