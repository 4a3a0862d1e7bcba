package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.settings.Setting;
import java.lang.reflect.Method;
import java.util.Locale;

/** The step's field for each setting of the catalogue, and its value on a step. */
final class StepFields {

  private StepFields() {}

  /** The catalogue's name, but for the per-type thresholds: a field name cannot hold a dot. */
  static String nameOf(Setting s) {
    return switch (s) {
      case AUDIO_THRESHOLD -> "audioThreshold";
      case IMAGE_THRESHOLD -> "imageThreshold";
      case VIDEO_THRESHOLD -> "videoThreshold";
      default -> s.id();
    };
  }

  /** The value the step's getter for {@code s} returns. */
  static Object valueOf(ResembleDetectBuilder step, Setting s) throws Exception {
    String name = nameOf(s);
    String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    Method getter;
    try {
      getter = ResembleDetectBuilder.class.getMethod("get" + capitalized);
    } catch (NoSuchMethodException e) {
      getter = ResembleDetectBuilder.class.getMethod("is" + capitalized);
    }
    return getter.invoke(step);
  }
}
