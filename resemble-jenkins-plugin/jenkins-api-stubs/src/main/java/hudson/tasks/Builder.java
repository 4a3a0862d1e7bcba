package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stub: a build step of a freestyle job (and, through its symbol, a Pipeline step). */
public abstract class Builder extends BuildStepCompatibilityLayer
    implements Describable<Builder>, ExtensionPoint {

  @Override
  public BuildStepMonitor getRequiredMonitorService() {
    return BuildStepMonitor.NONE;
  }

  @Override
  public Descriptor<Builder> getDescriptor() {
    throw new UnsupportedOperationException("The stub has no descriptor registry.");
  }
}
