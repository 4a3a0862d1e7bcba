package io.github.resemblegate.gate.settings;

import io.github.resemblegate.gate.policy.Policy;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's settings as a front end read them, unparsed: the words by {@link Setting}, and the
 * waivers written inline (a Maven POM's {@code <waivers>}). A setting left out takes its default.
 * Lists may come as one word (comma- or newline-separated, as a command line or a text field
 * gives them) or as items. {@link SettingsReader} parses and checks them all in one place.
 */
public final class RawSettings {

  /** A waiver written inline; each field as the user wrote it. */
  public record InlineWaiver(String sha256, String path, String reason, String until) {}

  private final Map<Setting, List<String>> words = new EnumMap<>(Setting.class);
  private final List<InlineWaiver> waivers = new ArrayList<>();

  /**
   * Sets a setting to a value as the front end holds it (a string, a number, a boolean, a file);
   * null or a blank string leaves the setting to its default.
   */
  public RawSettings set(Setting setting, Object value) {
    String word = value instanceof File f ? f.getPath()
        : value instanceof Path p ? p.toString()
        : value == null ? null : value.toString();
    if (word == null || word.isBlank()) {
      words.remove(setting);
    } else {
      words.put(setting, List.of(word.strip()));
    }
    return this;
  }

  /**
   * The words that make {@code policy}, as a user would write them: a finished run's policy, to
   * judge the run again with some words changed. Its waivers come inline when {@code waivers}.
   */
  public static RawSettings of(Policy policy, boolean waivers) {
    RawSettings raw = new RawSettings()
        .set(Setting.THRESHOLD, policy.threshold())
        .set(Setting.WARN_THRESHOLD, policy.warnThreshold())
        .set(Setting.ON_FLAGGED, policy.onFlagged().name())
        .set(Setting.ON_ERROR, policy.onError().name())
        .set(Setting.ON_NO_SPEECH, policy.onNoSpeech().name())
        .set(Setting.ON_EMPTY, policy.onEmpty().name())
        .set(Setting.VIDEO_SCORING, policy.videoScoring().name());
    policy.thresholds().forEach((type, value) -> Setting.byId("thresholds." + type.id())
        .ifPresent(s -> raw.set(s, value)));
    if (waivers) {
      policy.waivers().forEach(w -> raw.waiver(w.sha256(), w.path(), w.reason(),
          w.until() == null ? null : w.until().toString()));
    }
    return raw;
  }

  /** Sets a list setting to items; null or no items leaves it to its default. */
  public RawSettings set(Setting setting, List<String> items) {
    if (items == null) {
      words.remove(setting);
      return this;
    }
    List<String> kept = new ArrayList<>();
    for (String item : items) {
      kept.addAll(split(item));
    }
    if (kept.isEmpty()) {
      words.remove(setting);
    } else {
      words.put(setting, List.copyOf(kept));
    }
    return this;
  }

  /** Adds a waiver written inline. */
  public RawSettings waiver(String sha256, String path, String reason, String until) {
    waivers.add(new InlineWaiver(sha256, path, reason, until));
    return this;
  }

  /** The word given for a setting, if any; a list's items joined with commas. */
  public Optional<String> word(Setting setting) {
    List<String> w = words.get(setting);
    return w == null ? Optional.empty() : Optional.of(String.join(",", w));
  }

  /** The items given for a list setting, split at commas and new lines; empty when none. */
  public List<String> items(Setting setting) {
    List<String> w = words.get(setting);
    if (w == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    w.forEach(word -> items.addAll(split(word)));
    return items;
  }

  public boolean has(Setting setting) {
    return words.containsKey(setting);
  }

  public List<InlineWaiver> waivers() {
    return List.copyOf(waivers);
  }

  /**
   * Splits one word of a list setting at commas and new lines, dropping blanks: the one splitter,
   * so a form's check and a run see the same items.
   */
  public static List<String> split(String word) {
    List<String> parts = new ArrayList<>();
    if (word != null) {
      for (String part : word.split("[,\\r\\n]+")) {
        if (!part.isBlank()) {
          parts.add(part.strip());
        }
      }
    }
    return parts;
  }
}
