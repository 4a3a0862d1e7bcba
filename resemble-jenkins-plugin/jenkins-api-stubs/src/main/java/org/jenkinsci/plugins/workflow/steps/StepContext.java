package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/** Stub: what a running step can reach (its Run, TaskListener, ...). */
public abstract class StepContext implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
