package hudson.model;

import java.io.IOException;

/** Stub: a build of an {@link AbstractProject}. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Run<P, R> {

  protected AbstractBuild(P project) throws IOException {
    super(project);
  }
}
