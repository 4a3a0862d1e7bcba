package hudson.model;

/** Stub: an object configured through a {@link Descriptor}. */
public interface Describable<T extends Describable<T>> {
  Descriptor<T> getDescriptor();
}
