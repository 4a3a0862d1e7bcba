package io.github.resemblegate.robustness;

import io.github.resemblegate.gate.GateListener;
import io.github.resemblegate.gate.GateListener.Plan;
import io.github.resemblegate.gate.GateListener.Progress;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.policy.FileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A listener that writes down everything the gate tells a front end, at every level, including
 * the {@code toString()} of every object it passes: what a Maven log at {@code -X} or a Jenkins
 * console could ever show.
 */
final class Transcript implements GateListener {

  private final List<String> lines = new ArrayList<>();
  private Consumer<Plan> onPlanned = plan -> {};

  /** Runs {@code action} when the plan is made: after the scan and hashing, before any upload. */
  Transcript onPlanned(Consumer<Plan> action) {
    this.onPlanned = action;
    return this;
  }

  @Override
  public synchronized void scanned(int matchedFiles, long totalBytes) {
    lines.add("scanned " + matchedFiles + " " + totalBytes);
  }

  @Override
  public synchronized void planned(Plan plan) {
    lines.add("planned " + plan);
    onPlanned.accept(plan);
  }

  @Override
  public synchronized void batchSubmitted(int batchIndex, int batchCount, String batchId,
      int files) {
    lines.add("batchSubmitted " + batchIndex + "/" + batchCount + " " + batchId + " " + files);
  }

  @Override
  public synchronized void progress(Progress progress) {
    lines.add("progress " + progress);
  }

  @Override
  public synchronized void fileJudged(FileResult result) {
    lines.add("fileJudged " + result);
  }

  @Override
  public synchronized void finished(GateResult verdict) {
    lines.add("finished " + verdict);
  }

  @Override
  public synchronized void info(String message) {
    lines.add("info " + message);
  }

  @Override
  public synchronized void warn(String message) {
    lines.add("warn " + message);
  }

  @Override
  public synchronized void debug(String message) {
    lines.add("debug " + message);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized String text() {
    return String.join("\n", lines);
  }
}
