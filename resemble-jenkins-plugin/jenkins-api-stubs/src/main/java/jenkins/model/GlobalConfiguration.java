package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Stub: a section of Manage Jenkins, System, that describes itself; its fields are the
 * controller-wide settings (read from jenkinsci/jenkins at jenkins-2.479.3,
 * core/src/main/java/jenkins/model/GlobalConfiguration.java). Jenkins binds the form to its
 * {@code @DataBoundSetter}s and Configuration as Code sets them by name.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
    implements ExtensionPoint, Describable<GlobalConfiguration> {

  @SuppressWarnings("unchecked")
  protected GlobalConfiguration() {
    super((Class<GlobalConfiguration>) self());
  }

  @Override
  public final Descriptor<GlobalConfiguration> getDescriptor() {
    return this;
  }
}
