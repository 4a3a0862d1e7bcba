package io.github.resemblegate.jenkins.stubs;

import hudson.security.Permission;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/** The permissions tests grant to stub objects; real Jenkins asks its security realm instead. */
public final class StubPermissions {
  private static final Map<Object, Set<Permission>> GRANTED =
      java.util.Collections.synchronizedMap(new WeakHashMap<>());

  private StubPermissions() {}

  public static void grant(Object on, Permission permission, boolean granted) {
    Set<Permission> set = GRANTED.computeIfAbsent(on, k -> ConcurrentHashMap.newKeySet());
    if (granted) {
      set.add(permission);
    } else {
      set.remove(permission);
    }
  }

  public static boolean granted(Object on, Permission permission) {
    Set<Permission> set = GRANTED.get(on);
    return set != null && set.contains(permission);
  }
}
