package hudson.model;

/** Stub: the singleton metadata of a describable type; forms call its doCheck and doFill methods. */
public abstract class Descriptor<T extends Describable<T>> {

  public final transient Class<? extends T> clazz;

  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = clazz;
  }

  @SuppressWarnings("unchecked")
  protected Descriptor() {
    this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
  }

  public String getDisplayName() {
    return clazz.getSimpleName();
  }
}
