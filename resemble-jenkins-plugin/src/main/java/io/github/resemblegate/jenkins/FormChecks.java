package io.github.resemblegate.jenkins;

import hudson.util.FormValidation;
import io.github.resemblegate.gate.settings.Problem;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The checks behind the form's fields. What a setting means and allows is the core's to say:
 * every field is checked by {@link SettingsReader#check}, through the reader a run uses
 * ({@link StepWords#reader}), with the same sentences a run would fail with; a blank field is
 * the default. Only what is peculiar to Jenkins is added here: patterns stay in the workspace.
 */
final class FormChecks {

  private FormChecks() {}

  /**
   * Reads the form's paths as a run reads them inside a workspace; the form has none of its own,
   * and nothing is read from it.
   */
  private static final SettingsReader FORM =
      StepWords.reader(Path.of("").toAbsolutePath().resolve("workspace"));

  /** The core's check of one field given alone (the others take their defaults). */
  static FormValidation check(Setting focus, String value) {
    return answer(FORM.check(focus, new RawSettings().set(focus, value)));
  }

  /** The core's check of one field that is judged with another one (endRegion by startRegion). */
  static FormValidation check(Setting focus, String value, Setting other, String otherValue) {
    return answer(FORM.check(focus, new RawSettings().set(focus, value).set(other, otherValue)));
  }

  static FormValidation includes(String value) {
    return patterns(Setting.INCLUDES, value);
  }

  static FormValidation excludes(String value) {
    return patterns(Setting.EXCLUDES, value);
  }

  private static FormValidation patterns(Setting setting, String value) {
    for (String p : RawSettings.split(value)) {
      if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
        return FormValidation.error("'" + p + "' is absolute; patterns are relative to the "
            + "workspace.");
      }
      if (p.equals("..") || p.startsWith("../") || p.contains("/../")) {
        return FormValidation.error("'" + p + "' leaves the workspace; only files inside it are "
            + "checked.");
      }
    }
    return check(setting, value);
  }

  /** Errors first, all of them; else the warnings; each problem is one sentence. */
  private static FormValidation answer(List<Problem> problems) {
    List<String> errors = problems.stream().filter(Problem::isError).map(Problem::sentence)
        .toList();
    if (!errors.isEmpty()) {
      return FormValidation.error(String.join(" ", errors));
    }
    List<String> warnings = problems.stream().map(Problem::sentence).toList();
    return warnings.isEmpty() ? FormValidation.ok() : FormValidation.warning(String.join(" ",
        warnings));
  }
}
