package io.github.resemblegate.gate.settings;

import io.github.resemblegate.client.ResembleClient;
import io.github.resemblegate.gate.GateException;
import io.github.resemblegate.gate.ReportFormat;
import io.github.resemblegate.gate.GateConfig.Shard;
import io.github.resemblegate.gate.policy.Reaction;
import io.github.resemblegate.gate.scan.AntPattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One reading of a user's words: each accessor parses one setting, or records one sentence
 * saying what is wrong with it (the setting, the value given, what is allowed) and yields nothing,
 * so that a reading collects every problem at once.
 */
final class Parsing {

  private static final Pattern SHARD = Pattern.compile("(\\d{1,6})\\s*/\\s*(\\d{1,6})");

  private final RawSettings raw;
  private final Function<Setting, String> names;
  private final List<Problem> problems = new ArrayList<>();

  /** {@code names}: how the front end spells each setting, for its sentences. */
  Parsing(RawSettings raw, Function<Setting, String> names) {
    this.raw = raw;
    this.names = names;
  }

  /** The setting's name as the user typed it in this front end. */
  String name(Setting s) {
    return names.apply(s);
  }

  /** Whether the user gave a word for the setting. */
  boolean has(Setting s) {
    return raw.has(s);
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  void error(Setting s, String sentence) {
    problems.add(new Problem(s, Problem.Level.ERROR, sentence));
  }

  void warning(Setting s, String sentence) {
    problems.add(new Problem(s, Problem.Level.WARNING, sentence));
  }

  Optional<Boolean> bool(Setting s) {
    return raw.word(s).flatMap(w -> switch (w.toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> fail(s, "true or false", w);
    });
  }

  /** A deepfake probability, from 0 to 1. */
  Optional<Double> probability(Setting s) {
    return number(s).flatMap(d -> d >= 0 && d <= 1 ? Optional.of(d)
        : fail(s, "between 0 and 1 (a deepfake probability)", raw.word(s).orElse("")));
  }

  /** A number of seconds into the media, 0 or more. */
  Optional<Double> seconds(Setting s) {
    return number(s).flatMap(d -> d >= 0 ? Optional.of(d)
        : fail(s, "a number of seconds, 0 or more", raw.word(s).orElse("")));
  }

  /** A number greater than 0. */
  Optional<Double> positive(Setting s) {
    return number(s).flatMap(d -> d > 0 ? Optional.of(d)
        : fail(s, "a number greater than 0", raw.word(s).orElse("")));
  }

  /** A whole number from {@code min} to {@code max}; {@code allowed} says so in words. */
  Optional<Long> whole(Setting s, long min, long max, String allowed) {
    return raw.word(s).flatMap(w -> {
      try {
        long n = Long.parseLong(w);
        return n >= min && n <= max ? Optional.of(n) : fail(s, allowed, w);
      } catch (NumberFormatException e) {
        return fail(s, allowed, w);
      }
    });
  }

  Optional<Integer> count(Setting s, int min, int max, String allowed) {
    return whole(s, min, max, allowed).map(Long::intValue);
  }

  /** A shard {@code i/n}: 1 <= i <= n. */
  Optional<Shard> shard(Setting s) {
    return raw.word(s).flatMap(w -> {
      Matcher m = SHARD.matcher(w);
      if (m.matches()) {
        int index = Integer.parseInt(m.group(1));
        int total = Integer.parseInt(m.group(2));
        if (index >= 1 && index <= total) {
          return Optional.of(new Shard(index, total));
        }
      }
      return fail(s, "i/n with 1 <= i <= n, such as 2/4", w);
    });
  }

  /** A positive duration such as 500ms, 90s, 30m or 1h. */
  Optional<Duration> duration(Setting s) {
    return raw.word(s).flatMap(w -> {
      Duration d = Durations.parse(w);
      return d != null && !d.isZero() ? Optional.of(d)
          : fail(s, "a duration such as 500ms, 90s, 30m or 1h", w);
    });
  }

  /** FAIL, WARN or IGNORE; Jenkins' FAILURE and UNSTABLE mean FAIL and WARN. */
  Optional<Reaction> reaction(Setting s) {
    return raw.word(s).flatMap(w -> switch (w.toUpperCase(Locale.ROOT)) {
      case "FAIL", "FAILURE" -> Optional.of(Reaction.FAIL);
      case "WARN", "UNSTABLE" -> Optional.of(Reaction.WARN);
      case "IGNORE" -> Optional.of(Reaction.IGNORE);
      default -> fail(s, "FAIL, WARN or IGNORE", w);
    });
  }

  /** One of an enum's names, in any case, with {@code -} for {@code _}. */
  <E extends Enum<E>> Optional<E> choice(Setting s, Class<E> type) {
    return raw.word(s).flatMap(w -> {
      String v = w.toUpperCase(Locale.ROOT).replace('-', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(v)) {
          return Optional.of(constant);
        }
      }
      return fail(s, "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", ")), w);
    });
  }

  /** Ant-style patterns, each checked; empty when none are given. */
  List<String> patterns(Setting s) {
    List<String> items = raw.items(s);
    for (String p : items) {
      try {
        AntPattern.compile(p, name(s));
      } catch (GateException e) {
        error(s, e.getMessage());
      }
    }
    return items;
  }

  Optional<Set<ReportFormat>> formats(Setting s) {
    return raw.word(s).flatMap(w -> {
      try {
        return Optional.of(ReportFormat.parse(w));
      } catch (IllegalArgumentException e) {
        return fail(s, "a list of json, junit, sarif, html and md, or all, or none", w);
      }
    });
  }

  /** The API's base URL, checked as the client will check it. */
  Optional<String> apiUrl(Setting s) {
    return raw.word(s).flatMap(w -> {
      try {
        ResembleClient.checkBaseUrl(w);
        return Optional.of(w);
      } catch (IllegalArgumentException e) {
        error(s, name(s) + ": " + e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** An https URL the API will post to (a callback may hold a secret, so it is never printed). */
  Optional<String> callbackUrl(Setting s) {
    return raw.word(s).flatMap(w -> {
      try {
        URI uri = new URI(w);
        if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
          return Optional.of(w);
        }
      } catch (URISyntaxException e) {
        // said below
      }
      error(s, name(s) + " must be an https:// URL the Resemble API can reach; the one given is"
          + " not.");
      return Optional.empty();
    });
  }

  /**
   * A path relative to {@code base} (or absolute); with {@code confinedTo} it must stay inside the
   * base, which that phrase names (Jenkins: the workspace).
   */
  Optional<Path> path(Setting s, Path base, String confinedTo) {
    return raw.word(s).flatMap(w -> {
      Path p;
      try {
        p = base.resolve(w).toAbsolutePath().normalize();
      } catch (InvalidPathException e) {
        return fail(s, "a valid path", w);
      }
      if (confinedTo != null && (!p.startsWith(base) || p.equals(base))) {
        return fail(s, "a path inside " + confinedTo, w);
      }
      return Optional.of(p);
    });
  }

  private Optional<Double> number(Setting s) {
    return raw.word(s).flatMap(w -> {
      try {
        double d = Double.parseDouble(w);
        return Double.isFinite(d) ? Optional.of(d) : fail(s, "a number", w);
      } catch (NumberFormatException e) {
        return fail(s, "a number", w);
      }
    });
  }

  private <T> Optional<T> fail(Setting s, String allowed, String given) {
    error(s, name(s) + " must be " + allowed + ", not '" + given + "'.");
    return Optional.empty();
  }
}
