package org.jenkinsci.plugins.workflow.steps;

/** Stub: a step that finishes quickly on the Pipeline thread; here {@link #start} is not used. */
public abstract class SynchronousStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;

  protected SynchronousStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    throw new UnsupportedOperationException("Call run() in tests; the stub has no Pipeline.");
  }
}
