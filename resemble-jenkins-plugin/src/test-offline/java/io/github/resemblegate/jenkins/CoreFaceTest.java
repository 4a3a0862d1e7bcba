package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The step is a front end: its compiled classes use the core's face only (gate, gate.policy,
 * gate.settings, report), never the API client or the gate's insides, which may change without
 * notice. Read from the class files, so a type named only in a method's signature counts too.
 */
class CoreFaceTest {

  private static final String CORE = "io.github.resemblegate.";
  private static final Set<String> FACE = Set.of("io.github.resemblegate.gate",
      "io.github.resemblegate.gate.policy", "io.github.resemblegate.gate.settings",
      "io.github.resemblegate.report", "io.github.resemblegate.jenkins");
  /**
   * FileResult.mediaType() returns it, so FileRow names it; the core has no media type of its
   * own outside the client yet.
   */
  private static final Set<String> ALLOWED = Set.of("io.github.resemblegate.client.MediaType");

  private static Map<String, Set<String>> coreClassesUsed() throws Exception {
    Path root = Path.of(System.getProperty("plugin.classes", "target-offline/classes"));
    Map<String, Set<String>> used = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          for (String c : ClassFileReferences.read(in).classes) {
            if (c.startsWith(CORE)) {
              used.computeIfAbsent(c, k -> new TreeSet<>()).add(root.relativize(p).toString());
            }
          }
        }
      }
    }
    return used;
  }

  private static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.'));
  }

  @Test
  void theStepUsesOnlyTheCoresFace() throws Exception {
    Map<String, Set<String>> used = coreClassesUsed();
    Map<String, Set<String>> outside = new TreeMap<>(used);
    outside.keySet().removeIf(c -> FACE.contains(packageOf(c)) || ALLOWED.contains(c));

    assertThat(used).containsKeys("io.github.resemblegate.gate.settings.SettingsReader",
        "io.github.resemblegate.gate.policy.Decision");
    assertThat(outside).isEmpty();
  }

  @Test
  void theGuardKnowsTheRoomsItKeepsOut() {
    assertThat(FACE).doesNotContain(packageOf("io.github.resemblegate.client.ResembleClient"),
        packageOf("io.github.resemblegate.gate.internal.GateRun"));
  }
}
