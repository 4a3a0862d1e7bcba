package hudson.security;

import io.github.resemblegate.jenkins.stubs.StubOnly;

/** Stub: a permission; only its identity matters here. */
public final class Permission {
  private final String id;

  private Permission(String id) {
    this.id = id;
  }

  /** Stands in for the real constructor, which needs a permission group and scopes. */
  @StubOnly
  public static Permission stubFor(String id) {
    return new Permission(id);
  }

  @Override
  public String toString() {
    return "Permission[" + id + "]";
  }
}
