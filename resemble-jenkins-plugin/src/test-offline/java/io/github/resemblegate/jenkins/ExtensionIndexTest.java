package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.tasks.Builder;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/**
 * Jenkins finds extensions through the SezPoz index that javac writes for {@code @Extension}
 * (META-INF/annotations/hudson.Extension), and finds a {@code @Symbol} through the
 * annotation-indexer list (META-INF/services/annotations/org.jenkinsci.Symbol). The stub
 * annotations are indexed like the real ones, so this build writes the same indexes.
 */
class ExtensionIndexTest {

  @Test
  void everyDescriptorIsIndexedAndInstantiable() throws Exception {
    List<String> names = new ArrayList<>();
    List<Object> instances = new ArrayList<>();
    for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class,
        getClass().getClassLoader())) {
      names.add(item.className());
      instances.add(item.instance());
    }

    assertThat(names).containsExactlyInAnyOrder(
        "io.github.resemblegate.jenkins.ResembleDetectBuilder$DescriptorImpl",
        "io.github.resemblegate.jenkins.ResembleDetectStep$DescriptorImpl",
        "io.github.resemblegate.jenkins.ResembleDetectSummaryStep$DescriptorImpl",
        "io.github.resemblegate.jenkins.ResembleMergeStep$DescriptorImpl",
        "io.github.resemblegate.jenkins.ResembleGlobalConfiguration");
    assertThat(instances).hasAtLeastOneElementOfType(ResembleDetectBuilder.DescriptorImpl.class)
        .hasAtLeastOneElementOfType(ResembleGlobalConfiguration.class);
  }

  /**
   * As structs' SymbolLookup.find(type, symbol): list the classes the Symbol index names, keep
   * those of the wanted type whose {@code @Symbol} holds the name.
   */
  private static List<Class<?>> lookUp(Class<?> type, String symbol) throws Exception {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> c : org.jvnet.hudson.annotation_indexer.Index.list(Symbol.class,
        ExtensionIndexTest.class.getClassLoader(), Class.class)) {
      if (type.isAssignableFrom(c) && List.of(c.getAnnotation(Symbol.class).value())
          .contains(symbol)) {
        found.add(c);
      }
    }
    return found;
  }

  @Test
  void theStepIsFoundByItsSymbolThroughTheAnnotationIndexAsSymbolLookupDoes() throws Exception {
    assertThat(lookUp(Descriptor.class, "resembleDetect"))
        .contains(ResembleDetectBuilder.DescriptorImpl.class);
    assertThat(lookUp(Builder.class, "resembleDetect")).isEmpty();
  }

  @Test
  void theGlobalConfigurationIsFoundByItsSymbolForConfigurationAsCode() throws Exception {
    assertThat(lookUp(GlobalConfiguration.class, "resembleDetect"))
        .containsExactly(ResembleGlobalConfiguration.class);
  }
}
