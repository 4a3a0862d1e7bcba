package hudson.model;

/** Stub: base of describables whose descriptor is looked up from Jenkins. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>>
    implements Describable<T> {

  @Override
  public Descriptor<T> getDescriptor() {
    throw new UnsupportedOperationException("The stub has no descriptor registry.");
  }
}
