package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Stub: one running step. */
public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient StepContext context;

  protected StepExecution() {}

  protected StepExecution(StepContext context) {
    this.context = context;
  }

  public StepContext getContext() {
    return context;
  }

  public abstract boolean start() throws Exception;
}
