package jenkins.security;

import org.jenkinsci.remoting.Role;

/** Stub: the two sides of a controller-agent channel. */
public class Roles {
  private Roles() {}

  public static final Role MASTER = new Role("master");
  public static final Role SLAVE = new Role("slave");
}
