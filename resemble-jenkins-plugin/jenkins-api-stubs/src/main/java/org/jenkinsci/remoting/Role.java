package org.jenkinsci.remoting;

/** Stub: a side of a remoting channel. */
public final class Role {
  private final String name;

  public Role(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
