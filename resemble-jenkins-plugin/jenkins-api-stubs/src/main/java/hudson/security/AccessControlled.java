package hudson.security;

/** Stub: an object guarded by permissions. Test objects override {@link #hasPermission}. */
public interface AccessControlled {
  default boolean hasPermission(Permission permission) {
    return false;
  }
}
