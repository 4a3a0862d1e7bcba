package org.jenkinsci.remoting;

/** Stub: a callable that says on which side it may run. */
public interface RoleSensitive {
  void checkRoles(RoleChecker checker) throws SecurityException;
}
