package hudson.model;

/** Stub: a freestyle-style project; named by {@code BuildStepDescriptor.isApplicable}. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Job<P, R> {

  @SuppressWarnings("rawtypes")
  protected AbstractProject(ItemGroup parent, String name) {
    super(parent, name);
  }
}
