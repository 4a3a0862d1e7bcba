package org.jenkinsci.remoting;

import java.util.Collection;

/** Stub: checks that a callable runs on the side it expects. */
public abstract class RoleChecker {
  public abstract void check(RoleSensitive subject, Collection<Role> expected)
      throws SecurityException;

  public void check(RoleSensitive subject, Role expected) throws SecurityException {
    check(subject, java.util.List.of(expected));
  }
}
