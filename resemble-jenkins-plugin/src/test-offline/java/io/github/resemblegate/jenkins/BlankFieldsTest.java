package io.github.resemblegate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resemblegate.gate.GateConfig;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A field left blank in a form, or left out of a Pipeline call, means the default. Stapler turns a
 * blank form field into null only for String, Integer, Float and Double (Stapler.java registers
 * those converters with a null default; a primitive or a Long becomes 0), and a checkbox always
 * sends true or false; so every setter takes one of these, and null reaches the reader as "not
 * given".
 */
class BlankFieldsTest {

  /** The parameter types a blank form field binds to null (a checkbox never sends a blank). */
  private static final Set<Class<?>> BLANK_IS_NULL =
      Set.of(String.class, Integer.class, Double.class, Boolean.class);

  @TempDir Path workspace;

  @Test
  void everyFieldBindsABlankToNullAsStaplerConvertsIt() {
    Map<String, Class<?>> wrong = new TreeMap<>();
    for (Method m : ResembleDetectBuilder.class.getMethods()) {
      if (m.isAnnotationPresent(DataBoundSetter.class)
          && !BLANK_IS_NULL.contains(m.getParameterTypes()[0])) {
        wrong.put(m.getName(), m.getParameterTypes()[0]);
      }
    }

    assertThat(wrong).as("setters whose blank binds to 0 or false").isEmpty();
  }

  @Test
  void aBlankThresholdAndLimitMeanTheDefaultsNotZero() {
    ResembleDetectBuilder b = new ResembleDetectBuilder("media/**");
    b.setThreshold(null);
    b.setMaxFiles(null);
    b.setMaxFilesPerBatch(null);
    b.setTimeout("");

    GateConfig c = StepWords.of(b).read(workspace, "tok", null, w -> { });

    assertThat(c.policy().threshold()).isEqualTo(0.5);
    assertThat(c.budget().maxFiles()).isEqualTo(1000);
    assertThat(c.api().limits().maxFilesPerBatch()).isEqualTo(50);
    assertThat(StepWords.of(b).words()).containsOnlyKeys("includes");
  }

  @Test
  void thePipelineStepBindsTheSameWay() {
    for (java.lang.reflect.Field f : ResembleDetectStep.class.getFields()) {
      if (f.isAnnotationPresent(DataBoundSetter.class)) {
        assertThat(BLANK_IS_NULL).as(f.getName()).contains(f.getType());
      }
    }
  }
}
