package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Inspects the jar this build packaged: the step and its pages are in, no stub ever is. */
class PluginJarIT {

  private static List<String> entries() throws Exception {
    Path jar = Path.of(System.getProperty("plugin.jar"));
    try (JarFile f = new JarFile(jar.toFile())) {
      return f.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void jarHoldsNoJenkinsApiClassesFromTheStubs() throws Exception {
    assertThat(entries()).noneMatch(e -> e.startsWith("hudson/") || e.startsWith("jenkins/")
        || e.startsWith("org/jenkinsci/") || e.startsWith("com/cloudbees/")
        || e.startsWith("org/kohsuke/") || e.startsWith("io/github/resemblegate/jenkins/stubs/")
        || e.startsWith("jenkins-api-"));
  }

  @Test
  void jarHoldsTheStepItsPagesAndHelp() throws Exception {
    assertThat(entries()).contains(
        "io/github/resemblegate/jenkins/ResembleDetectBuilder.class",
        "io/github/resemblegate/jenkins/ResembleDetectBuilder$DescriptorImpl.class",
        "io/github/resemblegate/jenkins/ScanCallable.class",
        "io/github/resemblegate/jenkins/ResembleDetectAction.class",
        "io/github/resemblegate/jenkins/ResembleDetectBuilder/config.jelly",
        "io/github/resemblegate/jenkins/ResembleDetectBuilder/help-includes.html",
        "io/github/resemblegate/jenkins/ResembleDetectAction/summary.jelly",
        "io/github/resemblegate/jenkins/ResembleDetectAction/index.jelly",
        "io/github/resemblegate/jenkins/ResembleDetectStep.class",
        "io/github/resemblegate/jenkins/ResembleGlobalConfiguration.class",
        "io/github/resemblegate/jenkins/ResembleGlobalConfiguration/config.jelly",
        "index.jelly",
        // The SezPoz index Jenkins reads to find @Extension descriptors.
        "META-INF/annotations/hudson.Extension",
        // The annotation-indexer list structs' SymbolLookup reads to find a @Symbol.
        "META-INF/services/annotations/org.jenkinsci.Symbol");
  }

  @Test
  void jarHoldsNoSharedClientClassesEither() throws Exception {
    // The client library is a separate jar in the plugin's WEB-INF/lib, never merged into ours.
    assertThat(entries()).noneMatch(e -> e.startsWith("io/github/resemblegate/gate/")
        || e.startsWith("io/github/resemblegate/client/"));
  }
}
