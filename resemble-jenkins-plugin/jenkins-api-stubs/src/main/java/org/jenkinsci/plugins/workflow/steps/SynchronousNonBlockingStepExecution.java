package org.jenkinsci.plugins.workflow.steps;

/**
 * Stub: a step that runs {@link #run()} on a thread of its own, so a long wait does not hold the
 * Pipeline thread; stopping the step interrupts that thread. Read from
 * jenkinsci/workflow-step-api-plugin at 700.v6e45cb_a_5a_a_21. Tests call {@link #run()}.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    throw new UnsupportedOperationException("Call run() in tests; the stub has no Pipeline.");
  }
}
