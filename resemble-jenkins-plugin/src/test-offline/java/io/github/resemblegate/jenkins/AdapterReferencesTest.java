package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.jenkins.stubs.ApiManifest;
import io.github.resemblegate.jenkins.stubs.StubOnly;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Jenkins class and member the compiled step refers to is in the signature manifest, which
 * records the real Jenkins 2.479.3 API. So code that compiles against the stubs only uses what
 * real Jenkins has (and never a stub-only test hook).
 */
class AdapterReferencesTest {

  private static List<ClassFileReferences> pluginClasses() throws Exception {
    Path root = Path.of(System.getProperty("plugin.classes", "target-offline/classes"));
    List<ClassFileReferences> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          all.add(ClassFileReferences.read(in));
        }
      }
    }
    assertThat(all).as("compiled plugin classes under " + root).hasSizeGreaterThan(10);
    return all;
  }

  @Test
  void everyJenkinsClassTheStepNamesIsInTheManifest() throws Exception {
    Set<String> manifestClasses = new TreeSet<>();
    for (String line : ApiManifest.load()) {
      if (line.startsWith("class\t")) {
        manifestClasses.add(line.split("\t")[1]);
      }
    }
    Set<String> unknown = new TreeSet<>();
    for (ClassFileReferences refs : pluginClasses()) {
      for (String c : refs.classes) {
        if (ApiManifest.isJenkinsApi(c) && !manifestClasses.contains(c)) {
          unknown.add(c);
        }
      }
    }

    assertThat(manifestClasses).contains("hudson.tasks.Builder", "jenkins.tasks.SimpleBuildStep");
    assertThat(unknown).isEmpty();
  }

  @Test
  void everyJenkinsMemberTheStepCallsIsInTheManifestAndNotAStubHook() throws Exception {
    Set<String> manifest = ApiManifest.load();
    Set<String> problems = new TreeSet<>();
    int checked = 0;
    for (ClassFileReferences refs : pluginClasses()) {
      for (ClassFileReferences.Member m : refs.members) {
        if (!ApiManifest.isJenkinsApi(m.owner())) {
          continue;
        }
        checked++;
        String line = resolve(m);
        if (line == null) {
          problems.add("not found in the stubs: " + m);
        } else if (line.equals("JDK")) {
          continue;
        } else if (line.startsWith("STUB-ONLY")) {
          problems.add("uses a test hook: " + m);
        } else if (!manifest.contains(line)) {
          problems.add("not in the manifest: " + line);
        }
      }
    }

    assertThat(checked).isGreaterThan(30);
    assertThat(problems).isEmpty();
  }

  /** The manifest line of the member a reference resolves to (declared in the owner or above). */
  private static String resolve(ClassFileReferences.Member m) throws ClassNotFoundException {
    Class<?> owner = Class.forName(m.owner());
    for (Class<?> c : hierarchy(owner)) {
      if (!ApiManifest.isJenkinsApi(c.getName()) && declares(c, m)) {
        // Inherited from the JDK, e.g. ListBoxModel.isEmpty() from ArrayList.
        return "JDK";
      }
      if (m.field()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getName().equals(m.name())
              && ApiManifest.descriptor(f.getType()).equals(m.descriptor())) {
            return f.isAnnotationPresent(StubOnly.class) ? "STUB-ONLY"
                : ApiManifest.memberLine("field", c, f.getName(), m.descriptor(),
                f.getModifiers());
          }
        }
      } else if (m.name().equals("<init>")) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (ApiManifest.descriptor(k).equals(m.descriptor())) {
            return k.isAnnotationPresent(StubOnly.class) ? "STUB-ONLY"
                : ApiManifest.memberLine("ctor", c, "<init>", m.descriptor(), k.getModifiers());
          }
        }
        return null;
      } else {
        for (Method method : c.getDeclaredMethods()) {
          if (method.getName().equals(m.name())
              && ApiManifest.descriptor(method).equals(m.descriptor()) && !method.isBridge()) {
            return method.isAnnotationPresent(StubOnly.class) ? "STUB-ONLY"
                : ApiManifest.memberLine("method", c, method.getName(), m.descriptor(),
                method.getModifiers());
          }
        }
      }
    }
    return null;
  }

  private static boolean declares(Class<?> c, ClassFileReferences.Member m) {
    if (m.field()) {
      return Stream.of(c.getDeclaredFields()).anyMatch(f -> f.getName().equals(m.name()));
    }
    return Stream.of(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(m.name())
        && ApiManifest.descriptor(x).equals(m.descriptor()));
  }

  private static List<Class<?>> hierarchy(Class<?> c) {
    List<Class<?>> order = new ArrayList<>();
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      order.add(k);
    }
    for (int i = 0; i < order.size(); i++) {
      for (Class<?> itf : order.get(i).getInterfaces()) {
        if (!order.contains(itf)) {
          order.add(itf);
        }
      }
    }
    return order;
  }
}
