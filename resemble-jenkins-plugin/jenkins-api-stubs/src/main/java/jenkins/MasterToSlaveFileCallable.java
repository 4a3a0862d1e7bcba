package jenkins;

import hudson.FilePath.FileCallable;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

/** Stub: a file callable the controller sends to an agent. */
public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public void checkRoles(RoleChecker checker) throws SecurityException {
    checker.check(this, Roles.SLAVE);
  }
}
