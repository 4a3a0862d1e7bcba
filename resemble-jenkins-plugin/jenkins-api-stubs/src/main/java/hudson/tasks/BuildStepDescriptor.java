package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stub: the descriptor of build steps. */
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>>
    extends Descriptor<T> {

  protected BuildStepDescriptor(Class<? extends T> clazz) {
    super(clazz);
  }

  protected BuildStepDescriptor() {}

  @SuppressWarnings("rawtypes")
  public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
