package hudson.model;

/** Stub: something attached to a build or job that contributes to its pages. */
public interface Action extends ModelObject {
  String getIconFileName();

  @Override
  String getDisplayName();

  String getUrlName();
}
