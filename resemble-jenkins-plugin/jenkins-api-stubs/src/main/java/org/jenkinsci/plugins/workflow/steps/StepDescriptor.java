package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Stub: the descriptor of a Pipeline step. */
public abstract class StepDescriptor extends Descriptor<Step> {
  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();

  /** True for steps the Snippet Generator lists only under its advanced choices. */
  public boolean isAdvanced() {
    return false;
  }
}
