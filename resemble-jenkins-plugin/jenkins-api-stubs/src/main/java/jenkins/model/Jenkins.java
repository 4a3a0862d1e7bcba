package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.github.resemblegate.jenkins.stubs.StubPermissions;

/** Stub: the controller; here only its permission check, driven by tests. */
public class Jenkins implements AccessControlled {
  public static final Permission ADMINISTER = Permission.stubFor("hudson.model.Hudson.Administer");

  private static final Jenkins INSTANCE = new Jenkins();

  private volatile ProxyConfiguration proxy;

  private Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    return INSTANCE;
  }

  public ProxyConfiguration getProxy() {
    return proxy;
  }

  /** Sets the controller's proxy configuration (null: none) for the current test. */
  @io.github.resemblegate.jenkins.stubs.StubOnly
  public static void setProxyForTest(ProxyConfiguration proxy) {
    INSTANCE.proxy = proxy;
  }

  /** Grants (or with {@code false} revokes) a permission on the controller for the current test. */
  @io.github.resemblegate.jenkins.stubs.StubOnly
  public static void grantForTest(Permission permission, boolean granted) {
    StubPermissions.grant(INSTANCE, permission, granted);
  }
}
