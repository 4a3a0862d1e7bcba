package io.github.resemblegate.jenkins.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stubs must declare exactly the members recorded in the manifest, which was read from the
 * real sources at Jenkins 2.479.3 and the plugin versions its BOM pins: no member missing, none
 * extra, every descriptor and modifier equal.
 */
class StubSignaturesTest {

  /** Every class of the stubs jar that stands in for a Jenkins type. */
  static List<Class<?>> stubClasses() throws IOException, URISyntaxException,
      ClassNotFoundException {
    Path root = Path.of(hudson.FilePath.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.')
            .replaceAll("\\.class$", "");
        if (ApiManifest.isJenkinsApi(name) && !name.matches(".*\\$\\d+$")) {
          classes.add(Class.forName(name));
        }
      }
    }
    return classes;
  }

  @Test
  void stubsDeclareExactlyTheManifestsMembers() throws Exception {
    Set<String> fromStubs = new TreeSet<>();
    for (Class<?> c : stubClasses()) {
      fromStubs.addAll(ApiManifest.linesOf(c));
    }
    Set<String> manifest = new TreeSet<>(ApiManifest.load());

    Set<String> missingFromStubs = new TreeSet<>(manifest);
    missingFromStubs.removeAll(fromStubs);
    Set<String> notInManifest = new TreeSet<>(fromStubs);
    notInManifest.removeAll(manifest);

    assertThat(missingFromStubs).as("manifest lines the stubs do not match").isEmpty();
    assertThat(notInManifest).as("stub members the manifest does not vouch for").isEmpty();
  }

  @Test
  void manifestCoversEveryStubPackage() throws Exception {
    assertThat(stubClasses()).hasSizeGreaterThan(40)
        .extracting(Class::getName)
        .anyMatch(n -> n.startsWith("hudson."))
        .anyMatch(n -> n.startsWith("jenkins."))
        .anyMatch(n -> n.startsWith("com.cloudbees.plugins.credentials."))
        .anyMatch(n -> n.startsWith("org.jenkinsci.plugins.workflow.steps."));
  }

  @Test
  void descriptorsAreWrittenInJvmForm() throws Exception {
    assertThat(ApiManifest.descriptor(hudson.FilePath.class.getMethod("act",
        hudson.FilePath.FileCallable.class))).isEqualTo(
        "(Lhudson/FilePath$FileCallable;)Ljava/lang/Object;");
    assertThat(ApiManifest.descriptor(int[][].class)).isEqualTo("[[I");
  }
}
