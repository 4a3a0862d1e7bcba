package io.github.resemblegate.jenkins;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Loads a step from the XML Jenkins saved it as, the way Jenkins' XStream does for these simple
 * fields (XStream itself is not on this build's class path): XStream makes the object without
 * running a constructor or field initializer, so every field starts at the JVM's default (here:
 * set so after construction); each element sets the field of its name, transient ones included
 * (Jenkins' RobustReflectionConverter reads them, it only never writes them); a field the XML
 * lacks keeps the JVM's default; then readResolve runs. The real XStream round trip is covered by
 * the JenkinsRule tests of the real plugin build.
 */
final class SavedJobs {

  private SavedJobs() {}

  static <T> T load(Class<T> type, String xml) throws Exception {
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml))).getDocumentElement();
    if (!root.getTagName().equals(type.getName())) {
      throw new IllegalArgumentException("not a saved " + type.getName() + ": "
          + root.getTagName());
    }
    T o = withJvmDefaults(type);
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        Field f = type.getDeclaredField(e.getTagName());
        f.setAccessible(true);
        f.set(o, value(f.getType(), e.getTextContent()));
      }
    }
    Method readResolve = type.getDeclaredMethod("readResolve");
    readResolve.setAccessible(true);
    return type.cast(readResolve.invoke(o));
  }

  /** An instance whose fields all hold the JVM's defaults, as XStream's reflection provider. */
  private static <T> T withJvmDefaults(Class<T> type) throws Exception {
    Constructor<T> constructor = type.getConstructor(String.class);
    T o = constructor.newInstance((Object) null);
    for (Field f : type.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        f.set(o, jvmDefault(f.getType()));
      }
    }
    return o;
  }

  private static Object jvmDefault(Class<?> type) {
    if (type == boolean.class) {
      return Boolean.FALSE;
    } else if (type == int.class) {
      return Integer.valueOf(0);
    } else if (type == long.class) {
      return Long.valueOf(0);
    } else if (type == double.class) {
      return Double.valueOf(0);
    }
    return null;
  }

  private static Object value(Class<?> type, String text) {
    if (type == String.class) {
      return text;
    } else if (type == int.class || type == Integer.class) {
      return Integer.valueOf(text);
    } else if (type == long.class || type == Long.class) {
      return Long.valueOf(text);
    } else if (type == double.class || type == Double.class) {
      return Double.valueOf(text);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.valueOf(text);
    }
    throw new IllegalArgumentException("no conversion to " + type);
  }
}
