package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.github.resemblegate.jenkins.stubs.StubOnly;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Stub: the controller; here only its permission check, driven by tests. */
public class Jenkins implements AccessControlled {
  public static final Permission ADMINISTER = Permission.stubFor("hudson.model.Hudson.Administer");

  private static final Jenkins INSTANCE = new Jenkins();
  private static final Set<Permission> GRANTED = new CopyOnWriteArraySet<>();

  protected Jenkins() {}

  public static Jenkins get() throws IllegalStateException {
    return INSTANCE;
  }

  @Override
  public boolean hasPermission(Permission permission) {
    return GRANTED.contains(permission);
  }

  /** Grants (or with {@code false} revokes) a permission on the controller for the current test. */
  @StubOnly
  public static void grantForTest(Permission permission, boolean granted) {
    if (granted) {
      GRANTED.add(permission);
    } else {
      GRANTED.remove(permission);
    }
  }
}
