package io.github.resemblegate.gate.narration;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.GateListener.Progress;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;

/** Passes every event to another listener; subclasses override what they change. */
public class ForwardingListener implements GateListener {

  private final GateListener delegate;

  public ForwardingListener(GateListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    delegate.scanned(matchedFiles, totalBytes);
  }

  @Override
  public void planned(Plan plan) {
    delegate.planned(plan);
  }

  @Override
  public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
    delegate.batchSubmitted(batchIndex, batchCount, batchId, files);
  }

  @Override
  public void progress(Progress progress) {
    delegate.progress(progress);
  }

  @Override
  public void fileJudged(FileResult result) {
    delegate.fileJudged(result);
  }

  @Override
  public void finished(GateResult result) {
    delegate.finished(result);
  }

  @Override
  public void request(String method, String path) {
    delegate.request(method, path);
  }

  @Override
  public void info(String message) {
    delegate.info(message);
  }

  @Override
  public void warn(String message) {
    delegate.warn(message);
  }

  @Override
  public void debug(String message) {
    delegate.debug(message);
  }
}
