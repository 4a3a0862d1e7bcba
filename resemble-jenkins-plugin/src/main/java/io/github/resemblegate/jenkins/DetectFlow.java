package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.policy.Verdict;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * One run of the step on the controller: find the token, scan on the agent, keep the reports with
 * the build, attach the summary action and turn the decision into the build result.
 */
final class DetectFlow {

  private final GateEngine engine;

  DetectFlow(GateEngine engine) {
    this.engine = engine;
  }

  /**
   * Runs the step. No token is not a reason to stop here: the gate asks for one only when it must
   * pay for something (a dry run, or a run the cache answers, needs none), as the Maven goal does.
   */
  void run(ScanSettings settings, Run<?, ?> run, FilePath workspace, EnvVars env,
      TaskListener listener) throws IOException, InterruptedException {
    String token = Tokens.resolve(settings.credentialsId(), run, env);
    ProxySettings proxy = ProxySettings.from(Jenkins.get().getProxy());
    ScanOutcome outcome = workspace.act(new ScanCallable(settings, token, proxy, listener,
        engine));
    int index = run.getActions(ResembleDetectAction.class).size() + 1;
    String archiveDir = ResembleDetectAction.archiveDirName(index);
    List<String> archived = archiveReports(outcome, workspace,
        new File(run.getRootDir(), archiveDir), listener);
    run.addAction(new ResembleDetectAction(index, outcome, archived));
    applyResult(outcome, run, listener);
  }

  /**
   * Copies the written reports next to the build, so they outlive the workspace; only what
   * {@link ReportArchive} accepts of what the agent claims.
   *
   * @return the names archived
   */
  static List<String> archiveReports(ScanOutcome outcome, FilePath workspace, File target,
      TaskListener listener) throws IOException, InterruptedException {
    return ReportArchive.copy(workspace, outcome.getReportsDir(), outcome.getReportFiles(), target,
        listener.getLogger());
  }

  /**
   * PASSED leaves the result alone; UNSTABLE marks the build unstable; FAILED sets FAILURE and
   * stops the step with the decision's sentence, the same one the Maven goal fails with.
   */
  static void applyResult(ScanOutcome outcome, Run<?, ?> run, TaskListener listener)
      throws AbortException {
    String sentence = outcome.getMessage();
    switch (Verdict.valueOf(outcome.getStatus())) {
      case PASSED -> listener.getLogger().println("[Resemble] Passed: " + sentence);
      case UNSTABLE -> {
        listener.getLogger().println("[Resemble] Marking the build UNSTABLE: " + sentence);
        run.setResult(Result.UNSTABLE);
      }
      case FAILED -> {
        run.setResult(Result.FAILURE);
        throw new AbortException(sentence);
      }
    }
  }
}
