package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

/** Stub: starts processes on a node; the Resemble step only passes it along. */
public abstract class Launcher {
  protected Launcher(TaskListener listener, VirtualChannel channel) {}

  protected Launcher(Launcher launcher) {}
}
