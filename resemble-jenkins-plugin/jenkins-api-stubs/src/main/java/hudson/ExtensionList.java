package hudson;

import io.github.resemblegate.jenkins.stubs.StubOnly;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;

/**
 * Stub: the registered instances of an extension point (read from jenkinsci/jenkins at
 * jenkins-2.479.3, core/src/main/java/hudson/ExtensionList.java). As in Jenkins, extensions are
 * found through the SezPoz index that {@code @Extension} writes, and each is made once.
 */
public class ExtensionList<T> {

  private static final Map<String, Object> INSTANCES = new ConcurrentHashMap<>();

  private ExtensionList() {}

  /** The only instance of {@code type}; IllegalStateException when there is none or several. */
  public static <U> U lookupSingleton(Class<U> type) {
    List<U> all = new ArrayList<>();
    for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class,
        type.getClassLoader())) {
      if (element(item) instanceof Class<?> c && type.isAssignableFrom(c)) {
        all.add(type.cast(INSTANCES.computeIfAbsent(item.className(), k -> instance(item))));
      }
    }
    if (all.size() != 1) {
      throw new IllegalStateException("Expected 1 instance of " + type.getName() + " but got "
          + all.size());
    }
    return all.get(0);
  }

  /** Forgets the instances made so far, so the next test starts from fresh extensions. */
  @StubOnly
  public static void resetForTest() {
    INSTANCES.clear();
  }

  private static AnnotatedElement element(IndexItem<Extension, Object> item) {
    try {
      return item.element();
    } catch (InstantiationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object instance(IndexItem<Extension, Object> item) {
    try {
      return item.instance();
    } catch (InstantiationException e) {
      throw new IllegalStateException(e);
    }
  }
}
