package io.github.resemblegate.cli;

import static io.github.resemblegate.gate.settings.Setting.*;

import io.github.resemblegate.gate.settings.RawSettings;
import io.github.resemblegate.gate.settings.Setting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings catalogue as long options: one per {@link Setting}, named after it in kebab case
 * ({@code apiUrl} is {@code --api-url}, {@code thresholds.audio} is {@code --threshold-audio}),
 * described and defaulted by the catalogue. What the user typed goes, as words, to the core's one
 * settings reader, so names, defaults and sentences are those of the Maven goal and the Jenkins
 * step. An option left out is not sent: the reader's default applies.
 */
final class SettingOptions {

  /** Settings that are on or off: {@code --dry-run} alone means true. */
  static final Set<Setting> FLAGS = EnumSet.of(DEFAULT_EXCLUDES, ARCHIVES, DRY_RUN, CACHE,
      REFRESH, INTELLIGENCE, SEARCH_IDENTITY, VISUALIZE, AUDIO_SOURCE_TRACING, USE_LLM,
      ZERO_RETENTION_MODE, USE_REVERSE_SEARCH, USE_OOD_DETECTOR);

  /** Settings that take several items: repeat the option or separate them with commas. */
  static final Set<Setting> LISTS = EnumSet.of(INCLUDES, EXCLUDES);

  /** The words of a finished run's policy that {@code report} may change. */
  static final List<Setting> POLICY = List.of(THRESHOLD, AUDIO_THRESHOLD, IMAGE_THRESHOLD,
      VIDEO_THRESHOLD, WARN_THRESHOLD, ON_FLAGGED, ON_ERROR, ON_NO_SPEECH, ON_EMPTY,
      VIDEO_SCORING, WAIVERS_FILE);

  /** Where reports go and which: the settings every command that writes reports takes. */
  static final List<Setting> OUTPUT = List.of(REPORTS_DIRECTORY, FORMATS);

  /** The reports folder of a command line run: beside where it was started. */
  static final String DEFAULT_REPORTS_DIRECTORY = "resemble-reports";

  private final Map<Setting, OptionSpec> options = new EnumMap<>(Setting.class);

  private SettingOptions() {}

  /** Adds an option for each of {@code settings} to {@code command}. */
  static SettingOptions addTo(CommandSpec command, List<Setting> settings) {
    SettingOptions added = new SettingOptions();
    for (Setting s : settings) {
      OptionSpec.Builder b = OptionSpec.builder(names(s)).description(description(s));
      if (FLAGS.contains(s)) {
        b.type(Boolean.class).arity("0..1").fallbackValue("true").paramLabel("true|false");
      } else if (LISTS.contains(s)) {
        b.type(List.class).auxiliaryTypes(String.class).arity("1").paramLabel("<pattern>")
            .splitRegex(",");
      } else {
        b.type(String.class).arity("1").paramLabel(label(s));
      }
      OptionSpec option = b.build();
      command.addOption(option);
      added.options.put(s, option);
    }
    return added;
  }

  /** The option's name: the setting's, in kebab case. */
  static String optionName(Setting s) {
    if (s.id().startsWith("thresholds.")) {
      return "--threshold-" + s.id().substring("thresholds.".length());
    }
    StringBuilder kebab = new StringBuilder("--");
    for (char c : s.id().toCharArray()) {
      if (Character.isUpperCase(c)) {
        kebab.append('-').append(Character.toLowerCase(c));
      } else {
        kebab.append(c);
      }
    }
    return kebab.toString();
  }

  /** The catalogue's name first; the folders also go by the short -dir that scanners use. */
  private static String[] names(Setting s) {
    return switch (s) {
      case REPORTS_DIRECTORY -> new String[] {optionName(s), "--reports-dir"};
      case CACHE_DIRECTORY -> new String[] {optionName(s), "--cache-dir"};
      default -> new String[] {optionName(s)};
    };
  }

  private static String label(Setting s) {
    if (s == SHARD) {
      return "<i/n>";
    }
    String id = s.id().toLowerCase(Locale.ROOT);
    if (id.endsWith("directory") || id.endsWith("file")) {
      return "<path>";
    }
    if (id.endsWith("timeout") || id.endsWith("interval") || id.endsWith("budget")) {
      return "<duration>";
    }
    return "<value>";
  }

  private static String description(Setting s) {
    // The catalogue leaves some defaults to the front end; this one says its own below.
    String own = s.description().replaceAll(";? the default is the front end's.*$", "");
    String d = Character.toUpperCase(own.charAt(0)) + own.substring(1) + ".";
    if (s == REPORTS_DIRECTORY) {
      return d + " Default: " + DEFAULT_REPORTS_DIRECTORY + " in the current folder.";
    }
    if (s == INCLUDES) {
      return d + " Default: the PATHs given, else every file.";
    }
    return s.defaultWord() == null || s.defaultWord().isEmpty() ? d
        : d + " Default: " + s.defaultWord() + ".";
  }

  /** Whether the user gave the option for {@code s}. */
  boolean given(Setting s) {
    OptionSpec o = options.get(s);
    return o != null && !o.originalStringValues().isEmpty();
  }

  /** The words the user typed, by setting, into {@code raw}; options left out are not set. */
  RawSettings into(RawSettings raw) {
    options.forEach((s, o) -> {
      if (!given(s)) {
        return;
      }
      Object value = o.getValue();
      if (value instanceof List<?> items) {
        List<String> words = new ArrayList<>();
        items.forEach(i -> words.add(String.valueOf(i)));
        raw.set(s, words);
      } else {
        raw.set(s, value);
      }
    });
    return raw;
  }

  /** How sentences name a setting on the command line: as its option. */
  static String spelling(Setting s) {
    return optionName(s);
  }
}
