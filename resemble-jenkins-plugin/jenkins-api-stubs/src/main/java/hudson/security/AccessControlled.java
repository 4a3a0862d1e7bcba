package hudson.security;

import io.github.resemblegate.jenkins.stubs.StubPermissions;

/** Stub: an object guarded by permissions; grants come from tests (or an override). */
public interface AccessControlled {
  default boolean hasPermission(Permission permission) {
    return StubPermissions.granted(this, permission);
  }
}
