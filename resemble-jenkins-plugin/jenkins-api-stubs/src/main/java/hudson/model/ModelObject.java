package hudson.model;

/** Stub: something with a display name. */
public interface ModelObject {
  String getDisplayName();
}
