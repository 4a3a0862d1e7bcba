package hudson.tasks;

/** Stub: one step of a build. */
public interface BuildStep {
  BuildStepMonitor getRequiredMonitorService();
}
