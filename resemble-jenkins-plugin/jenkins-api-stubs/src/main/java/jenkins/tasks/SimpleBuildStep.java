package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

/** Stub: a build step usable from freestyle jobs and Pipeline alike. */
public interface SimpleBuildStep extends BuildStep {
  default void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher,
      TaskListener listener) throws InterruptedException, IOException {
    throw new AbstractMethodError("Implement perform(Run, FilePath, EnvVars, Launcher, TaskListener).");
  }

  default boolean requiresWorkspace() {
    return true;
  }
}
