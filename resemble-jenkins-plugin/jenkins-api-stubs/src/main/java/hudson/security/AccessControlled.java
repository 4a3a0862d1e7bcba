package hudson.security;

import io.github.resemblegate.jenkins.stubs.StubPermissions;
import org.springframework.security.access.AccessDeniedException;

/**
 * Stub: an object guarded by permissions; grants come from tests (or an override). Read from
 * jenkinsci/jenkins at jenkins-2.479.3, core/src/main/java/hudson/security/AccessControlled.java.
 */
public interface AccessControlled {

  /** Throws, as Jenkins' ACL does (with its subclass AccessDeniedException3), when not granted. */
  default void checkPermission(Permission permission) throws AccessDeniedException {
    if (!hasPermission(permission)) {
      throw new AccessDeniedException("Missing permission " + permission);
    }
  }

  default boolean hasPermission(Permission permission) {
    return StubPermissions.granted(this, permission);
  }
}
