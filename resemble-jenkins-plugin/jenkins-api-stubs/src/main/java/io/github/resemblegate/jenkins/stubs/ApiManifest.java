package io.github.resemblegate.jenkins.stubs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The checked-in list of Jenkins API members the step relies on ({@code jenkins-api-2.479.3.txt}),
 * and the same lines computed from a stub class by reflection, so tests can compare them.
 *
 * <p>Line forms (tab-separated): {@code class NAME KIND SUPERTYPES},
 * {@code ctor OWNER <init> DESCRIPTOR MODIFIERS}, {@code method OWNER NAME DESCRIPTOR MODIFIERS},
 * {@code field OWNER NAME DESCRIPTOR MODIFIERS}. {@code #} starts a comment.
 */
public final class ApiManifest {

  public static final String RESOURCE = "/jenkins-api-2.479.3.txt";

  /** Packages of the real Jenkins API that the stubs stand in for. */
  public static final List<String> STUB_PACKAGES = List.of("hudson.", "jenkins.",
      "org.jenkinsci.", "com.cloudbees.plugins.credentials.", "org.jvnet.hudson.annotation_indexer.");

  private ApiManifest() {}

  public static boolean isJenkinsApi(String className) {
    return STUB_PACKAGES.stream().anyMatch(className::startsWith);
  }

  /** The manifest's lines, without comments and blank lines. */
  public static Set<String> load() {
    Set<String> lines = new LinkedHashSet<>();
    try (InputStream in = ApiManifest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the stubs jar.");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          lines.add(l.replaceAll("\\s*\\t\\s*", "\t"));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return lines;
  }

  /** Lines for the class itself and its public and protected members, stub-only ones excluded. */
  public static List<String> linesOf(Class<?> c) {
    List<String> lines = new ArrayList<>();
    lines.add(classLine(c));
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic() && !k.isAnnotationPresent(StubOnly.class)) {
        lines.add(memberLine("ctor", c, "<init>", descriptor(k), k.getModifiers()));
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
          && !m.isAnnotationPresent(StubOnly.class) && !isObjectMethod(m) && !isEnumHelper(c, m)) {
        lines.add(memberLine("method", c, m.getName(), descriptor(m), m.getModifiers()));
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic() && !f.isEnumConstant()
          && !f.isAnnotationPresent(StubOnly.class)) {
        lines.add(memberLine("field", c, f.getName(), descriptor(f.getType()), f.getModifiers()));
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (f.isEnumConstant()) {
        lines.add(memberLine("field", c, f.getName(), descriptor(f.getType()), f.getModifiers()));
      }
    }
    return lines;
  }

  /**
   * {@code class NAME KIND SUPERTYPES}: SUPERTYPES are all the stub's supertypes (transitively,
   * without Object), each of which the real class also has.
   */
  public static String classLine(Class<?> c) {
    String kind = c.isAnnotation() ? "annotation" : c.isInterface() ? "interface"
        : c.isEnum() ? "enum" : Modifier.isAbstract(c.getModifiers()) ? "abstract-class"
        : Modifier.isFinal(c.getModifiers()) ? "final-class" : "class";
    Set<String> supertypes = new java.util.TreeSet<>();
    collectSupertypes(c, supertypes);
    return "class\t" + c.getName() + "\t" + kind + "\t"
        + (supertypes.isEmpty() ? "-" : String.join(",", supertypes));
  }

  private static void collectSupertypes(Class<?> c, Set<String> into) {
    Class<?> sup = c.getSuperclass();
    if (sup != null && sup != Object.class && !c.isEnum()) {
      into.add(sup.getName());
      collectSupertypes(sup, into);
    }
    for (Class<?> i : c.getInterfaces()) {
      if (!c.isAnnotation()) {
        into.add(i.getName());
      }
      collectSupertypes(i, into);
    }
  }

  public static String memberLine(String kind, Class<?> owner, String name, String descriptor,
      int modifiers) {
    StringJoiner mods = new StringJoiner(" ");
    mods.add(Modifier.isPublic(modifiers) ? "public" : "protected");
    if (Modifier.isStatic(modifiers)) {
      mods.add("static");
    }
    if (Modifier.isAbstract(modifiers) && !owner.isInterface()) {
      mods.add("abstract");
    }
    if (owner.isInterface() && kind.equals("method") && !Modifier.isAbstract(modifiers)
        && !Modifier.isStatic(modifiers)) {
      mods.add("default");
    }
    if (kind.equals("field") && Modifier.isFinal(modifiers)) {
      mods.add("final");
    }
    return kind + "\t" + owner.getName() + "\t" + name + "\t" + descriptor + "\t" + mods;
  }

  public static String descriptor(Executable e) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : e.getParameterTypes()) {
      sb.append(descriptor(p));
    }
    sb.append(')');
    sb.append(e instanceof Method m ? descriptor(m.getReturnType()) : "V");
    return sb.toString();
  }

  public static String descriptor(Class<?> t) {
    if (t.isArray()) {
      return "[" + descriptor(t.getComponentType());
    }
    if (t.isPrimitive()) {
      return switch (t.getName()) {
        case "void" -> "V";
        case "boolean" -> "Z";
        case "byte" -> "B";
        case "char" -> "C";
        case "short" -> "S";
        case "int" -> "I";
        case "long" -> "J";
        case "float" -> "F";
        case "double" -> "D";
        default -> throw new IllegalArgumentException(t.getName());
      };
    }
    return "L" + t.getName().replace('.', '/') + ";";
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static boolean isObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean isEnumHelper(Class<?> c, Method m) {
    return c.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
  }
}
