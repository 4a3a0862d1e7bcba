package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

/**
 * Jenkins finds extensions through the SezPoz index that javac writes for {@code @Extension}
 * (META-INF/annotations/hudson.Extension). The stub annotation is indexable like the real one,
 * so this build writes the same index, and SezPoz can instantiate what it lists.
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
        "io.github.resemblegate.jenkins.ResembleDetectSummaryStep$DescriptorImpl",
        "io.github.resemblegate.jenkins.ResembleMergeStep$DescriptorImpl");
    assertThat(instances).hasAtLeastOneElementOfType(ResembleDetectBuilder.DescriptorImpl.class)
        .hasAtLeastOneElementOfType(ResembleDetectSummaryStep.DescriptorImpl.class)
        .hasAtLeastOneElementOfType(ResembleMergeStep.DescriptorImpl.class);
  }
}
