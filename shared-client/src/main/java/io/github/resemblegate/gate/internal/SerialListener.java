package io.github.resemblegate.gate.internal;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;

/**
 * Makes a listener safe to call from the gate's worker threads: one event at a time, as
 * {@link GateListener} promises front ends.
 */
final class SerialListener implements GateListener {

  private final GateListener delegate;

  SerialListener(GateListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void scanned(int matchedFiles, long totalBytes) {
    delegate.scanned(matchedFiles, totalBytes);
  }

  @Override
  public synchronized void planned(Plan plan) {
    delegate.planned(plan);
  }

  @Override
  public synchronized void batchSubmitted(int batchIndex, int batchCount, String batchId,
      int files) {
    delegate.batchSubmitted(batchIndex, batchCount, batchId, files);
  }

  @Override
  public synchronized void progress(Progress progress) {
    delegate.progress(progress);
  }

  @Override
  public synchronized void fileJudged(FileResult result) {
    delegate.fileJudged(result);
  }

  @Override
  public synchronized void finished(GateResult result) {
    delegate.finished(result);
  }

  @Override
  public synchronized void request(String method, String path) {
    delegate.request(method, path);
  }

  @Override
  public synchronized void info(String message) {
    delegate.info(message);
  }

  @Override
  public synchronized void warn(String message) {
    delegate.warn(message);
  }

  @Override
  public synchronized void debug(String message) {
    delegate.debug(message);
  }
}
