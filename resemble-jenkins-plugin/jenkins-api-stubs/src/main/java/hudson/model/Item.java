package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stub: a configurable thing in Jenkins, such as a job. */
public interface Item extends AccessControlled {
  Permission CONFIGURE = Permission.stubFor("hudson.model.Item.Configure");
  Permission READ = Permission.stubFor("hudson.model.Item.Read");
  Permission EXTENDED_READ = Permission.stubFor("hudson.model.Item.ExtendedRead");
  Permission WORKSPACE = Permission.stubFor("hudson.model.Item.Workspace");
}
