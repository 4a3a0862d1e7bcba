package hudson.model;

/**
 * Stub: an action with no page, icon or link, only data kept with its owner (read from
 * jenkinsci/jenkins at jenkins-2.479.3, core/src/main/java/hudson/model/InvisibleAction.java).
 */
public abstract class InvisibleAction implements Action {

  @Override
  public final String getIconFileName() {
    return null;
  }

  @Override
  public final String getDisplayName() {
    return null;
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
