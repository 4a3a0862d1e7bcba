package io.github.resemblegate.jenkins;

import io.github.resemblegate.gate.GateConfig;
import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import io.github.resemblegate.gate.settings.SettingsReader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A step's settings on their way to the agent: the user's words by the catalogue's name, as
 * plain strings so remoting's class filter passes them, handed to the core's settings reader
 * there in one step. It also owns the reader's Jenkins rules, which the form's checks use too.
 * Never holds the token: the controller resolves the credential named here.
 */
final class StepWords implements Serializable {
  private static final long serialVersionUID = 3L;

  /** The reports folder when the step names none, inside the workspace. */
  static final String DEFAULT_REPORTS_DIRECTORY = "resemble-reports";

  private static final Set<Setting> REACTIONS =
      EnumSet.of(Setting.ON_FLAGGED, Setting.ON_ERROR, Setting.ON_NO_SPEECH, Setting.ON_EMPTY);

  private final TreeMap<String, String> words = new TreeMap<>();
  private final String credentialsId;

  private StepWords(String credentialsId) {
    this.credentialsId = credentialsId;
  }

  /**
   * The words of a step's settings, each read under its field name from the freestyle step's
   * getter or the Pipeline step's public field: a setting left null or blank is not sent (the
   * reader's default applies), nor is an unticked box of a setting without a default (a
   * detection option: the API's default applies); Jenkins' FAILURE and UNSTABLE become the
   * catalogue's FAIL and WARN.
   */
  static StepWords of(Object step) {
    StepWords w = new StepWords(Text.blankToNull((String) valueOf(step, "credentialsId")));
    for (Setting s : Setting.values()) {
      Object value = valueOf(step, fieldName(s));
      boolean untickedOption = Boolean.FALSE.equals(value) && s.defaultWord() == null;
      String word = value == null || untickedOption ? null : Text.blankToNull(value.toString());
      if (word != null) {
        w.words.put(s.id(), REACTIONS.contains(s) ? LegacyWords.reaction(word) : word);
      }
    }
    return w;
  }

  private static Object valueOf(Object step, String field) {
    String getter = "get" + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    try {
      try {
        return step.getClass().getMethod(getter).invoke(step);
      } catch (NoSuchMethodException e) {
        return step.getClass().getField(field).get(step);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The step has no readable setting " + field, e);
    }
  }

  /** These words, with {@code word} for {@code setting} when the step gave none. */
  StepWords orElse(Setting setting, String word) {
    if (words.containsKey(setting.id()) || Text.isBlank(word)) {
      return this;
    }
    StepWords w = new StepWords(credentialsId);
    w.words.putAll(words);
    w.words.put(setting.id(), word.strip());
    return w;
  }

  /** The step's credential, or null: the controller resolves it; the agent gets the token. */
  String credentialsId() {
    return credentialsId;
  }

  /** The word sent for {@code setting}, or null when it takes its default. */
  String word(Setting setting) {
    return words.get(setting.id());
  }

  /** The words sent, by the catalogue's name. */
  SortedMap<String, String> words() {
    return Collections.unmodifiableSortedMap(words);
  }

  /**
   * The gate configuration for a workspace, on the agent.
   *
   * @param token the API token, or null: the gate asks for one only when it must upload
   * @throws io.github.resemblegate.gate.settings.SettingsException with one sentence per setting
   */
  GateConfig read(Path workspace, String token, ProxySettings proxy, Consumer<String> warn) {
    SettingsReader reader = reader(workspace).token(token, Tokens.source(credentialsId),
        Tokens.ADVICE);
    if (proxy != null) {
      proxy.applyTo(reader);
    }
    RawSettings raw = new RawSettings();
    words.forEach((id, word) -> raw.set(Setting.byId(id).orElseThrow(), word));
    return reader.read(raw, warn);
  }

  /**
   * The reader with the step's own rules, for runs and for the form alike: includes must be
   * given, the reports go into the workspace, no path may leave it, and sentences name the
   * step's fields.
   */
  static SettingsReader reader(Path workspace) {
    Path base = workspace.toAbsolutePath().normalize();
    return SettingsReader.forBase(base)
        .defaultIncludes(null)
        .defaultReportsDirectory(base.resolve(DEFAULT_REPORTS_DIRECTORY))
        .userAgent("jenkins")
        .confineToBase("the workspace")
        .spelling(StepWords::fieldName);
  }

  /** The step's field for a setting: its catalogue name, but a Jenkins field holds no dot. */
  static String fieldName(Setting setting) {
    return switch (setting) {
      case AUDIO_THRESHOLD -> "audioThreshold";
      case IMAGE_THRESHOLD -> "imageThreshold";
      case VIDEO_THRESHOLD -> "videoThreshold";
      default -> setting.id();
    };
  }

  /** The words, but a callback URL only as "(set)": it may carry a secret of the user's. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("StepWords[");
    words.forEach((id, word) -> s.append(s.length() > 10 ? ", " : "").append(id).append('=')
        .append(id.equals(Setting.CALLBACK_URL.id()) ? "(set)" : word));
    return s.append(']').toString();
  }
}
