package hudson.tasks;

/** Stub: how much a build step needs the previous build to be finished. */
public enum BuildStepMonitor {
  NONE,
  STEP,
  BUILD
}
