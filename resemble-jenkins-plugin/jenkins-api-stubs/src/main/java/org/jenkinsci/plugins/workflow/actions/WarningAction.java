package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/**
 * Stub: marks a flow node (a step, so its stage) with a result worse than SUCCESS, which the
 * Pipeline views show, as {@code junit} and {@code unstable} do. Read from
 * jenkinsci/workflow-api-plugin at 1373.v7b_813f10efa_b_,
 * src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java.
 */
public class WarningAction implements PersistentAction {
  private Result result;
  private String message;

  public WarningAction(Result result) {
    this.result = result;
  }

  public WarningAction withMessage(String message) {
    this.message = message;
    return this;
  }

  public String getMessage() {
    return message;
  }

  public Result getResult() {
    return result;
  }

  @Override
  public String getDisplayName() {
    return "Warning" + (message != null ? ": " + message : "");
  }

  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
