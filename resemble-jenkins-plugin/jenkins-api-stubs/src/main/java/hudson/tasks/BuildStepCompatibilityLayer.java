package hudson.tasks;

/** Stub: the old-style perform methods of build steps (not used here). */
public abstract class BuildStepCompatibilityLayer implements BuildStep {}
