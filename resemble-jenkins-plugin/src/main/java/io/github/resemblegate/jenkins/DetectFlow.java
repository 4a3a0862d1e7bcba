package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import jenkins.model.Jenkins;

/**
 * One run of the step on the controller: find the token, scan on the agent, keep the reports with
 * the build, attach the summary action and turn the verdict into the build result.
 */
final class DetectFlow {

  private final GateEngine engine;

  DetectFlow(GateEngine engine) {
    this.engine = engine;
  }

  void run(ScanSettings settings, Run<?, ?> run, FilePath workspace, EnvVars env,
      TaskListener listener) throws IOException, InterruptedException {
    String token = Tokens.resolve(settings.credentialsId, run, env);
    if (token == null && !settings.dryRun) {
      throw new AbortException("No Resemble API token was found. " + GateConfigs.TOKEN_ADVICE);
    }
    ProxySettings proxy = ProxySettings.from(Jenkins.get().getProxy());
    ScanOutcome outcome = workspace.act(new ScanCallable(settings, token, proxy, listener,
        engine));
    int index = run.getActions(ResembleDetectAction.class).size() + 1;
    ResembleDetectAction action = new ResembleDetectAction(index, outcome);
    archiveReports(outcome, workspace, new File(run.getRootDir(), action.getArchiveDirName()));
    run.addAction(action);
    applyResult(outcome, run, listener);
  }

  /** Copies the written reports next to the build, so they outlive the workspace. */
  static void archiveReports(ScanOutcome outcome, FilePath workspace, File target)
      throws IOException, InterruptedException {
    if (outcome.getReportFiles().isEmpty()) {
      return;
    }
    FilePath to = new FilePath(target);
    to.mkdirs();
    FilePath from = workspace.child(outcome.getReportsDir());
    for (String name : outcome.getReportFiles()) {
      from.child(name).copyTo(to.child(name));
    }
  }

  /**
   * PASSED leaves the result alone; UNSTABLE marks the build unstable; FAILED sets FAILURE and
   * stops the step with the verdict's one-sentence message.
   */
  static void applyResult(ScanOutcome outcome, Run<?, ?> run, TaskListener listener)
      throws AbortException {
    String message = outcome.getMessage();
    switch (outcome.getStatus()) {
      case "PASSED" -> listener.getLogger().println("[Resemble] Passed: " + message);
      case "UNSTABLE" -> {
        listener.getLogger().println("[Resemble] Marking the build UNSTABLE: " + message);
        run.setResult(Result.UNSTABLE);
      }
      default -> {
        run.setResult(Result.FAILURE);
        throw new AbortException(message);
      }
    }
  }
}
