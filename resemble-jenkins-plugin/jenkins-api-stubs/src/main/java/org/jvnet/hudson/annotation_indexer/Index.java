package org.jvnet.hudson.annotation_indexer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stub: reads the lists {@link Indexed} annotations leave in a class path, as Jenkins'
 * {@code SymbolLookup} does to find a {@code @Symbol} (read from jenkinsci/lib-annotation-indexer
 * at annotation-indexer-1.17). Classes only: the real library also yields annotated members.
 */
public class Index {

  private static final List<String> PREFIXES =
      List.of("META-INF/annotations/", "META-INF/services/annotations/");

  private Index() {}

  /** The classes annotated with {@code type} whose kind is {@code subType}. */
  public static <T extends AnnotatedElement> Iterable<T> list(Class<? extends Annotation> type,
      ClassLoader cl, Class<T> subType) throws IOException {
    List<T> found = new ArrayList<>();
    for (String name : listClassNames(type, cl)) {
      try {
        Class<?> c = cl.loadClass(name);
        if (c.isAnnotationPresent(type) && subType.isInstance(c)) {
          found.add(subType.cast(c));
        }
      } catch (ClassNotFoundException e) {
        // As in the library: a listed class that is gone is skipped.
      }
    }
    return found;
  }

  /** The names listed for {@code type} in every index of the class path. */
  public static Set<String> listClassNames(Class<? extends Annotation> type, ClassLoader cl)
      throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String prefix : PREFIXES) {
      Enumeration<URL> res = cl.getResources(prefix + type.getName());
      while (res.hasMoreElements()) {
        try (InputStream in = res.nextElement().openStream();
            BufferedReader r = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            ids.add(line);
          }
        }
      }
    }
    return ids;
  }
}
