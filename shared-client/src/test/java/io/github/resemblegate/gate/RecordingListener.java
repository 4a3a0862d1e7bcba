package io.github.resemblegate.gate;

import io.github.resemblegate.gate.policy.FileResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every event of a run, for assertions. */
class RecordingListener implements GateListener {
  final List<Plan> plans = Collections.synchronizedList(new ArrayList<>());
  final List<String> submitted = Collections.synchronizedList(new ArrayList<>());
  final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
  final List<FileResult> judged = Collections.synchronizedList(new ArrayList<>());
  final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  final List<String> debugs = Collections.synchronizedList(new ArrayList<>());
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  int scannedFiles = -1;
  GateResult finished;

  @Override
  public void scanned(int matchedFiles, long totalBytes) {
    scannedFiles = matchedFiles;
  }

  @Override
  public void planned(Plan plan) {
    plans.add(plan);
  }

  @Override
  public void batchSubmitted(int batchIndex, int batchCount, String batchId, int files) {
    submitted.add(batchIndex + "/" + batchCount + " " + batchId + " " + files);
  }

  @Override
  public void progress(Progress p) {
    progress.add(p);
  }

  @Override
  public void fileJudged(FileResult result) {
    judged.add(result);
  }

  @Override
  public void finished(GateResult verdict) {
    finished = verdict;
  }

  @Override
  public void request(String method, String path) {
    requests.add(method + " " + path);
  }

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void debug(String message) {
    debugs.add(message);
  }

  /** Every line a front end could log, for checks that the token never appears. */
  String allText() {
    return String.join("\n", infos) + String.join("\n", warnings) + String.join("\n", debugs)
        + String.join("\n", requests) + judged + finished;
  }
}
