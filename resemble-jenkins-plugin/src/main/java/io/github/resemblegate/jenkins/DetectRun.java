package io.github.resemblegate.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.resemblegate.gate.GateResult;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.policy.Verdict;
import io.github.resemblegate.gate.settings.Setting;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * One run of the step on the controller, for freestyle and Pipeline alike: find the token, scan
 * on the agent, keep the result and the reports with the build, attach the build's action; then
 * {@link #judge} turns the decision into the build result.
 */
final class DetectRun {

  /** Marks the step's own lines in the build log. */
  static final String PREFIX = "[Resemble] ";

  private final GateEngine engine;

  DetectRun(GateEngine engine) {
    this.engine = engine;
  }

  /**
   * Runs the scan and attaches its action. No token is not a reason to stop here: the gate asks
   * for one only when it must pay for something (a dry run, or a run the cache answers, needs
   * none), as the Maven goal does. A run that stops before its verdict (a setting, a credential,
   * the API out of reach, an abort) is kept too, its reports saying it did not complete, and then
   * stops the step with its sentence; an abort stays an abort.
   */
  ResembleDetectAction scan(StepWords step, Run<?, ?> run, FilePath workspace, EnvVars env,
      TaskListener listener) throws IOException, InterruptedException {
    ResembleGlobalConfiguration global = ResembleGlobalConfiguration.get();
    StepWords words = step.orElse(Setting.API_URL, global.getApiUrl());
    String token = null;
    String refusal = null;
    try {
      token = Tokens.resolve(step.credentialsId(), run, env, global.getCredentialsId());
    } catch (AbortException e) {
      // Stopped on the agent, so the reports there say why instead of an earlier run's verdict.
      refusal = e.getMessage();
    }
    ProxySettings proxy = ProxySettings.forApi(Jenkins.get().getProxy(),
        words.word(Setting.API_URL));
    ScanOutcome outcome = workspace.act(new ScanCallable(words, token, proxy, listener, engine)
        .refusing(refusal));
    ResembleDetectAction action = keep(outcome, run, workspace, listener);
    outcome.throwIfStopped();
    return action;
  }

  /**
   * Keeps what the agent sent back with the build, trusting none of it: the result is read with
   * the core's report reader and written under the controller's own name, and only the reports
   * {@link ReportArchive} accepts are copied; then the action is attached.
   */
  static ResembleDetectAction keep(ScanOutcome outcome, Run<?, ?> run, FilePath workspace,
      TaskListener listener) throws IOException, InterruptedException {
    GateResult result = outcome.result();
    // Numbered once the agent has answered, so a step whose agent never did leaves no gap.
    int number = StepCounter.next(run);
    File folder = new File(run.getRootDir(), ResembleDetectAction.archiveDirName(number));
    List<String> archived = new ArrayList<>();
    archived.add(keepResult(outcome, folder));
    List<String> reports = new ArrayList<>(outcome.reportFiles());
    reports.remove(ReportFormat.JSON.fileName());
    archived.addAll(ReportArchive.copy(workspace, outcome.reportsDir(), reports, folder,
        listener.getLogger()));
    ResembleDetectAction action = new ResembleDetectAction(number, archived, result);
    run.addAction(action);
    return action;
  }

  /**
   * Writes the result the controller read into the build's folder as the JSON report: the build
   * page reads it back, and it is the one JSON report kept, whatever the agent's folder holds.
   */
  private static String keepResult(ScanOutcome outcome, File folder) throws IOException {
    String name = ReportFormat.JSON.fileName();
    Files.createDirectories(folder.toPath());
    Files.write(new File(folder, name).toPath(), outcome.resultJson());
    return name;
  }

  /**
   * The end of a Pipeline step: the result judged, a WARN verdict also marked on the step's node
   * (so its stage) as junit marks it, and the summary returned to the script.
   */
  static Map<String, Object> finish(ResembleDetectAction action, Run<?, ?> run, FlowNode node)
      throws AbortException {
    if (action.getVerdict() == Verdict.UNSTABLE) {
      node.addOrReplaceAction(new WarningAction(Result.UNSTABLE)
          .withMessage(action.getSentence()));
    }
    judge(action, run);
    return action.toSummaryMap();
  }

  /**
   * PASSED leaves the result alone; UNSTABLE marks the build unstable; FAILED sets FAILURE and
   * stops the step with the decision's sentence, the same one the Maven goal fails with. The
   * console's verdict line has said it already.
   */
  static void judge(ResembleDetectAction action, Run<?, ?> run) throws AbortException {
    switch (action.getVerdict()) {
      case PASSED -> { }
      case UNSTABLE -> run.setResult(Result.UNSTABLE);
      case FAILED -> {
        run.setResult(Result.FAILURE);
        throw new AbortException(action.getSentence());
      }
    }
  }
}
