package hudson.model;

/**
 * Stub: the singleton metadata of a describable type; forms call its doCheck and doFill methods.
 * Read from jenkinsci/jenkins at jenkins-2.479.3, core/src/main/java/hudson/model/Descriptor.java.
 * {@link #save()} and {@link #load()} do nothing here: Jenkins keeps a descriptor's fields in an
 * XML file with XStream, which only the real plugin build exercises.
 */
public abstract class Descriptor<T extends Describable<T>> {
  public final transient Class<? extends T> clazz;

  /** @param clazz the type described, or {@link #self()} for a descriptor that describes itself */
  @SuppressWarnings("unchecked")
  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = clazz == self() ? (Class<? extends T>) getClass() : clazz;
  }

  @SuppressWarnings("unchecked")
  protected Descriptor() {
    this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
  }

  public String getDisplayName() {
    return clazz.getSimpleName();
  }

  public synchronized void save() {}

  public synchronized void load() {}

  protected static Class<?> self() {
    return Self.class;
  }

  /** Stub: the marker {@link #self()} returns. */
  public static final class Self {}
}
